package dev.ownership.bot.nudge;

import dev.ownership.storage.nudge.StandupPost;

/**
 * Told what happens around a blocker after it was posted, for the features that follow blockers beyond the nudge
 * (long-running blockers, credit for unblockers). Calls come on the ack path and must return quickly; the text of a
 * reply is given only to be judged, never to be stored.
 */
public interface BlockerThreads {
    /** Tells nobody. */
    BlockerThreads NONE = new BlockerThreads() {
        @Override
        public void replied(StandupPost blocker, String replyTs, String userId, String text) {}

        @Override
        public void resolved(StandupPost blocker, Resolution how) {}
    };

    /** A person (the author or anyone else, never a bot) replied in the thread of the blocker. */
    void replied(StandupPost blocker, String replyTs, String userId, String text);

    /** The author resolved the blocker in a way the nudge feature sees: a next step, or "It's resolved". */
    void resolved(StandupPost blocker, Resolution how);

    /** How the author resolved a blocker. */
    enum Resolution {
        /** A next step, by a thread reply, an edit or the nudge's modal. */
        NEXT_STEP,
        /** The nudge's "It's resolved" button. */
        NUDGE
    }
}
