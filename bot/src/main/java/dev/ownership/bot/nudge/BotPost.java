package dev.ownership.bot.nudge;

import java.util.List;
import java.util.Objects;

/**
 * A top-level message another app's bot posted in a channel, as plain values: what a standup bot's report may carry
 * (see {@code docs/STANDUP_BOTS.md}). Held only while it is read, never stored.
 *
 * @param channelId the channel
 * @param ts the message's timestamp
 * @param botId the posting bot's id ({@code B…})
 * @param botUserId the bot's user id ({@code U…}) when the event carries one, else {@code null}
 * @param postedAs the name the message was posted under ({@code username}, with {@code chat:write.customize}), or
 *     {@code null}
 * @param text the message text (mrkdwn, raw), possibly empty
 * @param attachments the message's attachments, in order
 */
public record BotPost(
        String channelId,
        String ts,
        String botId,
        String botUserId,
        String postedAs,
        String text,
        List<Attachment> attachments) {
    public BotPost {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(ts, "ts");
        text = text == null ? "" : text;
        attachments = List.copyOf(attachments);
    }

    /**
     * A message attachment: the fields a report uses of Slack's (legacy) secondary attachments.
     *
     * @param authorName {@code author_name}, or {@code null}
     * @param pretext {@code pretext}, or {@code null}
     * @param title {@code title}, or {@code null}
     * @param text {@code text}, or {@code null}
     * @param fields {@code fields}, in order
     */
    public record Attachment(String authorName, String pretext, String title, String text, List<Field> fields) {
        public Attachment {
            fields = List.copyOf(fields);
        }
    }

    /** An attachment's field: a question ({@code title}) and its answer ({@code value}), either possibly null. */
    public record Field(String title, String value) {}
}
