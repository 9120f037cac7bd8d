package dev.ownership.scheduler;

/**
 * Work that becomes due at stored times (pending nudges, held messages) and is picked up by a frequent tick.
 *
 * <p>Implementations find what is due at the current time, do it, and record it, so that a tick that runs late
 * or twice has the same effect as one on time.
 */
@FunctionalInterface
public interface DueWork {
    /** Does whatever is due now. */
    void runDue();
}
