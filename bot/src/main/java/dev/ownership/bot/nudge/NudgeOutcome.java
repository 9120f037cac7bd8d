package dev.ownership.bot.nudge;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What became of a nudge, as a value: the DM is replaced with it, in words the Slack edge chooses
 * ({@code NudgeSlackBlocks}).
 */
public sealed interface NudgeOutcome {
    /**
     * The author added a next step from the nudge.
     *
     * @param step the step as typed
     * @param inThread whether Slack confirmed it was posted in the standup thread
     */
    record StepAdded(String step, boolean inThread) implements NudgeOutcome {
        public StepAdded {
            Objects.requireNonNull(step, "step");
        }
    }

    /** The author said the post was not a blocker. */
    record NotABlocker() implements NudgeOutcome {}

    /** The author said the blocker is resolved. */
    record Resolved() implements NudgeOutcome {}

    /** The author turned their nudges off from the nudge. */
    record NudgesOff() implements NudgeOutcome {}

    /**
     * The author paused nudges and prompts from the nudge.
     *
     * @param until the first day back
     */
    record Paused(LocalDate until) implements NudgeOutcome {
        public Paused {
            Objects.requireNonNull(until, "until");
        }
    }
}
