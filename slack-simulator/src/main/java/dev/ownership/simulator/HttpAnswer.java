package dev.ownership.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What the simulator answers over HTTP: a status, a JSON body and extra headers.
 *
 * @param status the HTTP status
 * @param body the JSON body
 * @param headers extra response headers, such as {@code Retry-After}
 */
record HttpAnswer(int status, ObjectNode body, Map<String, String> headers) {

    HttpAnswer {
        headers = Map.copyOf(headers);
    }

    static HttpAnswer ok(ObjectNode body) {
        return new HttpAnswer(200, body, Map.of());
    }

    /** An {@code ok:false} answer, which Slack sends with HTTP 200. */
    static HttpAnswer error(String code) {
        return error(200, code);
    }

    static HttpAnswer error(int status, String code) {
        return new HttpAnswer(status, Json.object().put("ok", false).put("error", code), Map.of());
    }

    /** HTTP 429 with {@code Retry-After} in whole seconds, at least one, as Slack sends it. */
    static HttpAnswer rateLimited(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return rateLimited(seconds);
    }

    static HttpAnswer rateLimited(long retryAfterSeconds) {
        return new HttpAnswer(
                429,
                Json.object().put("ok", false).put("error", "ratelimited"),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    /**
     * The answer a fault replaces the normal one with; empty for a delay, which waits here and lets the call be
     * answered normally afterwards.
     */
    static Optional<HttpAnswer> forFault(Fault fault) {
        if (fault instanceof Fault.RateLimited limited) {
            return Optional.of(rateLimited(limited.retryAfterSeconds()));
        }
        if (fault instanceof Fault.ServerError serverError) {
            String code = serverError.status() == 503 ? "service_unavailable" : "internal_error";
            return Optional.of(error(serverError.status(), code));
        }
        if (fault instanceof Fault.ApiError apiError) {
            return Optional.of(error(apiError.code()));
        }
        if (fault instanceof Fault.ServerErrorAfterHandling after) {
            // Where nothing is handled first (a response_url), it is the plain 5xx.
            return forFault(after.error());
        }
        java.time.Duration wait =
                fault instanceof Fault.AnswerLost lost ? lost.duration() : ((Fault.Delay) fault).duration();
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }
}
