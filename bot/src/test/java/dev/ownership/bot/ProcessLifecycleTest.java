package dev.ownership.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.bot.config.Config;
import dev.ownership.bot.simulator.ManualClock;
import dev.ownership.bot.simulator.RecordedCall;
import dev.ownership.bot.simulator.SimChannel;
import dev.ownership.bot.simulator.SimUser;
import dev.ownership.bot.simulator.SlackRequests;
import dev.ownership.bot.simulator.SlackSimulator;
import dev.ownership.bot.streak.TeamWeeks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bot as a real process: start-up failures, SIGTERM, and kill -9 followed by a restart. */
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
}
