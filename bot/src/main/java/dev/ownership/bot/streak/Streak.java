package dev.ownership.bot.streak;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One streak of a person in a team, as derived from the recorded facts at a moment.
 *
 * @param kind which streak
 * @param current the length of the run going on now (0 when there is none)
 * @param best the longest run in the recorded history
 * @param runStart when the current run began (its first blocker, or the start of its first week), or {@code null}
 * @param runFromOldestFact whether nothing broke the streak before the current run within the recorded history, so
 *     the run may have begun before the oldest record still kept
 */
public record Streak(StreakKind kind, int current, int best, Instant runStart, boolean runFromOldestFact) {
    /** The milestones celebrated with a DM. */
    public static final List<Integer> MILESTONES = List.of(3, 5, 10, 25);

    public Streak {
        Objects.requireNonNull(kind, "kind");
        if (current < 0 || best < current) {
            throw new IllegalArgumentException("Expected 0 <= current <= best, got " + current + " and " + best);
        }
        if (current > 0) {
            Objects.requireNonNull(runStart, "runStart");
        }
    }

    /** No streak yet. */
    public static Streak none(StreakKind kind) {
        return new Streak(kind, 0, 0, null, true);
    }

    /** The next milestone to reach, if any is left. */
    public Optional<Integer> nextMilestone() {
        return MILESTONES.stream().filter(milestone -> milestone > current).findFirst();
    }

    /** The highest milestone the current run has reached, if any. */
    public Optional<Integer> reachedMilestone() {
        return MILESTONES.stream().filter(milestone -> milestone <= current).reduce((low, high) -> high);
    }
}
