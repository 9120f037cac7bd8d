package dev.ownership.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ownership.bot.config.Config;
import dev.ownership.bot.streak.TeamWeeks;
import dev.ownership.simulator.Fault;
import dev.ownership.simulator.ManualClock;
import dev.ownership.simulator.RecordedCall;
import dev.ownership.simulator.SimChannel;
import dev.ownership.simulator.SimUser;
import dev.ownership.simulator.SlackRequests;
import dev.ownership.simulator.SlackSimulator;
import dev.ownership.storage.nudge.StandupPost;
import dev.ownership.storage.nudge.StandupRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot as a real process: start-up failures, SIGTERM, and kill -9 followed by a restart, also in the middle of a
 * burst of events and of a prompt fan-out.
 */
@DisplayName("the bot process")
class ProcessLifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ADMIN = "U0ADMIN1";
    private static final String LEAD = "U0LEAD01";
    private static final String ALICE = "U0ALICE1";
    private static final String STANDUP = "C0STANDUP";

    @TempDir
    Path directory;

    private SlackSimulator sim;
    private Process process;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void simulator() {
        sim = SlackSimulator.start();
        sim.workspace().addUser(SimUser.person(ADMIN, "ada", "Europe/Berlin").asAdmin());
        sim.workspace().addUser(SimUser.person(LEAD, "lee", "Europe/Berlin"));
        sim.workspace().addUser(SimUser.person(ALICE, "alice", "Europe/Berlin"));
        sim.workspace().addChannel(SimChannel.publicChannel(STANDUP, "standup", ADMIN, LEAD, ALICE));
    }

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        sim.close();
    }

    private Map<String, String> environment(int port) {
        Map<String, String> env = new HashMap<>();
        env.put(Config.SLACK_BOT_TOKEN, SlackSimulator.BOT_TOKEN);
        env.put(Config.SLACK_SIGNING_SECRET, BotHarness.SECRET);
        env.put(Config.SLACK_API_URL, sim.apiUrl());
        env.put(Config.PORT, Integer.toString(port));
        env.put(Config.OWNERSHIP_DB, directory.resolve("ownership.db").toString());
        return env;
    }

    private Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Downership.log.level=INFO",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        directory.resolve("bot-" + System.nanoTime() + ".log").toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    private int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitHealthy(int port) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notUpYet) {
                // The port opens once Jetty has started; keep asking until the deadline.
            }
            assertThat(process.isAlive()).as("the bot process is running").isTrue();
            Thread.onSpinWait();
        }
        throw new AssertionError("The bot did not become healthy within " + WAIT);
    }

    private String log() throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(directory)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".log"))
                    .sorted()
                    .toList()) {
                all.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    private URI eventsUrl(int port) {
        return URI.create("http://127.0.0.1:" + port + "/slack/events");
    }

    /** Adds {@code count} people to the workspace, with ids {@code prefix00001}, …, in turn in the given zones. */
    private List<String> people(String prefix, int count, List<String> zones) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String id = String.format("%s%05d", prefix, i);
            sim.workspace().addUser(SimUser.person(id, "p" + prefix.toLowerCase() + i, zones.get(i % zones.size())));
            ids.add(id);
        }
        return ids;
    }

    /** Runs {@code /ownership text} as the admin and returns the private answer. */
    private String command(SlackRequests slack, String channel, String text) {
        int before = sim.calls("response_url").size();
        assertThat(slack.slashCommand(ADMIN, channel, text).status()).isEqualTo(200);
        return sim.awaitCalls("response_url", before + 1, WAIT).get(before).text();
    }

    /** The answer of one SQL query for one number, read from the bot's database file beside the running bot. */
    private long query(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("ownership.db"));
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            return rows.next() ? rows.getLong(1) : -1;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private String queryText(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("ownership.db"));
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            assertThat(rows.next()).as("a row for %s", sql).isTrue();
            String value = rows.getString(1);
            assertThat(rows.next()).as("only one row for %s", sql).isFalse();
            return value;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void await(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting until " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private List<RecordedCall> dmsWith(String userId, String actionId) {
        return sim.dmsTo(userId).stream()
                .filter(call -> String.valueOf(call.jsonParam("blocks")).contains(actionId))
                .toList();
    }

    /** Timezones where it is between 01:00 and 22:59 now: a test started in them ends the same local day. */
    private static List<String> zonesAwayFromMidnight() {
        List<String> zones = new ArrayList<>();
        for (String zone : List.of(
                "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "America/Los_Angeles", "UTC")) {
            int hour = ZonedDateTime.now(ZoneId.of(zone)).getHour();
            if (hour >= 1 && hour <= 22 && zones.size() < 3) {
                zones.add(zone);
            }
        }
        return zones;
    }

    @Test
    @DisplayName("a missing required variable stops start-up with exit code 2 and one line naming it")
    void shouldExitTwoOnBadConfiguration() throws Exception {
        Map<String, String> env = environment(0);
        env.remove(Config.SLACK_BOT_TOKEN);

        process = start(env, "serve");

        assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(log().strip()).startsWith("ownership: SLACK_BOT_TOKEN").doesNotContain("\n");
    }

    @Test
    @DisplayName("SIGTERM stops it gracefully: the shutdown completes before the JVM exits (code 143, as for any JVM)")
    void shouldStopGracefullyOnSigterm() throws Exception {
        int port = freePort();
        process = start(environment(port), "serve");
        awaitHealthy(port);

        process.destroy();

        assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(128 + 15);
        assertThat(log()).contains("Ownership stopped");
    }

    @Test
    @DisplayName("after kill -9 and a restart, everything recorded before is still there for the digest")
    void shouldKeepRecordsAcrossKill() throws Exception {
        int port = freePort();
        process = start(environment(port), "serve");
        awaitHealthy(port);
        SlackRequests slack = new SlackRequests(
                URI.create("http://127.0.0.1:" + port + "/slack/events"), BotHarness.SECRET, sim, Clock.systemUTC());
        assertThat(slack.slashCommand(ADMIN, STANDUP, "watch").status()).isEqualTo(200);
        sim.awaitCall("response_url", WAIT);
        assertThat(slack.slashCommand(ADMIN, STANDUP, "leads <@" + LEAD + ">").status())
                .isEqualTo(200);
        sim.awaitCalls("response_url", 2, WAIT);
        for (int i = 0; i < 5; i++) {
            assertThat(slack.message(STANDUP, ALICE, "*Blockers:* waiting on the platform team, item " + i)
                            .status())
                    .isEqualTo(200);
        }

        process.destroyForcibly();
        assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        Instant nextDigest = TeamWeeks.endOf(
                        TeamWeeks.weekOf(Instant.now(), ZoneId.of("Europe/Berlin")), ZoneId.of("Europe/Berlin"))
                .plus(Duration.ofHours(9));
        ManualClock clock = new ManualClock(nextDigest);
        Map<String, String> env = environment(0);
        try (Application restarted = Application.start(
                Config.fromEnvironment(env),
                clock,
                new Application.Options(Duration.ofMillis(40), Duration.ofMillis(20), 4, env))) {
            RecordedCall digest = sim.awaitCall(
                    "chat.postMessage",
                    call -> LEAD.equals(call.param("channel")) && call.text().contains("Weekly digest"),
                    WAIT);
            assertThat(digest.text()).contains("Raised: *5*");
        }
    }

    @Test
    @DisplayName("kill -9 in the middle of a burst of standup posts: every acknowledged post is kept and nudged once "
            + "when due, and Slack's redelivery of the unacknowledged ones has exactly one effect")
    void shouldKeepAcknowledgedEventsAcrossKillMidBurst() throws Exception {
        String burst = "C0BURST01";
        List<String> authors = people("U0P", 40, List.of("Europe/Berlin"));
        List<String> members = new ArrayList<>(authors);
        members.add(ADMIN);
        sim.workspace().addChannel(SimChannel.publicChannel(burst, "burst", members.toArray(String[]::new)));
        int port = freePort();
        process = start(environment(port), "serve");
        awaitHealthy(port);
        SlackRequests slack = new SlackRequests(eventsUrl(port), BotHarness.SECRET, sim, Clock.systemUTC());
        assertThat(command(slack, burst, "watch")).contains("Now watching #burst");

        // Everyone posts once: three in four a blocker without a next step, the others no blocker.
        List<ObjectNode> posts = new ArrayList<>();
        Set<String> blocked = new HashSet<>();
        for (int i = 0; i < authors.size(); i++) {
            boolean blocker = i % 4 != 3;
            String text = blocker
                    ? "*Blockers:* waiting on the platform team, item " + i
                    : "*Yesterday:* shipped item " + i + "\n*Today:* tests\n*Blockers:* none";
            posts.add(slack.messageEnvelope(burst, authors.get(i), text));
            if (blocker) {
                blocked.add(authors.get(i));
            }
        }

        // Four connections deliver the burst, as Slack does. At most 20 posts go out before the bot is killed, which
        // happens as soon as 15 acknowledgements have come back: the rest meet a dead bot.
        Semaphore beforeKill = new Semaphore(20);
        CountDownLatch acks = new CountDownLatch(15);
        ExecutorService connections = Executors.newFixedThreadPool(4);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (ObjectNode post : posts) {
            statuses.add(connections.submit(() -> {
                beforeKill.acquire();
                try {
                    int status = slack.sendEnvelope(post, 0, null).statusCode();
                    if (status == 200) {
                        acks.countDown();
                    }
                    return status;
                } catch (UncheckedIOException botGone) {
                    return -1;
                }
            }));
        }
        assertThat(acks.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        process.destroyForcibly();
        assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        beforeKill.release(posts.size());
        connections.shutdown();
        List<ObjectNode> acked = new ArrayList<>();
        List<ObjectNode> unacked = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            int status = statuses.get(i).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(status).as("the answer to post %d", i).isIn(200, -1);
            (status == 200 ? acked : unacked).add(posts.get(i));
        }
        assertThat(acked).hasSizeGreaterThanOrEqualTo(15);
        assertThat(unacked).hasSizeGreaterThanOrEqualTo(20);

        // Restart on the same file at 10:00 in Berlin on the next working day: past every grace period, within
        // working hours, and still in time for nudges about today's posts (never later than the next working day).
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDate nextWorkday = LocalDate.now(berlin).plusDays(1);
        while (nextWorkday.getDayOfWeek() == DayOfWeek.SATURDAY || nextWorkday.getDayOfWeek() == DayOfWeek.SUNDAY) {
            nextWorkday = nextWorkday.plusDays(1);
        }
        ManualClock clock = new ManualClock(
                nextWorkday.atTime(LocalTime.of(10, 0)).atZone(berlin).toInstant());
        Map<String, String> env = environment(0);
        try (Application restarted = Application.start(
                Config.fromEnvironment(env),
                clock,
                new Application.Options(Duration.ofMillis(40), Duration.ofMillis(20), 4, env))) {
            StandupRepository recorded = new StandupRepository(restarted.database());
            for (ObjectNode post : acked) {
                String ts = post.path("event").path("ts").asText();
                assertThat(recorded.find(burst, ts))
                        .as("the acknowledged post %s", ts)
                        .map(StandupPost::userId)
                        .contains(post.path("event").path("user").asText());
            }
            restarted.probe().awaitDueWorkPass(WAIT);

            // Slack delivers again what was not acknowledged, and retries a few it thinks were acknowledged late.
            SlackRequests again =
                    new SlackRequests(eventsUrl(restarted.port()), BotHarness.SECRET, sim, Clock.systemUTC());
            for (ObjectNode post : unacked) {
                assertThat(again.sendEnvelope(post, 1, "http_error").statusCode())
                        .isEqualTo(200);
            }
            for (ObjectNode post : acked.subList(0, 3)) {
                assertThat(again.sendEnvelope(post, 1, "http_timeout").statusCode())
                        .isEqualTo(200);
            }
            clock.advance(Duration.ofMinutes(11)); // the grace period of the posts recorded just now
            restarted.probe().awaitDueWorkPass(WAIT);
            clock.advance(Duration.ofHours(1));
            restarted.probe().awaitDueWorkPass(WAIT);

            long rows = restarted.database().read(connection -> {
                try (var statement =
                        connection.prepareStatement("SELECT count(*) FROM standup_posts WHERE channel_id = ?")) {
                    statement.setString(1, burst);
                    try (ResultSet result = statement.executeQuery()) {
                        result.next();
                        return result.getLong(1);
                    }
                }
            });
            assertThat(rows).as("posts recorded").isEqualTo(posts.size());
            for (String author : authors) {
                assertThat(dmsWith(author, "nudge_add_step"))
                        .as("nudges to %s, who posted %s", author, blocked.contains(author) ? "a blocker" : "none")
                        .hasSize(blocked.contains(author) ? 1 : 0);
            }
        }
    }

    @Test
    @DisplayName("kill -9 in the middle of a prompt fan-out to 300 members: the restart finishes it, everyone has the "
            + "prompt once, and the DM in flight at the crash is not sent again")
    void shouldFinishPromptFanOutAfterKill() throws Exception {
        String big = "C0BIG0001";
        List<String> members = people("U0M", 300, zonesAwayFromMidnight());
        members.add(ADMIN);
        sim.workspace().addChannel(SimChannel.publicChannel(big, "big", members.toArray(String[]::new)));
        int port = freePort();
        process = start(environment(port), "serve");
        awaitHealthy(port);
        SlackRequests slack = new SlackRequests(eventsUrl(port), BotHarness.SECRET, sim, Clock.systemUTC());
        assertThat(command(slack, big, "watch")).contains("Now watching #big");
        // No scheduled prompt may come in between, whenever the test runs.
        assertThat(command(slack, big, "schedule learning off")).contains("off");
        assertThat(command(slack, big, "schedule risk off")).contains("off");

        // Slack answers the first 60 DMs at once and the 61st after 5 s: the bot is killed while it waits for it.
        sim.faults().failNext("chat.postMessage", 60, Fault.delay(Duration.ZERO));
        sim.faults().failNext("chat.postMessage", Fault.delay(Duration.ofSeconds(5)));
        assertThat(command(slack, big, "prompt learning")).contains("to the 301 people in #big");
        sim.awaitCalls("chat.postMessage", 60, WAIT);
        await(
                "60 prompts are sent and the 61st is claimed and with Slack",
                () -> query("SELECT count(*) FROM prompt_deliveries WHERE state = 'sent'") == 60
                        && query("SELECT count(*) FROM prompt_deliveries WHERE state = 'sending'") == 1
                        && sim.faults().queued("chat.postMessage") == 0,
                WAIT);
        process.destroyForcibly();
        assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        assertThat(query("SELECT count(*) FROM prompt_fanouts"))
                .as("fan-outs left unfinished")
                .isEqualTo(1);
        assertThat(query("SELECT count(*) FROM prompt_deliveries")).isEqualTo(61);
        String inFlight = queryText("SELECT user_id FROM prompt_deliveries WHERE state = 'sending'");

        int restartPort = freePort();
        process = start(environment(restartPort), "serve");
        awaitHealthy(restartPort);
        await("the fan-out is finished", () -> query("SELECT count(*) FROM prompt_fanouts") == 0, WAIT);
        // Slack did post the DM the bot was waiting for when it was killed.
        String inFlightDm = sim.workspace().dmChannelOf(inFlight);
        sim.awaitCall(
                "chat.postMessage",
                call -> call.ok()
                        && inFlightDm.equals(call.response().path("channel").asText()),
                WAIT);

        for (String member : members) {
            assertThat(dmsWith(member, "prompt_answer"))
                    .as("prompts to %s", member)
                    .hasSize(1);
        }
        assertThat(query("SELECT count(*) FROM prompt_deliveries WHERE state = 'sent'"))
                .isEqualTo(members.size() - 1);
        assertThat(queryText("SELECT state FROM prompt_deliveries WHERE user_id = '" + inFlight + "'"))
                .as("the delivery in flight at the crash")
                .isEqualTo("sending");
        assertThat(log()).contains("Finishing the learning prompt sent to #big");
    }
}
