package dev.ownership.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.auth.AuthTestResponse;
import dev.ownership.bot.command.CommandService;
import dev.ownership.bot.config.Config;
import dev.ownership.bot.home.HomeActions;
import dev.ownership.bot.home.HomeRefresher;
import dev.ownership.bot.home.HomeService;
import dev.ownership.bot.nudge.NudgeActions;
import dev.ownership.bot.nudge.StandupService;
import dev.ownership.bot.ops.Metrics;
import dev.ownership.bot.privacy.ForgetMe;
import dev.ownership.bot.prompt.PromptActions;
import dev.ownership.bot.prompt.TeamMembership;
import dev.ownership.bot.workspace.Workspace;
import dev.ownership.storage.ProcessedEventRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Bolt {@link App} with every listener the bot has. The same app serves HTTP and Socket Mode.
 *
 * <p>Every event the manifest subscribes to is acknowledged, including message subtypes no listener cares about,
 * so Slack never retries for want of a handler.
 */
public final class SlackApps {
    private static final Logger log = LoggerFactory.getLogger(SlackApps.class);

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
    public SlackApps withCommands(
            CommandService commands, BackgroundWork work, SlackDigestMessenger digests, HomeRefresher home) {
        listeners.add(new CommandListener(commands, api, work, digests, home));
        return this;
    }

    /** Adds the listeners that keep the cached workspace fresh. */
    public SlackApps withWorkspace(Workspace workspace) {
        listeners.add(new WorkspaceListener(workspace, userId -> {}));
        return this;
    }

    /** As {@link #withWorkspace(Workspace)}, and tells {@code profileChanged}, after the ack, whose profile changed. */
    public SlackApps withWorkspace(Workspace workspace, Consumer<String> profileChanged, BackgroundWork work) {
        listeners.add(new WorkspaceListener(
                workspace, userId -> work.submit("workspace.profile-changed", () -> profileChanged.accept(userId))));
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

    /**
     * Acknowledges a Slack request no listener handles (a link button, an action from an older message) instead of
     * Bolt's 404, which Slack shows as an error and retries.
     */
    private static Response acknowledgeUnmatched(Request<?> request) {
        log.info("Acknowledged a {} request that no listener handles", request.getRequestType());
        return Response.ok();
    }

    /** Adds the prompts' buttons and modal, and the channel join and leave events that keep teams' members. */
    public SlackApps withPrompts(
            PromptActions actions, TeamMembership membership, BackgroundWork work, HomeRefresher home) {
        listeners.add(new PromptInteractions(actions, api, work, home));
        listeners.add(new MembershipListener(membership, work));
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

    /**
     * Builds the app, once Slack has confirmed the bot token.
     *
     * @throws IllegalStateException when Slack refuses the token
     */
    public App build() {
        // Bolt checks the token with auth.test as the app is built, without waiting out a rate limit or an outage:
        // ask first through SlackApi, which does, so that a hiccup at start-up is not taken for a bad token.
        AuthTestResponse auth = api.call("auth.test", methods -> methods.authTest(r -> r));
        if (!auth.isOk()) {
            throw new IllegalStateException("Slack refused the bot token (auth.test: " + auth.getError() + ")");
        }
        AppConfig appConfig = AppConfig.builder()
                .slack(api.slack())
                .singleTeamBotToken(config.botToken())
                // The token was checked above; asking again every 10 minutes, on the ack path of whichever request
                // comes next and without retries, would only add ways for a request to fail.
                .authTestCacheExpirationMillis(-1)
                .signingSecret(config.signingSecret())
                .allEventsApiAutoAckEnabled(true)
                .unmatchedRequestHandler(SlackApps::acknowledgeUnmatched)
                .build();
        App app = new App(appConfig);
        app.use(new RequestMetrics(metrics));
        app.use(new EventDeduplication(processed, metrics, clock));
        listeners.forEach(listener -> listener.register(app));
        return app;
    }
}
