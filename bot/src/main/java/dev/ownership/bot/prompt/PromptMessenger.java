package dev.ownership.bot.prompt;

import java.util.Optional;

/** What prompts and sharing need from Slack. Implemented by the Slack edge; calls may block on the network. */
public interface PromptMessenger {
    /** Sends the prompt by DM. */
    Sent send(PromptDm prompt);

    /** Replaces a prompt DM with what became of it ({@code outcome} is mrkdwn). */
    void update(String dmChannel, String dmTs, String outcome);

    /** Posts a learning in the team's channel, attributed to its author; returns the post's ts if it went out. */
    Optional<String> postLearning(String channelId, String userId, String text);

    /** Tells {@code recipientId}, privately, about a risk {@code userId} flagged for the team of {@code channelId}. */
    boolean sendRisk(String recipientId, String channelId, String userId, String text);

    /** The result of sending a DM. */
    record Sent(boolean ok, String dmChannel, String dmTs, String error) {
        public static Sent ok(String dmChannel, String dmTs) {
            return new Sent(true, dmChannel, dmTs, null);
        }

        public static Sent failed(String error) {
            return new Sent(false, null, null, error);
        }
    }
}
