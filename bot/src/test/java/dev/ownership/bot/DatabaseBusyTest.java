package dev.ownership.bot;

import static dev.ownership.bot.BotHarness.ADMIN;
import static dev.ownership.bot.BotHarness.ALICE;
import static dev.ownership.bot.BotHarness.BOB;
import static dev.ownership.bot.BotHarness.CHEN;
import static dev.ownership.bot.BotHarness.LEAD;
import static dev.ownership.bot.BotHarness.STANDUP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.simulator.CommandReply;
import dev.ownership.simulator.EventDelivery;
import dev.ownership.storage.Database;
import dev.ownership.storage.nudge.StandupRepository;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bot while another process holds the database's write lock, as an operator's {@code sqlite3} shell may: a
 * second JVM ({@link WriteLockHolder}) on the same file, so that SQLite's file locks are really taken between two
 * processes.
 */
@DisplayName("the database held by another process")
class DatabaseBusyTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Slack's deadline for an acknowledgement. */
    private static final Duration SLACK_ACK_DEADLINE = Duration.ofSeconds(3);

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    private Process holder;

    @AfterEach
    void stopHolder() {
        if (holder != null && holder.isAlive()) {
            holder.destroyForcibly();
        }
    }

    private Process startHolder(Path database, Duration minimumHold) throws Exception {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                WriteLockHolder.class.getName(),
                database.toString(),
                Long.toString(minimumHold.toMillis()));
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + WAIT + " waiting until " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    private record Timed<T>(T value, long sentAtMillis, long answeredAtMillis) {
        Duration latency() {
            return Duration.ofMillis(answeredAtMillis - sentAtMillis);
        }
    }

    @Test
    @DisplayName("standup posts and a command that come while it holds the write lock for 1.5 s are acknowledged "
            + "within Slack's deadline, answered normally and recorded once it lets go")
    void shouldWaitForTheLockAndRecordEverything() throws Exception {
        harness.watchStandup();
        harness.probe().awaitBackgroundWork(WAIT);
        harness.sim().clearCalls();
        holder = startHolder(harness.directory().resolve("ownership.db"), Duration.ofMillis(1500));
        BufferedReader said =
                new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertThat(said.readLine()).isEqualTo("LOCKED");

        ExecutorService slack = Executors.newFixedThreadPool(7);
        List<Future<Timed<EventDelivery>>> posts = new ArrayList<>();
        List<String> authors = List.of(ALICE, BOB, CHEN, LEAD, ADMIN, ALICE);
        for (int i = 0; i < authors.size(); i++) {
            String text = "*Blockers:* waiting on the platform team, item " + i;
            String author = authors.get(i);
            posts.add(slack.submit(() -> {
                long sent = System.currentTimeMillis();
                EventDelivery delivery = harness.slack().message(STANDUP, author, text);
                return new Timed<>(delivery, sent, System.currentTimeMillis());
            }));
        }
        Future<CommandReply> command =
                slack.submit(() -> harness.slack().slashCommand(ALICE, STANDUP, "learned Retry the whole write"));
        // Every one of them is a database write that cannot finish while the other process holds the lock: the posts
        // queued for the group commit, whose thread waits for SQLite, and the command's transaction.
        Database database = harness.bot().database();
        await(
                "the six posts and the command wait for the database",
                () -> database.writesUnderWay() >= authors.size() + 1);
        assertThat(posts).as("no post is acknowledged while the lock is held").noneMatch(Future::isDone);
        assertThat(harness.sim().calls("response_url"))
                .as("the command is not answered while the lock is held")
                .isEmpty();
        try (Writer release = new OutputStreamWriter(holder.getOutputStream(), StandardCharsets.UTF_8)) {
            release.write("release\n");
        }
        String released = said.readLine();
        assertThat(released).startsWith("RELEASED ");
        long releasing = Long.parseLong(released.substring("RELEASED ".length()));
        assertThat(holder.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(holder.exitValue()).isZero();

        StandupRepository recorded = new StandupRepository(harness.bot().database());
        for (Future<Timed<EventDelivery>> post : posts) {
            Timed<EventDelivery> timed = post.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(timed.value().status()).isEqualTo(200);
            assertThat(timed.sentAtMillis()).as("sent while the lock was held").isLessThanOrEqualTo(releasing);
            assertThat(timed.answeredAtMillis())
                    .as("acknowledged after the lock was let go")
                    .isGreaterThanOrEqualTo(releasing);
            assertThat(timed.latency()).as("time to the acknowledgement").isLessThan(SLACK_ACK_DEADLINE);
            assertThat(recorded.find(STANDUP, timed.value().ts())).isPresent();
        }
        assertThat(command.get(WAIT.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(200);
        String answer = harness.sim().awaitCall("response_url", WAIT).text();
        assertThat(answer).doesNotContain("went wrong").contains("Shared in #standup");
        slack.shutdown();

        long learnings = harness.bot().database().read(connection -> {
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM learnings")) {
                rows.next();
                return rows.getLong(1);
            }
        });
        assertThat(learnings).isEqualTo(1);
        long standupPosts = harness.bot().database().read(connection -> {
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM standup_posts")) {
                rows.next();
                return rows.getLong(1);
            }
        });
        assertThat(standupPosts).isEqualTo(authors.size());
        await("every write has landed", () -> database.writesUnderWay() == 0);
    }
}
