package dev.ownership.bot.detection;

import java.util.List;
import java.util.Objects;

/**
 * The detector's verdict on one message.
 *
 * @param label what the message says about the author's blockers
 * @param category the kind of blocker, {@code null} exactly when the label is {@link Label#NONE}
 * @param reasons the cues that led to the verdict, in words a user can read
 * @param confidence how sure the detector is of the label, 0 to 1 (the rules alone are always sure: 1)
 */
public record Classification(Label label, Category category, List<String> reasons, double confidence) {

    public Classification {
        Objects.requireNonNull(label, "label");
        reasons = List.copyOf(reasons);
        if ((label == Label.NONE) != (category == null)) {
            throw new IllegalArgumentException("A category is required for a blocker and forbidden otherwise");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
    }

    /** A verdict of the rules alone, which know no doubt. */
    public Classification(Label label, Category category, List<String> reasons) {
        this(label, category, reasons, 1.0);
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
