package dev.ownership.benchmarks;

import dev.ownership.storage.Database;
import dev.ownership.storage.nudge.FirstVerdict;
import dev.ownership.storage.nudge.PostLabel;
import dev.ownership.storage.nudge.StandupPost;
import dev.ownership.storage.nudge.StandupRepository;
import dev.ownership.storage.privacy.RetentionRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Retention pruning of a large organisation's history while standup posts keep arriving (issue #16: "deletes in small
 * batches and never holds the writer long enough to push an ack over 20 ms"). A program, not a test:
 *
 * <ol>
 *   <li>writes a real SQLite file with MEMBERS standup posts per workday for 730 + EXTRA days (the default retention
 *       extended to two years, and EXTRA days past it: what one pruning run has to delete);
 *   <li>prunes it with {@link RetentionRepository#deleteBefore} at a 730-day cutoff, while another thread records a
 *       standup post every 5 ms the way the ack path does ({@link StandupRepository#record}, group-committed);
 *   <li>prints the file's size, the rows deleted, the pruning's duration and the latency of the concurrent writes
 *       (p50, p99, max), with the same writes measured before the pruning as the baseline, and the file's size (with
 *       its write-ahead log) right after the pruning and once writes went on for three seconds.
 * </ol>
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.ownership.benchmarks.RetentionDriver MEMBERS EXTRA_DAYS</pre>
 */
public final class RetentionDriver {
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(730);
    private static final int CHANNELS = 400;

    private RetentionDriver() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int extraDays = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path directory = Files.createTempDirectory("ownership-retention");
        Path file = directory.resolve("ownership.db");
        long started = System.nanoTime();
        try (Database filling = Database.open(file)) {
            long posts = fill(filling, members, 730 + extraDays);
            System.out.printf(
                    "Wrote %,d standup posts (%,d members, %d days) in %.1f s; file %,d MiB%n",
                    posts, members, 730 + extraDays, seconds(started), size(file) / (1024 * 1024));
        }
        // Two years are written over two years, not in two minutes: the bot is measured as after a restart.
        long opening = System.nanoTime();
        try (Database database = Database.open(file)) {
            System.out.printf("Opened in %.2f s%n", seconds(opening));
            StandupRepository repository = new StandupRepository(database);
            List<Long> baseline = writeWhile(repository, "base", () -> sleep(3_000));
            System.out.println("Writes alone:          " + summary(baseline));
            long[] deleted = new long[1];
            long[] took = new long[1];
            List<Long> during = writeWhile(repository, "prune", () -> {
                long start = System.nanoTime();
                Map<String, Integer> rows = new RetentionRepository(database).deleteBefore(NOW.minus(RETENTION));
                took[0] = System.nanoTime() - start;
                deleted[0] =
                        rows.values().stream().mapToLong(Integer::longValue).sum();
            });
            System.out.printf(
                    "Pruned %,d rows in %.2f s, batches of %d%n", deleted[0], took[0] / 1e9, RetentionRepository.BATCH);
            System.out.println("Writes during pruning: " + summary(during));
            System.out.printf("Right after pruning: file and log %,d MiB%n", size(file) / (1024 * 1024));
            // The log starts over, cut back to its size limit, once a checkpoint caught up and a write comes.
            List<Long> after = writeWhile(repository, "after", () -> sleep(3_000));
            System.out.println("Writes after pruning:  " + summary(after));
            System.out.printf(
                    "File after pruning: %,d MiB for %,d members (%.1f KiB per member-year of posts)%n",
                    size(file) / (1024 * 1024), members, size(file) / 1024.0 / members / 2.0);
        } finally {
            try (var paths = Files.walk(directory)) {
                paths.sorted(Collections.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    /** One post per member per workday, a fifth of them blockers, spread over {@value #CHANNELS} channels. */
    private static long fill(Database database, int members, int days) {
        return database.inTransaction(connection -> {
            long count = 0;
            try (PreparedStatement insert = connection.prepareStatement(
                    """
                    INSERT INTO standup_posts (channel_id, ts, user_id, posted_at, label, category, reasons, state,
                                               updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)
                    """)) {
                for (int day = days; day >= 1; day--) {
                    Instant date = NOW.minus(Duration.ofDays(day));
                    int weekday =
                            date.atZone(java.time.ZoneOffset.UTC).getDayOfWeek().getValue();
                    if (weekday > 5) {
                        continue;
                    }
                    for (int member = 0; member < members; member++) {
                        Instant at = date.plusSeconds(member % 1_800);
                        boolean blocker = member % 5 == 0;
                        insert.setString(1, "C" + (member % CHANNELS));
                        insert.setString(2, at.getEpochSecond() + "." + String.format("%06d", member));
                        insert.setString(3, "U" + member);
                        insert.setLong(4, at.toEpochMilli());
                        insert.setString(5, blocker ? "blocker_without_proposal" : "none");
                        insert.setString(6, blocker ? "review_pending" : null);
                        insert.setString(7, blocker ? "nudged" : "clear");
                        insert.setLong(8, at.toEpochMilli());
                        insert.addBatch();
                        if (++count % 10_000 == 0) {
                            insert.executeBatch();
                        }
                    }
                }
                insert.executeBatch();
            }
            return count;
        });
    }

    /** Records a post every 5 ms while {@code work} runs; the latency of each write, in nanoseconds. */
    private static List<Long> writeWhile(StandupRepository repository, String tag, Runnable work)
            throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean done = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            int i = 0;
            while (!done.get()) {
                Instant now = Instant.now();
                long start = System.nanoTime();
                repository.record(
                        "CLIVE",
                        tag + "." + i++,
                        "ULIVE",
                        now,
                        new FirstVerdict(PostLabel.NONE, null, List.of(), StandupPost.State.CLEAR, null, null),
                        now);
                latencies.add(System.nanoTime() - start);
                sleep(5);
            }
        });
        writer.start();
        work.run();
        done.set(true);
        writer.join();
        return latencies;
    }

    private static String summary(List<Long> latencies) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "no writes";
        }
        return String.format(
                "%,d writes, p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                sorted.size(),
                sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6);
    }

    /** The database's bytes on disk: the file and its write-ahead log. */
    private static long size(Path file) throws IOException {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        return Files.size(file) + (Files.exists(wal) ? Files.size(wal) : 0);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
