package dev.ownership.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure the simulator answers with instead of the normal response, injected through {@link Faults}.
 *
 * <p>Each kind mirrors what Slack really does: a 429 with {@code Retry-After}, a 5xx from its edge, an
 * {@code ok:false} answer with an error code, or a slow answer that trips client timeouts.
 */
public sealed interface Fault {

    /** HTTP 429 with {@code Retry-After: retryAfterSeconds} and {@code {"ok":false,"error":"ratelimited"}}. */
    static Fault rateLimited(int retryAfterSeconds) {
        return new RateLimited(retryAfterSeconds);
    }

    /** An HTTP 5xx answer, such as 500 or 503, with a JSON error body. */
    static Fault serverError(int status) {
        return new ServerError(status);
    }

    /** HTTP 200 with {@code {"ok":false,"error":code}}, e.g. {@code channel_not_found}. */
    static Fault error(String code) {
        return new ApiError(code);
    }

    /** Waits this long and then answers normally, for client timeout tests. */
    static Fault delay(Duration duration) {
        return new Delay(duration);
    }

    /**
     * Does what was asked (a message is posted, a file shared), then waits this long before answering: the answer
     * comes after the client gave up, as when Slack's reply is lost on the way back.
     */
    static Fault answerLost(Duration duration) {
        return new AnswerLost(duration);
    }

    /** Does what was asked, then answers an HTTP 5xx instead of its result, as an edge that failed after the fact. */
    static Fault serverErrorAfterHandling(int status) {
        return new ServerErrorAfterHandling(new ServerError(status));
    }

    /**
     * See {@link Fault#answerLost}.
     *
     * @param duration how long to wait, after handling, before answering
     */
    record AnswerLost(Duration duration) implements Fault {
        /** Rejects negative waits. */
        public AnswerLost {
            if (Objects.requireNonNull(duration, "duration").isNegative()) {
                throw new IllegalArgumentException("wait must not be negative: " + duration);
            }
        }
    }

    /**
     * See {@link Fault#serverErrorAfterHandling}.
     *
     * @param error the 5xx answered once the request was handled
     */
    record ServerErrorAfterHandling(ServerError error) implements Fault {
        /** Requires the error. */
        public ServerErrorAfterHandling {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * See {@link Fault#rateLimited}.
     *
     * @param retryAfterSeconds the {@code Retry-After} value, at least 1
     */
    record RateLimited(int retryAfterSeconds) implements Fault {
        /** Rejects a retry-after below one second, which Slack never sends. */
        public RateLimited {
            if (retryAfterSeconds < 1) {
                throw new IllegalArgumentException("retryAfterSeconds must be >= 1, was " + retryAfterSeconds);
            }
        }
    }

    /**
     * See {@link Fault#serverError}.
     *
     * @param status the HTTP status, 500 to 599
     */
    record ServerError(int status) implements Fault {
        /** Rejects statuses outside 5xx. */
        public ServerError {
            if (status < 500 || status > 599) {
                throw new IllegalArgumentException("a server error has a 5xx status, not " + status);
            }
        }
    }

    /**
     * See {@link Fault#error}.
     *
     * @param code the Slack error code
     */
    record ApiError(String code) implements Fault {
        /** Requires a code. */
        public ApiError {
            Objects.requireNonNull(code, "code");
        }
    }

    /**
     * See {@link Fault#delay}.
     *
     * @param duration how long to wait before answering
     */
    record Delay(Duration duration) implements Fault {
        /** Rejects negative delays. */
        public Delay {
            if (Objects.requireNonNull(duration, "duration").isNegative()) {
                throw new IllegalArgumentException("delay must not be negative: " + duration);
            }
        }
    }
}
