package dev.ownership.bot.streak;

import dev.ownership.storage.streak.ActivityRepository.Blocker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The ownership streak: consecutive blockers, in the order they were posted, that carried a next step before their
 * window ended (the nudge's grace period plus 24 hours). A blocker whose window passed without one resets the
 * streak, even if a step came later; while its window is open it neither counts nor breaks.
 */
final class OwnershipStreak {
    private OwnershipStreak() {}

    /**
     * The streak as it stood at {@code asOf}: blockers posted and next steps added after it are not known yet.
     *
     * @param blockers the person's blockers in one team, oldest first
     * @param window how long after posting a next step still counts
     */
    static Streak compute(List<Blocker> blockers, Duration window, Instant asOf) {
        int current = 0;
        int best = 0;
        Instant runStart = null;
        boolean broken = false;
        for (Blocker blocker : blockers) {
            if (blocker.postedAt().isAfter(asOf)) {
                break;
            }
            Instant deadline = blocker.postedAt().plus(window);
            if (proposedInTime(blocker, deadline, asOf)) {
                runStart = current == 0 ? blocker.postedAt() : runStart;
                current++;
                best = Math.max(best, current);
            } else if (asOf.isAfter(deadline)) {
                current = 0;
                runStart = null;
                broken = true;
            }
        }
        return new Streak(StreakKind.OWNERSHIP, current, best, runStart, !broken);
    }

    private static boolean proposedInTime(Blocker blocker, Instant deadline, Instant asOf) {
        Instant proposed = blocker.proposedAt();
        return proposed != null && !proposed.isAfter(asOf) && !proposed.isAfter(deadline);
    }
}
