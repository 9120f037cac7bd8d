package dev.ownership.storage.nudge;

import dev.ownership.storage.nudge.StandupPost.ProposalVia;
import dev.ownership.storage.nudge.StandupPost.State;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The detector's verdict on a post as it is first recorded: what it says, why, and where its nudge starts.
 *
 * @param label what the post says about blockers
 * @param category the blocker's category, or {@code null} for none
 * @param reasons why the detector said so (cue descriptions, never the text)
 * @param state {@code clear}, {@code pending} or {@code proposed}
 * @param dueAt when a pending nudge is due, or {@code null}
 * @param proposalVia {@code at_once} for a blocker posted with its next step, else {@code null}
 */
public record FirstVerdict(
        PostLabel label,
        PostCategory category,
        List<String> reasons,
        State state,
        Instant dueAt,
        ProposalVia proposalVia) {
    /** Requires a label, reasons and a state. */
    public FirstVerdict {
        Objects.requireNonNull(label, "label");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(state, "state");
    }
}
