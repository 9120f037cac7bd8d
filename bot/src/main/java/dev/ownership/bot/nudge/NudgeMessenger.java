package dev.ownership.bot.nudge;

/**
 * What the nudge feature needs from Slack. Implemented by the Slack edge; calls may block on the network.
 */
public interface NudgeMessenger {
    /** Sends the nudge by DM to its author. */
    Delivery send(Nudge nudge);

    /** Replaces the nudge DM with what became of it. */
    void update(String dmChannel, String dmTs, NudgeOutcome outcome);

    /**
     * Posts the author's next step in the thread of their standup post, attributed to them.
     *
     * @return whether Slack confirmed the post (a post that timed out may still have gone through)
     */
    boolean postNextStep(String channelId, String ts, String userId, String step);

    /** The result of sending a DM. */
    record Delivery(boolean sent, String dmChannel, String dmTs, String error) {
        public static Delivery sent(String dmChannel, String dmTs) {
            return new Delivery(true, dmChannel, dmTs, null);
        }

        public static Delivery failed(String error) {
            return new Delivery(false, null, null, error);
        }
    }
}
