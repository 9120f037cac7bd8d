package dev.ownership.bot.nudge;

import com.slack.api.model.Attachment;
import com.slack.api.model.Field;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageEvent;
import java.util.List;

/**
 * Turns a bot's message event into a {@link BotPost}: a modern app's message (no subtype, {@code bot_id} and the bot's
 * {@code user}), a {@code bot_message} (which carries {@code username} when it was posted under another name), or the
 * new message of an edit.
 */
final class ReportSlackPosts {
    private ReportSlackPosts() {}

    static BotPost of(MessageEvent event) {
        return new BotPost(
                event.getChannel(),
                event.getTs(),
                event.getBotId(),
                event.getUser(),
                null,
                event.getText(),
                attachments(event.getAttachments()));
    }

    static BotPost of(MessageBotEvent event) {
        return new BotPost(
                event.getChannel(),
                event.getTs(),
                event.getBotId(),
                null,
                event.getUsername(),
                event.getText(),
                attachments(event.getAttachments()));
    }

    static BotPost of(String channelId, MessageChangedEvent.Message message) {
        return new BotPost(
                channelId,
                message.getTs(),
                message.getBotId(),
                message.getUser(),
                null,
                message.getText(),
                attachments(message.getAttachments()));
    }

    private static List<BotPost.Attachment> attachments(List<Attachment> attachments) {
        if (attachments == null) {
            return List.of();
        }
        return attachments.stream()
                .map(attachment -> new BotPost.Attachment(
                        attachment.getAuthorName(),
                        attachment.getPretext(),
                        attachment.getTitle(),
                        attachment.getText(),
                        fields(attachment.getFields())))
                .toList();
    }

    private static List<BotPost.Field> fields(List<Field> fields) {
        if (fields == null) {
            return List.of();
        }
        return fields.stream()
                .map(field -> new BotPost.Field(field.getTitle(), field.getValue()))
                .toList();
    }
}
