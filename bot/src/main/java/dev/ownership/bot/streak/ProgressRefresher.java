package dev.ownership.bot.streak;

/**
 * Call after recording anything that changes a person's progress (a learning shared, a risk check-in answered, a
 * next step added, a pause): celebrates the streak milestones it newly reached and publishes their App Home again.
 *
 * <p>It sits with the streaks, which every feature that records progress may depend on, rather than with the App Home,
 * which depends on the features it shows: the slices stay free of cycles (ArchitectureTest).
 *
 * <p>Implementations return at once and do the work in the background, so this may be called on the ack path.
 * Thread-safe.
 */
@FunctionalInterface
public interface ProgressRefresher {
    /** Refreshes {@code userId}'s progress: milestones, then their App Home. */
    void refresh(String userId);
}
