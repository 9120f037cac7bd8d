package dev.ownership.simulator;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a Web API request the way Slack's front door does: injected faults first, then the token, then the rate
 * limits, then the method itself. Thread-safe: it only reads its handler table and delegates to thread-safe parts.
 */
final class WebApi {
    private static final Logger LOG = LoggerFactory.getLogger(WebApi.class);
    private static final Set<String> APP_TOKEN_METHODS = Set.of("apps.connections.open");

    private final Map<String, MethodHandler> handlers;
    private final Faults faults;
    private final RateLimiter rateLimiter;
    private final ConversationAccess access;
    private final BotTokens botTokens;

    WebApi(
            Map<String, MethodHandler> handlers,
            Faults faults,
            RateLimiter rateLimiter,
            ConversationAccess access,
            BotTokens botTokens) {
        this.handlers = Map.copyOf(handlers);
        this.faults = faults;
        this.rateLimiter = rateLimiter;
        this.access = access;
        this.botTokens = botTokens;
    }

    HttpAnswer answer(ApiRequest request) {
        Optional<Fault> fault = faults.take(request.method());
        if (fault.isPresent() && fault.get() instanceof Fault.AnswerLost lost) {
            HttpAnswer handled = handle(request);
            sleep(lost.duration());
            return handled;
        }
        if (fault.isPresent() && fault.get() instanceof Fault.ServerErrorAfterHandling after) {
            handle(request);
            return HttpAnswer.forFault(after.error()).orElseThrow();
        }
        Optional<HttpAnswer> faulted = fault.flatMap(HttpAnswer::forFault);
        if (faulted.isPresent()) {
            return faulted.get();
        }
        return handle(request);
    }

    private static void sleep(java.time.Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The answer with no fault: the token, then the rate limits, then the method itself. */
    private HttpAnswer handle(ApiRequest request) {
        MethodHandler handler = handlers.get(request.method());
        if (handler == null) {
            return HttpAnswer.error("unknown_method");
        }
        Optional<String> authError = authError(request);
        if (authError.isPresent()) {
            return HttpAnswer.error(authError.get());
        }
        Optional<HttpAnswer> limited = rateLimiter
                .tryAcquire(request.method(), limitedChannel(request))
                .map(HttpAnswer::rateLimited);
        if (limited.isPresent()) {
            return limited.get();
        }
        try {
            return HttpAnswer.ok(handler.handle(request));
        } catch (SlackError error) {
            return HttpAnswer.error(error.code());
        } catch (RuntimeException bug) {
            LOG.warn("Simulated {} failed on {}", request.method(), request.params(), bug);
            return HttpAnswer.error(500, "internal_error");
        }
    }

    private Optional<String> authError(ApiRequest request) {
        String token = request.token();
        if (token == null || token.isBlank()) {
            return Optional.of("not_authed");
        }
        boolean wantsAppToken = APP_TOKEN_METHODS.contains(request.method());
        if (botTokens.isBotToken(token)) {
            return wantsAppToken ? Optional.of("not_allowed_token_type") : botTokens.refusal(token);
        }
        if (token.equals(SlackSimulator.APP_TOKEN)) {
            return wantsAppToken ? Optional.empty() : Optional.of("not_allowed_token_type");
        }
        return Optional.of("invalid_auth");
    }

    /** The conversation a {@code chat.postMessage} lands in, so that posts to a user and their DM share a limit. */
    private String limitedChannel(ApiRequest request) {
        if (!"chat.postMessage".equals(request.method())) {
            return null;
        }
        String channel = request.param("channel");
        try {
            return access.resolve(channel, true).id();
        } catch (SlackError unknown) {
            return channel;
        }
    }
}
