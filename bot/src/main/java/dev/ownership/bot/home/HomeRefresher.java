package dev.ownership.bot.home;

/**
 * Call after recording anything that changes a person's progress (a learning shared, a risk check-in answered, a
 * next step added, a pause): celebrates the streak milestones it newly reached and publishes their App Home again.
 *
 * <p>Implementations return at once and do the work in the background, so this may be called on the ack path.
 * Thread-safe.
 */
@FunctionalInterface
public interface HomeRefresher {
    /** Refreshes {@code userId}'s progress: milestones, then their App Home. */
    void refresh(String userId);
}
