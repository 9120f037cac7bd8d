package dev.ownership.scheduler;

/** The one unchecked exception of the scheduler module: Quartz could not be configured or started. */
public final class SchedulingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SchedulingException(String message, Throwable cause) {
        super(message, cause);
    }
}
