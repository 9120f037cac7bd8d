package dev.ownership.bot.streak;

/** Sends milestone celebrations. Implemented by the Slack edge; calls block on the network. */
public interface CelebrationMessenger {
    /**
     * Sends {@code text} (mrkdwn) to the person by DM.
     *
     * @return whether Slack accepted it
     */
    boolean celebrate(String userId, String text);
}
