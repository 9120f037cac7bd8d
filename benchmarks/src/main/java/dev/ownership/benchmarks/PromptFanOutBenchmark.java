package dev.ownership.benchmarks;

import dev.ownership.bot.Application;
import dev.ownership.bot.WorkProbe;
import dev.ownership.bot.demo.LocalBot;
import dev.ownership.simulator.CommandReply;
import dev.ownership.simulator.ManualClock;
import dev.ownership.simulator.RateLimits;
import dev.ownership.simulator.RecordedCall;
import dev.ownership.simulator.SimChannel;
import dev.ownership.simulator.SimUser;
import dev.ownership.simulator.SlackRequests;
import dev.ownership.simulator.SlackSimulator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The prompt fan-out to a team of 2,000 members, through the real bot and the Slack simulator enforcing Slack's
 * rate-limit tiers; prints the figures for {@code docs/BENCHMARKS.md}.
 *
 * <p>Two runs, each {@code /ownership prompt learning} to the whole team (a fresh occurrence each time, so every
 * member gets one DM per run):
 *
 * <ol>
 *   <li>{@code RateLimits.slackTiers()} as Slack documents them (real time windows);
 *   <li>the same tiers {@code .scaled(0.05)} (every window 20 times shorter) with {@code chat.postMessage} also
 *       capped workspace-wide at 50 calls per (scaled) minute, i.e. 50 per 3 s, so that the fan-out runs into
 *       429s and must wait for {@code Retry-After} all the way through.
 * </ol>
 *
 * <p>The team's members are read from the channel before the limits are turned on (2,000 {@code users.info} calls
 * at Tier 4 would take 20 minutes), so each run measures the fan-out itself. The simulator's HTTP server runs with
 * {@code TCP_NODELAY}. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar dev.ownership.benchmarks.PromptFanOutBenchmark [members]}.
 */
public final class PromptFanOutBenchmark {
    private static final String ADMIN = "U0ADMIN01";
    private static final String CHANNEL = "C0BENCH01";
    private static final String[] ZONES = {
        "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "Asia/Kolkata", "America/Sao_Paulo"
    };
    private static final Duration WAIT = Duration.ofMinutes(30);

    private final int members;
    private final PrintStream out;
    private ManualClock clock;
    private LocalBot local;
    private SlackSimulator sim;
    private WorkProbe bot;
    private SlackRequests slack;

    private PromptFanOutBenchmark(int members, PrintStream out) {
        this.members = members;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("ownership.log.level", "WARN");
        // The simulator's JDK HTTP server otherwise answers each call after a ~40 ms delayed-ACK stall (Nagle),
        // which would measure loopback TCP rather than the bot.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        new PromptFanOutBenchmark(members, System.out).run();
    }

    private void run() throws IOException {
        Path directory = Files.createTempDirectory("ownership-fanout");
        try {
            start(directory);
            out.printf(Locale.ROOT, "Prompt fan-out to %d members (%d with the admin)%n", members, members + 1);
            warmUp();
            measure("slackTiers()", RateLimits.slackTiers());
            measure(
                    "slackTiers().scaled(0.05) + chat.postMessage 50/min workspace-wide",
                    RateLimits.slackTiers()
                            .scaled(0.05)
                            .with("chat.postMessage", new RateLimits.Limit(50, Duration.ofSeconds(3))));
        } finally {
            stop();
            deleteQuietly(directory);
        }
    }

    private void start(Path directory) {
        // A Wednesday morning: no default schedule (learning Fridays, risk Mondays) fires or catches up meanwhile.
        clock = new ManualClock(Instant.parse("2026-11-25T09:00:00Z"));
        local = LocalBot.on(clock)
                .tick(Duration.ofSeconds(1))
                .retryBackoff(Duration.ofMillis(200))
                .slackTimeout(Application.Options.DEFAULT_SLACK_TIMEOUT)
                .workspace(this::bigTeam)
                .start(directory);
        sim = local.sim();
        bot = local.probe();
        slack = local.slack();
    }

    private void bigTeam(SlackSimulator simulator) {
        simulator
                .workspace()
                .addUser(SimUser.person(ADMIN, "ada", "Europe/Berlin").asAdmin());
        List<String> everyone = new ArrayList<>();
        everyone.add(ADMIN);
        for (int i = 1; i <= members; i++) {
            String id = String.format(Locale.ROOT, "U0M%06d", i);
            simulator.workspace().addUser(SimUser.person(id, "member" + i, ZONES[i % ZONES.length]));
            everyone.add(id);
        }
        simulator
                .workspace()
                .addChannel(SimChannel.publicChannel(CHANNEL, "big-team", everyone.toArray(String[]::new)));
    }

    /** Watches the channel (reading its members, no limits yet) and sends one unmeasured prompt. */
    private void warmUp() {
        long started = System.nanoTime();
        command("watch");
        bot.awaitBackgroundWork(WAIT);
        out.printf(
                Locale.ROOT,
                "  set-up: watch and read %d members in %.1f s (limits off)%n",
                members + 1,
                seconds(System.nanoTime() - started));
        command("prompt learning");
        bot.awaitBackgroundWork(WAIT);
    }

    private void measure(String limits, RateLimits rateLimits) {
        clock.advance(Duration.ofMinutes(1)); // a new occurrence of "now" for /ownership prompt
        sim.clearCalls();
        sim.enforceRateLimits(rateLimits);
        long started = System.nanoTime();
        command("prompt learning");
        bot.awaitBackgroundWork(WAIT);
        long elapsed = System.nanoTime() - started;
        sim.enforceRateLimits(RateLimits.off());

        List<RecordedCall> posts = sim.calls("chat.postMessage");
        long delivered = posts.stream().filter(RecordedCall::ok).count();
        long limited = posts.stream().filter(call -> call.httpStatus() == 429).count();
        long otherRefusals = posts.stream()
                .filter(call -> !call.ok() && call.httpStatus() != 429)
                .count();
        long reachedOnce = sim.workspace().users().stream()
                .filter(user -> !user.bot())
                .filter(user -> sim.dmsTo(user.id()).size() == 1)
                .count();
        out.printf(Locale.ROOT, "%n  limits: %s%n", limits);
        out.printf(
                Locale.ROOT,
                "  DMs delivered: %d in %.1f s (%.0f per second), members reached exactly once: %d of %d%n",
                delivered,
                seconds(elapsed),
                delivered / seconds(elapsed),
                reachedOnce,
                members + 1);
        out.printf(
                Locale.ROOT,
                "  HTTP 429 answered by waiting for Retry-After: %d; other refusals: %d; lost: %d%n",
                limited,
                otherRefusals,
                members + 1 - reachedOnce);
        out.printf(Locale.ROOT, "  other Web API calls during the run: %s%n", otherCalls());
    }

    private String otherCalls() {
        Map<String, Long> counts = new HashMap<>();
        for (RecordedCall call : sim.calls()) {
            if (!call.method().equals("chat.postMessage")) {
                counts.merge(call.method(), 1L, Long::sum);
            }
        }
        return counts.toString();
    }

    private void command(String text) {
        CommandReply reply = slack.slashCommand(ADMIN, CHANNEL, text);
        if (reply.status() != 200) {
            throw new IllegalStateException("The bot answered " + reply.status() + " to /ownership " + text);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private void stop() {
        if (local != null) {
            local.close();
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temp directory left behind is harmless.
        }
    }
}
