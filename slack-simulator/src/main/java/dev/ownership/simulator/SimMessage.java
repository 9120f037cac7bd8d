package dev.ownership.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A message as it stands in a simulated conversation: posted by the bot through the Web API or by a user through
 * {@link SlackRequests}, possibly edited since.
 *
 * @param channel the conversation id ({@code C…} or {@code D…})
 * @param ts the message timestamp, its id within the channel
 * @param threadTs the parent's ts for a thread reply (the message's own ts for a thread parent with replies), else
 *     {@code null}
 * @param user the author's user id ({@link SlackSimulator#BOT_USER_ID} for the bot)
 * @param text the message text (mrkdwn, raw as Slack stores it)
 * @param blocks the Block Kit blocks, or {@code null}
 */
public record SimMessage(String channel, String ts, String threadTs, String user, String text, JsonNode blocks) {

    /** Whether this message is a reply in a thread rather than a top-level post. */
    public boolean isThreadReply() {
        return threadTs != null && !threadTs.equals(ts);
    }

    /** The text with the blocks rendered readably, as {@link BlockKitText} does. */
    public String readableText() {
        return RecordedCall.joinReadable(text, blocks);
    }
}
