package dev.ownership.benchmarks;

import static dev.ownership.benchmarks.LargeOrgStats.mib;
import static dev.ownership.benchmarks.LargeOrgStats.millisBetween;
import static dev.ownership.benchmarks.LargeOrgStats.ms;
import static dev.ownership.benchmarks.LargeOrgStats.summary;

import dev.ownership.bot.Application;
import dev.ownership.simulator.CommandReply;
import dev.ownership.simulator.EventDelivery;
import dev.ownership.simulator.RateLimits;
import dev.ownership.simulator.RecordedCall;
import dev.ownership.simulator.SimMessage;
import dev.ownership.simulator.SlackRequests;
import dev.ownership.simulator.SlackSimulator;
import dev.ownership.storage.Database;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A large organisation on one instance (issue #16): the real bot, as its own process with the container's JVM flags,
 * on a real SQLite file pre-filled with two years of a large customer's records, driven through the Slack simulator
 * with Slack's rate-limit tiers enforced. A program, not a test; prints its findings as Markdown tables.
 *
 * <ol>
 *   <li>Writes the world and its history ({@link LargeOrgHistory}): MEMBERS members over 24 timezones, 400 watched
 *       teams (written through the storage repositories before start, each with one or two leads), DAYS of standup
 *       posts, learnings, risk check-ins, prompt deliveries and digests.
 *   <li>Starts the bot ({@link LargeOrgBot}, with {@code OWNERSHIP_NUDGE_GRACE=PT1M} and
 *       {@code OWNERSHIP_RETENTION=P730D}): start-up to healthy, and the membership catch-up of the 400 channels
 *       ({@code conversations.members} as the simulator records it), with standup posts sent meanwhile.
 *   <li>The morning burst ({@link LargeOrgBurst}): every member posts once, with edits and thread replies, the 30
 *       minutes of a real morning compressed into {@code -Dlargeorg.burstSeconds} (180 by default) with the same number
 *       of events; ack latency, then how late each nudge DM went out after its due time.
 *   <li>The cost of App Home ({@code app_home_opened} until {@code views.publish}), {@code /ownership me},
 *       {@code /ownership team} and {@code /ownership digest} (until the answer through the {@code response_url}).
 *   <li>All 400 weekly digests due at the same minute, and the learning prompt due at that minute in the easternmost
 *       zone: how late the digest DMs are, how the prompt DMs are paced, how long the due-work ticks run.
 *   <li>A restart with the learning prompt owed to every member in every zone: start-up again, and the catch-up
 *       fan-out across the 24 timezones.
 *   <li>The bot's resident memory throughout, the database's size, and the storage reads behind the slow paths timed
 *       in-process on the file afterwards.
 * </ol>
 *
 * <p>Run from the repository root after {@code ./mvnw -B -q -pl benchmarks -am package -DskipTests}:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.ownership.benchmarks.LargeOrgDriver MEMBERS [DAYS]}. Only
 * loopback is contacted. The due-work tick is timed by {@link LargeOrgTickAgent}, attached to the bot as a Java agent.
 */
public final class LargeOrgDriver {
    private static final Duration GRACE = Duration.ofMinutes(1);
    private static final Duration TICK = Application.Options.defaults().tick();
    private static final int PROBES = 20;
    private static final Duration PROBE_GAP = Duration.ofSeconds(3);
    private static final int SAMPLES = 30;
    private static final Pattern TS = Pattern.compile("\\d{10}\\.\\d{6}");
    private static final String NUDGE_TEXT = "A quick, private note about the blocker";
    private static final String DIGEST_TEXT = "Weekly digest for #";
    private static final String LEARNING_TEXT = "What did you learn this week?";

    private final LargeOrgWorld world;
    private final int days;
    private final Duration burstLength;
    private final Duration nudgeWindow;
    private final Duration costsWindow;
    private final int connections;
    private final boolean rateLimits;
    private final boolean keep;
    private final PrintStream out = System.out;
    private final List<Phase> phases = new ArrayList<>();
    private final List<MemorySample> memory = new CopyOnWriteArrayList<>();

    private Path directory;
    private Path database;
    private SlackSimulator sim;
    private LargeOrgBot bot;
    private SlackRequests slack;

    private LargeOrgDriver(int members, int days) {
        this.world = new LargeOrgWorld(members);
        this.days = days;
        this.burstLength = Duration.ofSeconds(Long.getLong("largeorg.burstSeconds", 180));
        this.nudgeWindow = Duration.ofSeconds(Long.getLong("largeorg.nudgeWindowSeconds", 180));
        this.costsWindow = Duration.ofSeconds(Long.getLong("largeorg.costsSeconds", 240));
        this.connections = Integer.getInteger("largeorg.connections", 8);
        this.rateLimits = !"off".equals(System.getProperty("largeorg.rateLimits", "slack"));
        this.keep = Boolean.getBoolean("largeorg.keep");
    }

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 730;
        new LargeOrgDriver(members, days).run(args);
    }

    /** A stretch of the run, for attributing memory, ticks and rate limits. */
    private record Phase(String name, Instant from, Instant to, String loadAverage) {}

    private record MemorySample(Instant at, long rssKiB, long hwmKiB) {}

    /** One finished Quartz job, as the agent wrote it. */
    private record Job(String name, Instant fired, Instant scheduled, long runMillis, String trigger) {}

    private void run(String[] args) throws Exception {
        Path jar = Path.of("bot/target/ownership-bot.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build first: ./mvnw -B -q -pl benchmarks -am package -DskipTests");
        }
        header(args);
        directory = Files.createTempDirectory("ownership-largeorg");
        database = directory.resolve("ownership.db");
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "largeorg-memory");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Instant now = Instant.now();
            LargeOrgHistory history = new LargeOrgHistory(world, days, now);
            fill(history);
            try (SlackSimulator simulator = SlackSimulator.start()) {
                sim = simulator;
                world.populate(sim);
                if (rateLimits) {
                    sim.enforceRateLimits(RateLimits.slackTiers());
                }
                bot = LargeOrgBot.prepare(jar, directory);
                sampler.scheduleAtFixedRate(this::sampleMemory, 0, 1, TimeUnit.SECONDS);
                drive(history);
            }
        } finally {
            sampler.shutdownNow();
            if (bot != null) {
                bot.stop();
            }
            cleanUp();
        }
    }

    private void header(String[] args) {
        out.printf(
                Locale.ROOT,
                "# Large organisation on one instance: %,d members, %d days of history%n%n",
                world.members(),
                days);
        out.println("- command: `java -cp benchmarks/target/benchmarks.jar " + LargeOrgDriver.class.getName() + " "
                + String.join(" ", args) + "`" + systemProperties());
        out.println("- commit: " + commit() + ", " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs");
        out.println("- load average at the start: " + LargeOrgStats.loadAverage());
        out.printf(
                Locale.ROOT,
                "- %d teams, %d timezones; rate limits: %s; burst of 30 minutes compressed into %d s; %d connections;"
                        + " nudge grace %s; due-work tick %s%n",
                LargeOrgWorld.TEAMS,
                LargeOrgWorld.ZONES.size(),
                rateLimits ? "RateLimits.slackTiers() (real time)" : "off",
                burstLength.toSeconds(),
                connections,
                GRACE,
                TICK);
    }

    private static String systemProperties() {
        StringBuilder flags = new StringBuilder();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("largeorg."))
                .sorted()
                .forEach(name -> flags.append(" -D").append(name).append('=').append(System.getProperty(name)));
        return flags.isEmpty() ? "" : " (with" + flags + ")";
    }

    private static String commit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD")
                    .redirectErrorStream(true)
                    .start();
            String hash = new String(git.getInputStream().readAllBytes()).strip();
            Process status = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no")
                    .redirectErrorStream(true)
                    .start();
            boolean dirty = !new String(status.getInputStream().readAllBytes()).isBlank();
            return "`" + hash + "`" + (dirty ? " (with uncommitted changes)" : "");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void fill(LargeOrgHistory history) throws IOException {
        long started = System.nanoTime();
        LargeOrgHistory.Counts counts;
        try (Database opened = Database.open(database)) {
            history.writeTeams(opened);
            counts = history.writeHistory(opened);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long bytes = size(database);
        out.println();
        out.println("## Pre-filled database");
        out.println();
        out.println("| records | count |");
        out.println("| --- | --- |");
        out.printf(Locale.ROOT, "| standup posts | %,d |%n", counts.posts());
        out.printf(Locale.ROOT, "| learnings | %,d |%n", counts.learnings());
        out.printf(Locale.ROOT, "| risk check-ins (risks) | %,d (%,d) |%n", counts.checkins(), counts.risks());
        out.printf(Locale.ROOT, "| prompt deliveries | %,d |%n", counts.prompts());
        out.printf(Locale.ROOT, "| digest deliveries | %,d |%n", counts.digests());
        out.printf(Locale.ROOT, "| team members | %,d |%n", counts.members());
        out.printf(
                Locale.ROOT,
                "%nWritten in %.0f s; file and log %,d MiB, %.1f KiB per member-year.%n",
                seconds,
                bytes / (1024 * 1024),
                perMemberYear(bytes));
    }

    private double perMemberYear(long bytes) {
        return bytes / 1024.0 / world.members() / (days / 365.25);
    }

    private void drive(LargeOrgHistory history) throws Exception {
        Instant planned = Instant.now();
        Duration untilDigest = Duration.ofSeconds(30)
                .plus(PROBE_GAP.multipliedBy(PROBES))
                .plus(burstLength)
                .plus(nudgeWindow)
                .plus(costsWindow);
        Instant digestAt =
                planned.plus(untilDigest).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        try (Database opened = Database.open(database)) {
            history.writeSchedules(opened, digestAt, digestAt);
        }
        Map<String, String> environment =
                Map.of("OWNERSHIP_NUDGE_GRACE", GRACE.toString(), "OWNERSHIP_RETENTION", "P" + days + "D");
        List<String> trials = startTrials(environment);
        begin("start-up and membership catch-up");
        Instant launched = Instant.now();
        Duration startUp = bot.start(sim, database, environment);
        slack = new SlackRequests(
                URI.create("http://127.0.0.1:" + bot.port() + "/slack/events"),
                LargeOrgBot.SECRET,
                sim,
                Clock.systemUTC());
        LargeOrgBurst burst = new LargeOrgBurst(world, slack, connections, burstLength, PROBES);
        List<Double> probeAcks = new ArrayList<>();
        for (int member : burst.probes()) {
            LargeOrgBurst.Sent probe = burst.sendProbe(member);
            probeAcks.add(probe.ackMillis());
            Thread.sleep(PROBE_GAP.toMillis());
        }
        startUpReport(launched, startUp, probeAcks, trials);

        begin("morning burst");
        Instant burstStart = Instant.now();
        burst.run();
        Instant burstEnd = Instant.now();
        burstReport(burst, burstStart, burstEnd);

        begin("nudges after the burst");
        Map<String, LargeOrgBurst.Posted> owed = owedNudges(burst);
        awaitCount(() -> nudges(owed).size(), owed.size(), burstEnd.plus(GRACE).plus(nudgeWindow));
        nudgeReport(owed, "within " + nudgeWindow.toSeconds() + " s of the burst's last due time");

        begin("costs: App Home, me, team, digest preview");
        costs();

        waitUntil(digestAt.minusSeconds(5));
        begin("400 digests and the easternmost zone's learning prompt due at once");
        int promptRecipients = (int) java.util.stream.IntStream.range(0, world.members())
                .filter(member -> LargeOrgWorld.zoneOf(member).equals(LargeOrgWorld.EASTERNMOST))
                .count();
        awaitCount(
                () -> dms(DIGEST_TEXT, digestAt.minusSeconds(1)).size()
                        + dms(LEARNING_TEXT, digestAt.minusSeconds(1)).size(),
                world.leadCount() + promptRecipients,
                digestAt.plus(Duration.ofMinutes(8)));
        digestReport(digestAt);
        Set<String> prompted = recipients(dms(LEARNING_TEXT, digestAt.minusSeconds(1)));
        promptReport(
                "Learning prompt due at " + digestAt + " in " + LargeOrgWorld.EASTERNMOST,
                digestAt,
                Instant.now(),
                promptRecipients);

        begin("restart with the learning prompt owed in every timezone");
        Duration stopping = bot.stop();
        out.printf(
                Locale.ROOT,
                "%nGraceful stop (SIGTERM until the process exited): %.1f s.%n",
                stopping.toMillis() / 1000.0);
        long peakBeforeRestart = peakHwm();
        try (Database opened = Database.open(database)) {
            LargeOrgHistory.scheduleDailyLearning(opened);
        }
        Instant relaunched = Instant.now();
        Duration restart = bot.start(sim, database, environment);
        int owedPrompts = world.members() - prompted.size();
        awaitCount(() -> dms(LEARNING_TEXT, relaunched).size(), owedPrompts, relaunched.plus(Duration.ofMinutes(10)));
        restartReport(relaunched, restart, owedPrompts);
        begin("end");
        Duration stoppingAgain = bot.stop();
        out.printf(Locale.ROOT, "%nGraceful stop after the restart: %.1f s.%n", stoppingAgain.toMillis() / 1000.0);
        Instant end = Instant.now();

        nudgeReport(
                owed,
                "by the end of the run (" + Duration.between(burstEnd, end).toMinutes() + " min later)");
        ticksReport();
        memoryReport(peakBeforeRestart);
        callsReport();
        LargeOrgProbes.report(out, database, world, Instant.now());
        long bytes = size(database);
        out.printf(
                Locale.ROOT,
                "%nDatabase after the run: %,d MiB (file and log), %.1f KiB per member-year.%n",
                bytes / (1024 * 1024),
                perMemberYear(bytes));
        out.println();
        out.println("## Phases");
        out.println();
        out.println("| phase | from | to | load average at its start |");
        out.println("| --- | --- | --- | --- |");
        for (Phase phase : phases) {
            out.printf(
                    Locale.ROOT,
                    "| %s | %s | %s | %s |%n",
                    phase.name(),
                    phase.from(),
                    phase.to() == null ? "" : phase.to(),
                    phase.loadAverage());
        }
        out.println("- load average at the end: " + LargeOrgStats.loadAverage());
    }

    /**
     * Starts and kills the bot a few times on the pre-filled file before the run, alternately without and with the
     * agent, to see what start-up costs and whether the agent changes it.
     */
    private List<String> startTrials(Map<String, String> environment) throws IOException, InterruptedException {
        List<String> trials = new ArrayList<>();
        int count = Integer.getInteger("largeorg.startTrials", 4);
        for (int trial = 0; trial < count; trial++) {
            boolean agent = trial % 2 == 1;
            Duration took = bot.start(sim, database, environment, agent);
            bot.kill();
            trials.add(took.toMillis() + " ms" + (agent ? " (agent)" : ""));
        }
        // The run starts with Slack's windows and the record of calls fresh.
        if (rateLimits) {
            sim.enforceRateLimits(RateLimits.slackTiers());
        }
        sim.clearCalls();
        Files.deleteIfExists(bot.ticksFile());
        return trials;
    }

    private void startUpReport(Instant launched, Duration startUp, List<Double> probeAcks, List<String> trials) {
        out.println();
        out.println("## Start-up with 400 watched channels");
        out.println();
        out.printf(
                Locale.ROOT,
                "Process start to `GET /healthz` 200: **%d ms** (target < 2 s). Starts on the same file just before,"
                        + " each killed once healthy: %s. Load average then: %s.%n%n",
                startUp.toMillis(),
                trials.isEmpty() ? "none" : String.join(", ", trials),
                LargeOrgStats.loadAverage());
        membersPacing(launched, Instant.now());
        out.println();
        out.println("| standup posts sent during the catch-up | n | ack p50 | ack p99 | ack max |");
        out.println("| --- | --- | --- | --- | --- |");
        out.println("| one every " + PROBE_GAP.toSeconds() + " s | " + summary(probeAcks) + " |");
    }

    /** How the {@code conversations.members} calls since {@code from} were spread out. */
    private void membersPacing(Instant from, Instant now) {
        List<Instant> times = sim.calls("conversations.members").stream()
                .filter(call -> !call.at().isBefore(from))
                .map(RecordedCall::at)
                .sorted()
                .toList();
        if (times.isEmpty()) {
            out.println("No `conversations.members` call yet.");
            return;
        }
        Duration span = Duration.between(times.get(0), times.get(times.size() - 1));
        long limited = sim.calls("conversations.members").stream()
                .filter(call -> !call.at().isBefore(from) && call.httpStatus() == 429)
                .count();
        out.printf(
                Locale.ROOT,
                "Membership catch-up: %d `conversations.members` calls by %s, the first %.1f s after the process"
                        + " started, spread over %.0f s (%.0f a minute on average); at most %d in any second, %d in any"
                        + " 10 s, %d in any minute; %d answered 429.%n",
                times.size(),
                now.isAfter(times.get(times.size() - 1).plusSeconds(5)) ? "its end" : "now (still running)",
                millisBetween(from, times.get(0)) / 1000,
                span.toMillis() / 1000.0,
                times.size() / Math.max(1.0 / 60, span.toMillis() / 60_000.0),
                LargeOrgStats.peakIn(times, Duration.ofSeconds(1)),
                LargeOrgStats.peakIn(times, Duration.ofSeconds(10)),
                LargeOrgStats.peakIn(times, Duration.ofMinutes(1)),
                limited);
    }

    private void burstReport(LargeOrgBurst burst, Instant start, Instant end) {
        List<LargeOrgBurst.Sent> sent = burst.sent();
        out.println();
        out.println("## Morning burst");
        out.println();
        out.printf(
                Locale.ROOT,
                "%,d requests in %.0f s (%.1f per second) over %d connections; the catch-up's"
                        + " `conversations.members` calls went on meanwhile.%n%n",
                sent.size(),
                millisBetween(start, end) / 1000,
                sent.size() / Math.max(0.001, millisBetween(start, end) / 1000),
                connections);
        out.println("| requests | n | ack p50 | ack p99 | ack max | not 200 |");
        out.println("| --- | --- | --- | --- | --- | --- |");
        Map<String, List<LargeOrgBurst.Sent>> byKind = new LinkedHashMap<>();
        for (LargeOrgBurst.Kind kind : LargeOrgBurst.Kind.values()) {
            byKind.put(kind.name().toLowerCase(Locale.ROOT).replace('_', ' '), new ArrayList<>());
        }
        for (LargeOrgBurst.Sent one : sent) {
            byKind.get(one.action().kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .add(one);
        }
        byKind.put("all", sent);
        byKind.forEach((kind, list) -> out.printf(
                Locale.ROOT,
                "| %s | %s | %d |%n",
                kind,
                summary(list.stream()
                        .filter(one -> one.status() == 200)
                        .map(LargeOrgBurst.Sent::ackMillis)
                        .toList()),
                list.stream().filter(one -> one.status() != 200).count()));
    }

    private static Map<String, LargeOrgBurst.Posted> owedNudges(LargeOrgBurst burst) {
        Map<String, LargeOrgBurst.Posted> owed = new HashMap<>();
        burst.posted().values().stream()
                .filter(LargeOrgBurst.Posted::nudgeOwed)
                .forEach(posted -> owed.put(posted.ts(), posted));
        return owed;
    }

    /** The nudge DMs delivered, by the ts of the post they are about. */
    private Map<String, RecordedCall> nudges(Map<String, LargeOrgBurst.Posted> owed) {
        Map<String, RecordedCall> found = new HashMap<>();
        for (RecordedCall call : dms(NUDGE_TEXT, Instant.EPOCH)) {
            Matcher ts = TS.matcher(String.valueOf(call.param("blocks")));
            while (ts.find()) {
                if (owed.containsKey(ts.group())) {
                    found.putIfAbsent(ts.group(), call);
                    break;
                }
            }
        }
        return found;
    }

    private void nudgeReport(Map<String, LargeOrgBurst.Posted> owed, String when) {
        Map<String, RecordedCall> delivered = nudges(owed);
        List<Double> late = new ArrayList<>();
        delivered.forEach((ts, call) -> late.add(millisBetween(due(ts), call.at())));
        long withinTick = late.stream().filter(ms -> ms <= TICK.toMillis()).count();
        out.println();
        out.println("## Nudges, " + when);
        out.println();
        out.printf(
                Locale.ROOT,
                "%,d blockers without a next step were owed a nudge (the others of the burst's blockers got a next"
                        + " step by an edit or a thread reply within the grace period); %,d DMs delivered, %,d within"
                        + " one tick (%s) of their due time (post + %s).%n%n",
                owed.size(),
                delivered.size(),
                withinTick,
                TICK,
                GRACE);
        out.println("| nudge DM after its due time | n | p50 | p99 | max |");
        out.println("| --- | --- | --- | --- | --- |");
        out.println("| delivered | " + summary(late) + " |");
        List<Instant> times =
                delivered.values().stream().map(RecordedCall::at).sorted().toList();
        if (times.size() > 1) {
            double minutes = millisBetween(times.get(0), times.get(times.size() - 1)) / 60_000;
            out.printf(
                    Locale.ROOT,
                    "%nNudge DMs went out at %.0f a minute on average from the first to the last, at most %d in any"
                            + " minute.%n",
                    times.size() / Math.max(minutes, 1.0 / 60),
                    LargeOrgStats.peakIn(times, Duration.ofMinutes(1)));
        }
    }

    private static Instant due(String ts) {
        int dot = ts.indexOf('.');
        long seconds = Long.parseLong(ts.substring(0, dot));
        long micros = Long.parseLong(ts.substring(dot + 1));
        return Instant.ofEpochSecond(seconds, micros * 1_000).plus(GRACE);
    }

    /** Successful {@code chat.postMessage} calls to a person's DM, top-level, whose text starts so, since then. */
    private List<RecordedCall> dms(String textStart, Instant since) {
        return sim.calls("chat.postMessage").stream()
                .filter(RecordedCall::ok)
                .filter(call -> !call.at().isBefore(since))
                .filter(call -> call.param("thread_ts") == null)
                .filter(call -> String.valueOf(call.param("text")).startsWith(textStart))
                .filter(call -> String.valueOf(Json.channelOf(call)).startsWith("D"))
                .toList();
    }

    private static Set<String> recipients(List<RecordedCall> dms) {
        Set<String> users = new HashSet<>();
        dms.forEach(call -> users.add("U" + Json.channelOf(call).substring(1)));
        return users;
    }

    /** Samples of App Home, me, team and digest preview, interleaved, one request every 500 ms. */
    private void costs() throws InterruptedException {
        List<Sample> samples = new ArrayList<>();
        for (int k = 0; k < SAMPLES; k++) {
            int team = (k * 7) % LargeOrgWorld.TEAMS;
            int member = world.membersOf(team).get(world.membersOf(team).size() - 1);
            int other = world.membersOf((team + 3) % LargeOrgWorld.TEAMS)
                    .get(world.membersOf((team + 3) % LargeOrgWorld.TEAMS).size() - 1);
            samples.add(new Sample("App Home (app_home_opened → views.publish)", other, (team + 3) % 400, null));
            samples.add(new Sample("/ownership me", member, team, "me"));
            samples.add(new Sample("/ownership team", member, team, "team"));
            samples.add(
                    new Sample("/ownership digest (a lead's preview)", (team + 1) % 400, (team + 1) % 400, "digest"));
        }
        List<Double> acks = new ArrayList<>();
        for (Sample sample : samples) {
            long started = System.nanoTime();
            sample.sentAt = Instant.now();
            int status;
            if (sample.command == null) {
                EventDelivery delivery = slack.appHomeOpened(LargeOrgWorld.userId(sample.member));
                status = delivery.status();
            } else {
                CommandReply reply = slack.slashCommand(
                        LargeOrgWorld.userId(sample.member), LargeOrgWorld.channelId(sample.team), sample.command);
                status = reply.status();
            }
            acks.add(LargeOrgStats.nanosToMillis(System.nanoTime() - started));
            if (status != 200) {
                out.println("(a cost sample was answered " + status + ")");
            }
            Thread.sleep(500);
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)
                && samples.stream().anyMatch(sample -> answer(sample).isEmpty())) {
            Thread.sleep(200);
        }
        out.println();
        out.println("## Costs of the personal and team views");
        out.println();
        out.printf(
                Locale.ROOT,
                "%d samples of each, interleaved, one request every 500 ms, each person asking once; time from sending"
                        + " the request to the bot's answer as the simulator recorded it. Their acks: %s.%n%n",
                SAMPLES,
                summary(acks).replace(" | ", ", "));
        out.println("| request | answered | p50 | p99 | max | not answered within 3 min |");
        out.println("| --- | --- | --- | --- | --- | --- |");
        Map<String, List<Sample>> byKind = new LinkedHashMap<>();
        samples.forEach(sample ->
                byKind.computeIfAbsent(sample.kind, kind -> new ArrayList<>()).add(sample));
        byKind.forEach((kind, list) -> {
            List<Double> latencies = new ArrayList<>();
            long missing = 0;
            for (Sample sample : list) {
                Optional<Instant> answered = answer(sample);
                if (answered.isPresent()) {
                    latencies.add(millisBetween(sample.sentAt, answered.get()));
                } else {
                    missing++;
                }
            }
            out.printf(Locale.ROOT, "| %s | %s | %d |%n", kind, summary(latencies), missing);
        });
    }

    /** A request of the cost phase. */
    private static final class Sample {
        final String kind;
        final int member;
        final int team;
        final String command;
        Instant sentAt;

        Sample(String kind, int member, int team, String command) {
            this.kind = kind;
            this.member = member;
            this.team = team;
            this.command = command;
        }
    }

    /** When the bot answered the sample: the views.publish to the person, or the ephemeral answer in the channel. */
    private Optional<Instant> answer(Sample sample) {
        String user = LargeOrgWorld.userId(sample.member);
        if (sample.command == null) {
            return sim.calls("views.publish").stream()
                    .filter(call ->
                            user.equals(call.param("user_id")) && !call.at().isBefore(sample.sentAt))
                    .map(RecordedCall::at)
                    .findFirst();
        }
        return sim.ephemerals(LargeOrgWorld.channelId(sample.team)).stream()
                .filter(message -> user.equals(message.user()))
                .map(SimMessage::ts)
                .map(LargeOrgDriver::instantOf)
                .filter(at -> !at.isBefore(sample.sentAt))
                .findFirst();
    }

    private static Instant instantOf(String ts) {
        return due(ts).minus(GRACE);
    }

    private void digestReport(Instant digestAt) {
        List<RecordedCall> digests = dms(DIGEST_TEXT, digestAt.minusSeconds(1));
        List<Double> late =
                digests.stream().map(call -> millisBetween(digestAt, call.at())).toList();
        out.println();
        out.println("## Weekly digests, all 400 teams due at " + digestAt);
        out.println();
        out.printf(
                Locale.ROOT,
                "%,d of %,d digest DMs delivered (one per lead; each with its trend chart uploaded in its thread).%n%n",
                digests.size(),
                world.leadCount());
        out.println("| digest DM after its due time | n | p50 | p99 | max |");
        out.println("| --- | --- | --- | --- | --- |");
        out.println("| delivered | " + summary(late) + " |");
    }

    private void promptReport(String what, Instant from, Instant to, int expected) {
        List<RecordedCall> prompts = dms(LEARNING_TEXT, from.minusSeconds(1)).stream()
                .filter(call -> call.at().isBefore(to))
                .toList();
        List<Instant> times = prompts.stream().map(RecordedCall::at).sorted().toList();
        long limited = sim.calls("chat.postMessage").stream()
                .filter(call -> !call.at().isBefore(from) && call.at().isBefore(to) && call.httpStatus() == 429)
                .count();
        out.println();
        out.println("## " + what);
        out.println();
        if (times.isEmpty()) {
            out.printf(Locale.ROOT, "None of %,d prompt DMs owed went out.%n", expected);
            return;
        }
        double minutes = millisBetween(times.get(0), times.get(times.size() - 1)) / 60_000;
        out.printf(
                Locale.ROOT,
                "%,d of %,d prompt DMs, to %,d people; the first %.1f s after it was due, the last %.1f s after;"
                        + " %.0f a minute on average, at most %d in any minute and %d in any second; %d"
                        + " `chat.postMessage` calls answered 429 meanwhile.%n",
                prompts.size(),
                expected,
                recipients(prompts).size(),
                millisBetween(from, times.get(0)) / 1000,
                millisBetween(from, times.get(times.size() - 1)) / 1000,
                times.size() / Math.max(minutes, 1.0 / 60),
                LargeOrgStats.peakIn(times, Duration.ofMinutes(1)),
                LargeOrgStats.peakIn(times, Duration.ofSeconds(1)),
                limited);
    }

    private void restartReport(Instant relaunched, Duration restart, int owedPrompts) {
        out.println();
        out.println("## Restart with the learning prompt owed in all 24 timezones");
        out.println();
        out.printf(
                Locale.ROOT, "Process start to `GET /healthz` 200 after the run: **%d ms**.%n%n", restart.toMillis());
        membersPacing(relaunched, Instant.now());
        promptReport("Catch-up fan-out after the restart", relaunched, Instant.now(), owedPrompts);
    }

    private void ticksReport() throws IOException {
        List<Job> jobs = jobs();
        out.println();
        out.println("## Quartz jobs (timed by the agent)");
        out.println();
        out.println("| phase | due-work ticks | run time p50 | p99 | max | longest gap between tick starts |");
        out.println("| --- | --- | --- | --- | --- | --- |");
        for (Phase phase : phases) {
            if (phase.to() == null) {
                continue;
            }
            List<Job> ticks = jobs.stream()
                    .filter(job -> job.name().equals("due-work"))
                    .filter(job ->
                            !job.fired().isBefore(phase.from()) && job.fired().isBefore(phase.to()))
                    .sorted(Comparator.comparing(Job::fired))
                    .toList();
            double gap = 0;
            for (int i = 1; i < ticks.size(); i++) {
                gap = Math.max(
                        gap,
                        millisBetween(ticks.get(i - 1).fired(), ticks.get(i).fired()));
            }
            out.printf(
                    Locale.ROOT,
                    "| %s | %s | %s |%n",
                    phase.name(),
                    summary(ticks.stream().map(job -> (double) job.runMillis()).toList()),
                    ticks.size() > 1 ? ms(gap) : "–");
        }
        Map<String, List<Double>> others = new TreeMap<>();
        jobs.stream().filter(job -> !job.name().equals("due-work")).forEach(job -> others.computeIfAbsent(
                        job.name(), name -> new ArrayList<>())
                .add((double) job.runMillis()));
        out.println();
        out.println("| other job | runs | run time p50 | p99 | max |");
        out.println("| --- | --- | --- | --- | --- |");
        others.forEach((name, runs) -> out.printf(Locale.ROOT, "| %s | %s |%n", name, summary(runs)));
        List<Job> ticks = jobs.stream()
                .filter(job -> job.name().equals("due-work"))
                .sorted(Comparator.comparing(Job::fired))
                .toList();
        if (!ticks.isEmpty()) {
            Job longest = Collections.max(ticks, Comparator.comparingLong(Job::runMillis));
            out.printf(
                    Locale.ROOT,
                    "%nThe longest due-work tick started at %s and ran %s.%n",
                    longest.fired(),
                    ms(longest.runMillis()));
        }
    }

    private List<Job> jobs() throws IOException {
        if (!Files.exists(bot.ticksFile())) {
            return List.of();
        }
        List<Job> jobs = new ArrayList<>();
        for (String line : Files.readAllLines(bot.ticksFile())) {
            String[] fields = line.split(" ");
            if (fields.length < 5) {
                continue;
            }
            jobs.add(new Job(
                    fields[0],
                    Instant.ofEpochMilli(Long.parseLong(fields[1])),
                    Instant.ofEpochMilli(Long.parseLong(fields[2])),
                    Long.parseLong(fields[3]),
                    fields[4]));
        }
        return jobs;
    }

    private void sampleMemory() {
        if (bot != null && bot.process() != null && bot.process().isAlive()) {
            long rss = bot.memoryKiB("VmRSS");
            long hwm = bot.memoryKiB("VmHWM");
            if (rss > 0) {
                memory.add(new MemorySample(Instant.now(), rss, hwm));
            }
        }
    }

    private long peakHwm() {
        return memory.stream().mapToLong(MemorySample::hwmKiB).max().orElse(-1);
    }

    private void memoryReport(long peakBeforeRestart) {
        out.println();
        out.println("## Resident memory of the bot (sampled every second from /proc/PID/status)");
        out.println();
        out.println("| phase | VmRSS max | VmHWM at its end |");
        out.println("| --- | --- | --- |");
        for (Phase phase : phases) {
            if (phase.to() == null) {
                continue;
            }
            List<MemorySample> in = memory.stream()
                    .filter(sample ->
                            !sample.at().isBefore(phase.from()) && sample.at().isBefore(phase.to()))
                    .toList();
            long rss = in.stream().mapToLong(MemorySample::rssKiB).max().orElse(-1);
            long hwm = in.isEmpty() ? -1 : in.get(in.size() - 1).hwmKiB();
            out.printf(Locale.ROOT, "| %s | %s | %s |%n", phase.name(), mib(rss), mib(hwm));
        }
        out.printf(
                Locale.ROOT,
                "%nPeak (VmHWM) of the first process: %s; of the whole run: %s (target < 256 MiB).%n",
                mib(peakBeforeRestart),
                mib(peakHwm()));
    }

    private void callsReport() {
        List<RecordedCall> calls = sim.calls();
        Map<String, long[]> byMethod = new TreeMap<>();
        for (RecordedCall call : calls) {
            long[] counts = byMethod.computeIfAbsent(call.method(), method -> new long[2]);
            counts[0]++;
            if (call.httpStatus() == 429) {
                counts[1]++;
            }
        }
        out.println();
        out.println("## Web API calls over the whole run");
        out.println();
        out.println("| method | calls | answered 429 |");
        out.println("| --- | --- | --- |");
        byMethod.forEach(
                (method, counts) -> out.printf(Locale.ROOT, "| %s | %,d | %,d |%n", method, counts[0], counts[1]));
        List<String> methods = List.of(
                "users.info",
                "conversations.members",
                "chat.postMessage",
                "chat.getPermalink",
                "views.publish",
                "files.getUploadURLExternal",
                "response_url");
        out.println();
        out.println("Calls by phase, with those answered 429 in brackets:");
        out.println();
        out.println("| phase | " + String.join(" | ", methods) + " |");
        out.println("| --- |" + " --- |".repeat(methods.size()));
        for (Phase phase : phases) {
            if (phase.to() == null) {
                continue;
            }
            StringBuilder row = new StringBuilder("| " + phase.name() + " |");
            for (String method : methods) {
                long all = 0;
                long limited = 0;
                for (RecordedCall call : calls) {
                    if (call.method().equals(method)
                            && !call.at().isBefore(phase.from())
                            && call.at().isBefore(phase.to())) {
                        all++;
                        limited += call.httpStatus() == 429 ? 1 : 0;
                    }
                }
                row.append(String.format(Locale.ROOT, " %,d (%,d) |", all, limited));
            }
            out.println(row);
        }
    }

    private void begin(String name) {
        Instant now = Instant.now();
        if (!phases.isEmpty()) {
            Phase last = phases.remove(phases.size() - 1);
            phases.add(new Phase(last.name(), last.from(), now, last.loadAverage()));
        }
        phases.add(new Phase(name, now, null, LargeOrgStats.loadAverage()));
        System.err.println(now + " " + name);
    }

    /** Polls until {@code count} reaches {@code target} or {@code deadline} passes. */
    private static void awaitCount(java.util.function.IntSupplier count, int target, Instant deadline)
            throws InterruptedException {
        while (Instant.now().isBefore(deadline) && count.getAsInt() < target) {
            Thread.sleep(500);
        }
    }

    private static void waitUntil(Instant at) throws InterruptedException {
        long millis = Duration.between(Instant.now(), at).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static long size(Path file) throws IOException {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        return Files.size(file) + (Files.exists(wal) ? Files.size(wal) : 0);
    }

    private void cleanUp() throws IOException {
        if (directory == null) {
            return;
        }
        if (keep) {
            System.err.println("Kept " + directory);
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                boolean log = path.getFileName().toString().endsWith(".log")
                        || path.getFileName().toString().equals("ticks.txt");
                if (!log && !path.equals(directory)) {
                    path.toFile().delete();
                }
            });
        }
        System.err.println("Logs kept in " + directory);
    }

    /** Reading a recorded call's answer. */
    private static final class Json {
        private Json() {}

        static String channelOf(RecordedCall call) {
            return call.response().path("channel").asText("");
        }
    }
}
