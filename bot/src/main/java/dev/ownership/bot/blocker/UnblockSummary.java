package dev.ownership.bot.blocker;

import dev.ownership.storage.blocker.Unblock;
import dev.ownership.storage.blocker.UnblockRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What {@code /ownership me} and the App Home say about the teammates a person helped unblock. Thread-safe. */
public final class UnblockSummary {
    private final UnblockRepository unblocks;
    private final Clock clock;

    public UnblockSummary(UnblockRepository unblocks, Clock clock) {
        this.unblocks = Objects.requireNonNull(unblocks, "unblocks");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * One line about the blockers {@code helperId} helped unblock (as long as they are kept), for {@code /ownership
     * me} and the App Home.
     */
    public String line(String helperId) {
        Instant now = clock.instant();
        List<Unblock> helped = unblocks.byHelper(helperId, Instant.EPOCH);
        if (helped.isEmpty()) {
            return ":raised_hands: *Unblocks:* none yet. When your reply in a teammate's blocker thread helps them get "
                    + "unblocked, it shows up here.";
        }
        long lastWeek = helped.stream()
                .filter(unblock -> unblock.resolvedAt().isAfter(now.minus(Duration.ofDays(7))))
                .count();
        return ":raised_hands: *Unblocks:* you helped teammates get unblocked " + times(helped.size()) + " (" + lastWeek
                + " in the last 7 days). Thank you!";
    }

    private static String times(int count) {
        return count == 1 ? "once" : count + " times";
    }
}
