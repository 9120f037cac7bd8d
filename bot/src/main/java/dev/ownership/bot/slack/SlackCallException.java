package dev.ownership.bot.slack;

/** A Web API call that could not be completed after retrying (network failures, repeated 5xx). */
public final class SlackCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SlackCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
