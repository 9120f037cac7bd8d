package dev.ownership.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.bot.config.Config;
import dev.ownership.bot.simulator.CommandReply;
import dev.ownership.bot.simulator.ManualClock;
import dev.ownership.bot.simulator.RecordedCall;
import dev.ownership.bot.simulator.SimChannel;
import dev.ownership.bot.simulator.SimUser;
import dev.ownership.bot.simulator.SlackRequests;
import dev.ownership.bot.simulator.SlackSimulator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
 * A JUnit 5 extension that starts the Slack simulator and the real bot (HTTP mode, a fresh SQLite file, a manual
 * clock) for each test, and stops both afterwards.
 *
 * <p>The standard workspace: an admin, a lead and three engineers in different timezones, and a public
 * {@code #standup} channel with all of them in it (the bot is not a member until it joins).
 */
public final class BotHarness implements BeforeEachCallback, AfterEachCallback {
    public static final String SECRET = "test-signing-secret";
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
    private ManualClock clock;
    private SlackSimulator simulator;
    private Application application;
    private SlackRequests slack;
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
        clock = new ManualClock(MONDAY_MORNING);
        simulator = SlackSimulator.start(clock);
        simulator
                .workspace()
                .addUser(SimUser.person(ADMIN, "ada", "Europe/Berlin").asAdmin());
        simulator.workspace().addUser(SimUser.person(LEAD, "lee", "Europe/Berlin"));
        simulator.workspace().addUser(SimUser.person(ALICE, "alice", "Europe/Berlin"));
        simulator.workspace().addUser(SimUser.person(BOB, "bob", "America/New_York"));
        simulator.workspace().addUser(SimUser.person(CHEN, "chen", "Asia/Tokyo"));
        simulator.workspace().addChannel(SimChannel.publicChannel(STANDUP, "standup", ADMIN, LEAD, ALICE, BOB, CHEN));
        startBot();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (application != null) {
            application.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    /** The environment the bot starts with. */
    public Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put(Config.SLACK_BOT_TOKEN, SlackSimulator.BOT_TOKEN);
        env.put(Config.SLACK_SIGNING_SECRET, SECRET);
        env.put(Config.SLACK_API_URL, simulator.apiUrl());
        env.put(Config.PORT, "0");
        env.put(Config.OWNERSHIP_DB, directory.resolve("ownership.db").toString());
        env.putAll(extraEnvironment);
        return env;
    }

    private void startBot() {
        Config config = Config.fromEnvironment(environment());
        application = Application.start(
                config,
                clock,
                new Application.Options(Duration.ofMillis(40), Duration.ofMillis(20), 4, environment())
                        .withSlackTimeout(slackTimeout));
        slack = new SlackRequests(
                URI.create("http://127.0.0.1:" + application.port() + "/slack/events"),
                SECRET,
                simulator,
                Clock.systemUTC());
    }

    /** Stops the bot as SIGTERM would and starts it again on the same database. */
    public void restart() {
        application.close();
        startBot();
    }

    public ManualClock clock() {
        return clock;
    }

    public SlackSimulator sim() {
        return simulator;
    }

    public SlackRequests slack() {
        return slack;
    }

    public Application bot() {
        return application;
    }

    public Path directory() {
        return directory;
    }

    /** Runs {@code /ownership text} as {@code user} in {@code channel} and returns the private answer's text. */
    public String command(String user, String channel, String text) {
        int before = simulator.calls("response_url").size();
        CommandReply reply = slack.slashCommand(user, channel, text);
        assertThat(reply.status()).as("ack status of /ownership %s", text).isEqualTo(200);
        // The first answer Slack accepted after the command (a refused post is retried by the bot).
        int seen = before + 1;
        while (true) {
            List<RecordedCall> answers = simulator.awaitCalls("response_url", seen, WAIT);
            for (RecordedCall answer : answers.subList(before, answers.size())) {
                if (answer.httpStatus() == 200) {
                    return answer.text();
                }
            }
            seen = answers.size() + 1;
        }
    }

    /** Makes ADMIN watch #standup, as the tests that need a team start with. */
    public void watchStandup() {
        String answer = command(ADMIN, STANDUP, "watch");
        assertThat(answer).contains("Now watching #standup");
        simulator.clearCalls();
    }

    /** Advances the manual clock and waits for the bot's due work to run at the new time. */
    public void advance(Duration duration) {
        clock.advance(duration);
        application.awaitDueWorkPass(WAIT);
    }
}
