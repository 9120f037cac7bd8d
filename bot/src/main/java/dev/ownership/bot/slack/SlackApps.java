package dev.ownership.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.ownership.bot.command.CommandService;
import dev.ownership.bot.config.Config;
import dev.ownership.bot.home.HomeActions;
import dev.ownership.bot.home.HomeRefresher;
import dev.ownership.bot.home.HomeService;
import dev.ownership.bot.nudge.NudgeActions;
import dev.ownership.bot.nudge.StandupService;
import dev.ownership.bot.ops.Metrics;
import dev.ownership.bot.privacy.ForgetMe;
import dev.ownership.bot.workspace.Workspace;
import dev.ownership.storage.ProcessedEventRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the Bolt {@link App} with every listener the bot has. The same app serves HTTP and Socket Mode.
 *
 * <p>Every event the manifest subscribes to is acknowledged, including message subtypes no listener cares about,
 * so Slack never retries for want of a handler.
 */
public final class SlackApps {
    private final List<Listener> listeners = new ArrayList<>();
    private final Config config;
    private final SlackApi api;
    private final Metrics metrics;
    private final ProcessedEventRepository processed;
    private final Clock clock;

    public SlackApps(Config config, SlackApi api, Metrics metrics, ProcessedEventRepository processed, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.api = Objects.requireNonNull(api, "api");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.processed = Objects.requireNonNull(processed, "processed");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Adds the {@code /ownership} command; commands that change something refresh the person's App Home. */
    public SlackApps withCommands(CommandService commands, BackgroundWork work, HomeRefresher home) {
        listeners.add(new CommandListener(commands, api, work, home));
        return this;
    }

    /** Adds the listeners that keep the cached workspace fresh. */
    public SlackApps withWorkspace(Workspace workspace) {
        listeners.add(new WorkspaceListener(workspace));
        return this;
    }

    /** Adds the standup channel listeners. */
    public SlackApps withStandups(StandupService standups) {
        listeners.add(new StandupListener(standups));
        return this;
    }

    /** Adds the nudge's buttons and modal. */
    public SlackApps withNudges(NudgeActions actions, BackgroundWork work) {
        listeners.add(new NudgeInteractions(actions, api, work));
        return this;
    }

    /** Adds the App Home: published when opened, its quick actions and modals. */
    public SlackApps withHome(HomeService home, HomeActions actions, BackgroundWork work) {
        listeners.add(new HomeInteractions(home, actions, api, work));
        return this;
    }

    /** Adds the buttons of {@code forget-me}'s confirmation. */
    public SlackApps withPrivacy(ForgetMe forgetMe, HomeRefresher home, BackgroundWork work) {
        listeners.add(new PrivacyInteractions(forgetMe, home, api, work));
        return this;
    }

    /** Builds the app. */
    public App build() {
        AppConfig appConfig = AppConfig.builder()
                .slack(api.slack())
                .singleTeamBotToken(config.botToken())
                .signingSecret(config.signingSecret())
                .allEventsApiAutoAckEnabled(true)
                .build();
        App app = new App(appConfig);
        app.use(new RequestMetrics(metrics));
        app.use(new EventDeduplication(processed, metrics, clock));
        listeners.forEach(listener -> listener.register(app));
        return app;
    }
}
