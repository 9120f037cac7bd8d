package dev.ownership.bot.detection;

import java.util.List;
import java.util.Objects;

/**
 * The detector's verdict on one message.
 *
 * @param label what the message says about the author's blockers
 * @param category the kind of blocker, {@code null} exactly when the label is {@link Label#NONE}
 * @param reasons the cues that led to the verdict, in words a user can read
 */
public record Classification(Label label, Category category, List<String> reasons) {

    public Classification {
        Objects.requireNonNull(label, "label");
        reasons = List.copyOf(reasons);
        if ((label == Label.NONE) != (category == null)) {
            throw new IllegalArgumentException("A category is required for a blocker and forbidden otherwise");
        }
    }

    /** Whether the message reports a blocker of the author's own. */
    public boolean isBlocker() {
        return label != Label.NONE;
    }

    /** Whether every blocker in the message comes with a proposal (false when there is no blocker). */
    public boolean hasProposal() {
        return label == Label.BLOCKER_WITH_PROPOSAL;
    }
}
