package dev.ownership.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.auth.AuthTestResponse;
import dev.ownership.bot.config.Config;
import dev.ownership.bot.ops.Metrics;
import dev.ownership.storage.ProcessedEventRepository;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Bolt {@link App} from the features' {@link Listener}s, with the middleware every request passes
 * (metrics, de-duplication). The same app serves HTTP and Socket Mode.
 *
 * <p>Every event the manifest subscribes to is acknowledged, including message subtypes no listener cares about,
 * so Slack never retries for want of a handler.
 */
public final class SlackApps {
    private static final Logger log = LoggerFactory.getLogger(SlackApps.class);

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

    /**
     * Acknowledges a Slack request no listener handles (a link button, an action from an older message) instead of
     * Bolt's 404, which Slack shows as an error and retries.
     */
    private static Response acknowledgeUnmatched(Request<?> request) {
        log.info("Acknowledged a {} request that no listener handles", request.getRequestType());
        return Response.ok();
    }

    /**
     * Asks Slack who the bot token belongs to ({@code auth.test}), through {@link SlackApi}, which waits out a rate limit
     * or an outage, so that a hiccup at start-up is not taken for a bad token. Call before {@link #build}.
     *
     * @return the bot's own user id
     * @throws IllegalStateException when Slack refuses the token
     */
    public String authenticate() {
        AuthTestResponse auth = api.call("auth.test", methods -> methods.authTest(r -> r));
        if (!auth.isOk()) {
            throw new IllegalStateException("Slack refused the bot token (auth.test: " + auth.getError() + ")");
        }
        return auth.getUserId();
    }

    /** Builds the app with each feature's {@code listeners}, once {@link #authenticate} has confirmed the token. */
    public App build(List<Listener> listeners) {
        AppConfig appConfig = AppConfig.builder()
                .slack(api.slack())
                .singleTeamBotToken(config.botToken())
                // The token was checked by authenticate(); asking again every 10 minutes, on the ack path of whichever
                // request
                // comes next and without retries, would only add ways for a request to fail.
                .authTestCacheExpirationMillis(-1)
                .signingSecret(config.signingSecret())
                .allEventsApiAutoAckEnabled(true)
                .unmatchedRequestHandler(SlackApps::acknowledgeUnmatched)
                .build();
        App app = new App(appConfig);
        app.use(new RequestMetrics(metrics));
        app.use(new EventDeduplication(processed, metrics, clock));
        List.copyOf(listeners).forEach(listener -> listener.register(app));
        return app;
    }
}
