package dev.ownership.bot.demo;

import dev.ownership.bot.Application;
import dev.ownership.bot.WorkProbe;
import dev.ownership.bot.config.Config;
import dev.ownership.simulator.ManualClock;
import dev.ownership.simulator.SlackRequests;
import dev.ownership.simulator.SlackSimulator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The real bot (HTTP mode, its own SQLite file, a manual clock) against the Slack simulator on loopback: the one
 * starter the demo, the end-to-end tests and the benchmarks share.
 *
 * <p>{@link #start} starts the simulator, lets the caller set up its workspace, then starts the bot pointed at it;
 * {@link #close} stops both. Not thread-safe: one caller drives it.
 */
public final class LocalBot implements AutoCloseable {
    /** The signing secret the bot and {@link #slack()} share. */
    public static final String SECRET = "local-signing-secret";

    private final Settings settings;
    private final Path directory;
    private final ManualClock clock;
    private final SlackSimulator sim;
    private final Map<String, String> changedEnvironment = new HashMap<>();
    private Application application;
    private SlackRequests slack;

    private LocalBot(Settings settings, Path directory) {
        this.settings = settings;
        this.directory = directory;
        this.clock = settings.clock;
        this.sim = SlackSimulator.start(clock);
    }

    /** Settings for a bot, and the simulator, on {@code clock}. */
    public static Settings on(ManualClock clock) {
        return new Settings(Objects.requireNonNull(clock, "clock"));
    }

    /** The simulated workspace's clock, which is also the bot's. */
    public ManualClock clock() {
        return clock;
    }

    /** The simulator: its workspace, the recorded Web API calls, faults and rate limits. */
    public SlackSimulator sim() {
        return sim;
    }

    /** Slack's side towards the bot: signed events, commands and interactions. */
    public SlackRequests slack() {
        return slack;
    }

    /** The running bot. */
    public Application application() {
        return application;
    }

    /** What to wait on instead of sleeping. */
    public WorkProbe probe() {
        return application.probe();
    }

    /** The environment the bot starts with. */
    public Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put(Config.SLACK_BOT_TOKEN, SlackSimulator.BOT_TOKEN);
        env.put(Config.SLACK_SIGNING_SECRET, SECRET);
        env.put(Config.SLACK_API_URL, sim.apiUrl());
        env.put(Config.PORT, "0");
        env.put(Config.OWNERSHIP_DB, directory.resolve("ownership.db").toString());
        env.putAll(settings.environment);
        env.putAll(changedEnvironment);
        return env;
    }

    /** Stops the bot as SIGTERM would and starts it again on the same database. */
    public void restart() {
        application.close();
        startBot();
    }

    /**
     * Stops the bot and starts it again on the same database with one variable changed (a new bot token after a
     * reinstall, say); the change holds for later restarts too.
     */
    public void restartWith(String variable, String value) {
        application.close();
        changedEnvironment.put(Objects.requireNonNull(variable, "variable"), Objects.requireNonNull(value, "value"));
        startBot();
    }

    /** Advances the manual clock and waits for the bot's due work to run at the new time. */
    public void advance(Duration duration, Duration wait) {
        clock.advance(duration);
        probe().awaitDueWorkPass(wait);
    }

    /** Stops the bot, then the simulator. */
    @Override
    public void close() {
        try {
            if (application != null) {
                application.close();
            }
        } finally {
            sim.close();
        }
    }

    private void startBot() {
        Map<String, String> env = environment();
        application = Application.start(
                Config.fromEnvironment(env),
                clock,
                new Application.Options(settings.tick, settings.retryBackoff, settings.workerThreads, env)
                        .withSlackTimeout(settings.slackTimeout));
        slack = new SlackRequests(
                URI.create("http://127.0.0.1:" + application.port() + "/slack/events"), SECRET, sim, Clock.systemUTC());
    }

    /** How to start a {@link LocalBot}; defaults suit the tests (fast ticks and retries). */
    public static final class Settings {
        private final ManualClock clock;
        private final Map<String, String> environment = new HashMap<>();
        private Consumer<SlackSimulator> workspace = sim -> {};
        private Duration tick = Duration.ofMillis(40);
        private Duration retryBackoff = Duration.ofMillis(20);
        private Duration slackTimeout = Duration.ofSeconds(5);
        private int workerThreads = 4;

        private Settings(ManualClock clock) {
            this.clock = clock;
        }

        /** Sets up the simulated workspace (users, channels) before the bot starts. */
        public Settings workspace(Consumer<SlackSimulator> setUp) {
            this.workspace = Objects.requireNonNull(setUp, "setUp");
            return this;
        }

        /** Sets an environment variable for the bot. */
        public Settings with(String variable, String value) {
            environment.put(variable, value);
            return this;
        }

        /** How often the bot looks for due work. */
        public Settings tick(Duration every) {
            this.tick = every;
            return this;
        }

        /** The bot's first wait after a Slack 5xx or network error. */
        public Settings retryBackoff(Duration wait) {
            this.retryBackoff = wait;
            return this;
        }

        /** How long the bot waits for a Web API answer. */
        public Settings slackTimeout(Duration timeout) {
            this.slackTimeout = timeout;
            return this;
        }

        /** Starts the simulator, sets up its workspace and starts the bot on a database in {@code directory}. */
        public LocalBot start(Path directory) {
            LocalBot local = new LocalBot(this, Objects.requireNonNull(directory, "directory"));
            try {
                workspace.accept(local.sim);
                local.startBot();
                return local;
            } catch (RuntimeException e) {
                local.close();
                throw e;
            }
        }
    }
}
