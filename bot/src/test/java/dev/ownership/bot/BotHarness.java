package dev.ownership.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.bot.demo.LocalBot;
import dev.ownership.simulator.CommandReply;
import dev.ownership.simulator.ManualClock;
import dev.ownership.simulator.RecordedCall;
import dev.ownership.simulator.SimChannel;
import dev.ownership.simulator.SimUser;
import dev.ownership.simulator.SlackRequests;
import dev.ownership.simulator.SlackSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that starts a {@link LocalBot} (the Slack simulator and the real bot in HTTP mode, a fresh
 * SQLite file, a manual clock) for each test, and stops it afterwards.
 *
 * <p>The standard workspace: an admin, a lead and three engineers in different timezones, and a public
 * {@code #standup} channel with all of them in it (the bot is not a member until it joins).
 */
public final class BotHarness implements BeforeEachCallback, AfterEachCallback {
    public static final String SECRET = LocalBot.SECRET;
    public static final String ADMIN = "U0ADMIN1";
    public static final String LEAD = "U0LEAD01";
    public static final String ALICE = "U0ALICE1";
    public static final String BOB = "U0BOB001";
    public static final String CHEN = "U0CHEN01";
    public static final String STANDUP = "C0STANDUP";
    /** Monday 2026-11-23, 10:00 in Berlin. */
    public static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T09:00:00Z");

    public static final Duration WAIT = Duration.ofSeconds(10);

    private final Map<String, String> extraEnvironment = new HashMap<>();
    private Duration slackTimeout = Duration.ofSeconds(5);
    private LocalBot local;
    private Path directory;

    /** Sets how long the bot waits for a Web API answer (for fault tests that simulate timeouts). */
    public BotHarness withSlackTimeout(Duration timeout) {
        this.slackTimeout = timeout;
        return this;
    }

    /** Sets an environment variable for the bot (before it starts). */
    public BotHarness with(String variable, String value) {
        extraEnvironment.put(variable, value);
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        directory = Files.createTempDirectory("ownership-test");
        LocalBot.Settings settings = LocalBot.on(new ManualClock(MONDAY_MORNING))
                .slackTimeout(slackTimeout)
                .workspace(BotHarness::standardWorkspace);
        extraEnvironment.forEach(settings::with);
        local = settings.start(directory);
    }

    private static void standardWorkspace(SlackSimulator simulator) {
        simulator
                .workspace()
                .addUser(SimUser.person(ADMIN, "ada", "Europe/Berlin").asAdmin());
        simulator.workspace().addUser(SimUser.person(LEAD, "lee", "Europe/Berlin"));
        simulator.workspace().addUser(SimUser.person(ALICE, "alice", "Europe/Berlin"));
        simulator.workspace().addUser(SimUser.person(BOB, "bob", "America/New_York"));
        simulator.workspace().addUser(SimUser.person(CHEN, "chen", "Asia/Tokyo"));
        simulator.workspace().addChannel(SimChannel.publicChannel(STANDUP, "standup", ADMIN, LEAD, ALICE, BOB, CHEN));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (local != null) {
            local.close();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    /** The environment the bot starts with. */
    public Map<String, String> environment() {
        return local.environment();
    }

    /** Stops the bot as SIGTERM would and starts it again on the same database. */
    public void restart() {
        local.restart();
    }

    /** Restarts the bot on the same database with one variable changed, for this and later restarts. */
    public void restartWith(String variable, String value) {
        local.restartWith(variable, value);
    }

    public ManualClock clock() {
        return local.clock();
    }

    public SlackSimulator sim() {
        return local.sim();
    }

    public SlackRequests slack() {
        return local.slack();
    }

    public Application bot() {
        return local.application();
    }

    /** What to wait on instead of sleeping. */
    public WorkProbe probe() {
        return local.probe();
    }

    public Path directory() {
        return directory;
    }

    /** What {@code GET /metrics} answers now, as Prometheus reads it. */
    public String metrics() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot().port() + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET /metrics").isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code /ownership text} as {@code user} in {@code channel} and returns the private answer's text. */
    public String command(String user, String channel, String text) {
        int before = sim().calls("response_url").size();
        CommandReply reply = slack().slashCommand(user, channel, text);
        assertThat(reply.status()).as("ack status of /ownership %s", text).isEqualTo(200);
        // The first answer Slack accepted after the command (a refused post is retried by the bot).
        int seen = before + 1;
        while (true) {
            List<RecordedCall> answers = sim().awaitCalls("response_url", seen, WAIT);
            for (RecordedCall answer : answers.subList(before, answers.size())) {
                if (answer.httpStatus() == 200) {
                    return answer.text();
                }
            }
            seen = answers.size() + 1;
        }
    }

    /**
     * Makes ADMIN watch #standup, as the tests that need a team start with; {@code quiet}, so that the channel holds
     * only what a test posts (the introduction has tests of its own).
     */
    public void watchStandup() {
        String answer = command(ADMIN, STANDUP, "watch quiet");
        assertThat(answer).contains("Now watching #standup");
        sim().clearCalls();
    }

    /** Advances the manual clock and waits for the bot's due work to run at the new time. */
    public void advance(Duration duration) {
        local.advance(duration, WAIT);
    }
}
