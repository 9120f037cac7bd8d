package dev.ownership.benchmarks;

import dev.ownership.bot.streak.StreakService;
import dev.ownership.storage.Database;
import dev.ownership.storage.blocker.LongBlockerRepository;
import dev.ownership.storage.nudge.StandupRepository;
import dev.ownership.storage.pause.PauseRepository;
import dev.ownership.storage.streak.ActivityRepository;
import dev.ownership.storage.workspace.TeamRepository;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * The storage reads behind the bot's slow paths, timed in-process on the run's database file once the bot has
 * stopped (nothing else using the file): what a due-work tick, an App Home, {@code /ownership me} and a nudge read,
 * at this organisation's size. Stateless; used once per run.
 */
final class LargeOrgProbes {
    private static final int RUNS = 20;

    private LargeOrgProbes() {}

    static void report(PrintStream out, Path file, LargeOrgWorld world, Instant now) {
        out.println();
        out.println("## Storage reads timed in-process on the same file afterwards");
        out.println();
        out.println("| read | where the bot makes it | runs | p50 | p99 | max | rows |");
        out.println("| --- | --- | --- | --- | --- | --- | --- |");
        try (Database database = Database.open(file)) {
            ActivityRepository activity = new ActivityRepository(database);
            TeamRepository teams = new TeamRepository(database);
            StreakService streaks = new StreakService(
                    teams,
                    activity,
                    new PauseRepository(database),
                    Duration.ofMinutes(1),
                    Clock.fixed(now, ZoneOffset.UTC));
            LongBlockerRepository longBlockers = new LongBlockerRepository(database);
            StandupRepository posts = new StandupRepository(database);
            int[] rows = new int[1];
            time(
                    out,
                    "`ActivityRepository.inTeam(channel, user, EPOCH, now)`",
                    "each streak (App Home, me)",
                    member -> {
                        rows[0] = activity.inTeam(
                                        LargeOrgWorld.channelId(LargeOrgWorld.teamOf(member)),
                                        LargeOrgWorld.userId(member),
                                        Instant.EPOCH,
                                        now)
                                .posts()
                                .size();
                    },
                    world,
                    rows);
            time(
                    out,
                    "`ActivityRepository.inTeam(channel, null, EPOCH, now)`",
                    "(the same for the whole team)",
                    member -> {
                        rows[0] = activity.inTeam(
                                        LargeOrgWorld.channelId(LargeOrgWorld.teamOf(member)), null, Instant.EPOCH, now)
                                .posts()
                                .size();
                    },
                    world,
                    rows);
            time(
                    out,
                    "`ActivityRepository.channelsOf(user)`",
                    "App Home, me: the person's teams",
                    member -> {
                        rows[0] = activity.channelsOf(LargeOrgWorld.userId(member))
                                .size();
                    },
                    world,
                    rows);
            time(
                    out,
                    "`StreakService.progress(user)`",
                    "App Home, me: all of the above",
                    member -> {
                        rows[0] = streaks.progress(LargeOrgWorld.userId(member)).size();
                    },
                    world,
                    rows);
            time(
                    out,
                    "`TeamRepository.watched()`",
                    "each tick (digests); each App Home (teams led)",
                    member -> {
                        rows[0] = teams.watched().size();
                    },
                    world,
                    rows);
            time(
                    out,
                    "`LongBlockerRepository.blockersSince(now - 21 days)`",
                    "each tick (long blockers)",
                    member -> {
                        rows[0] = longBlockers
                                .blockersSince(now.minus(Duration.ofDays(21)))
                                .size();
                    },
                    world,
                    rows);
            time(
                    out,
                    "`StandupRepository.due(now, 200)`",
                    "each tick (nudges)",
                    member -> {
                        rows[0] = posts.due(now, 200).size();
                    },
                    world,
                    rows);
        }
    }

    private static void time(
            PrintStream out, String read, String where, IntConsumer run, LargeOrgWorld world, int[] rows) {
        run.accept(world.members() - 1); // once unmeasured, to warm the caches
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            int member = (int) ((i * 7_919L) % world.members());
            long started = System.nanoTime();
            run.accept(member);
            millis.add(LargeOrgStats.nanosToMillis(System.nanoTime() - started));
        }
        out.printf(Locale.ROOT, "| %s | %s | %s | %,d |%n", read, where, LargeOrgStats.summary(millis), rows[0]);
    }
}
