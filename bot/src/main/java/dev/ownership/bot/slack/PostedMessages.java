package dev.ownership.bot.slack;

import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.model.Message;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds out whether a message Ownership posted reached its conversation, by the delivery id its metadata carries
 * ({@link SlackApi#post}): among the conversation's latest messages, or the thread's replies for a reply. A message to
 * a person (posted to their user id) is looked for in their DM with the bot, whose id {@code conversations.open}
 * gives. A file is found by its id among the files of the latest messages.
 *
 * <p>Thread-safe.
 */
final class PostedMessages {
    /** How many of the latest messages are searched: the lost one was posted moments ago. */
    private static final int LATEST = 100;

    private final SlackApi api;

    PostedMessages(SlackApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    /**
     * The message {@code request} posted with {@code deliveryId}, as {@code chat.postMessage} would have answered;
     * empty when it is not there.
     *
     * @throws SlackCallException when Slack cannot be asked, so whether it went through stays unknown
     */
    Optional<ChatPostMessageResponse> find(ChatPostMessageRequest request, String deliveryId) {
        String channel = conversationOf(request.getChannel());
        Predicate<Message> ours = message -> isDelivery(message, deliveryId);
        List<Message> latest = latest(channel, request.getThreadTs());
        return latest.stream().filter(ours).findFirst().map(message -> {
            ChatPostMessageResponse response = new ChatPostMessageResponse();
            response.setOk(true);
            response.setChannel(channel);
            response.setTs(message.getTs());
            response.setMessage(message);
            return response;
        });
    }

    /**
     * The share of file {@code fileId} in {@code channel} (in the thread {@code threadTs}), as
     * {@code files.completeUploadExternal} would have answered; empty when it is not there.
     *
     * @throws SlackCallException when Slack cannot be asked
     */
    Optional<FilesCompleteUploadExternalResponse> findShare(String channel, String threadTs, String fileId) {
        return latest(conversationOf(channel), threadTs).stream()
                .filter(message -> message.getFiles() != null)
                .flatMap(message -> message.getFiles().stream())
                .filter(file -> fileId.equals(file.getId()))
                .findFirst()
                .map(file -> {
                    FilesCompleteUploadExternalResponse response = new FilesCompleteUploadExternalResponse();
                    response.setOk(true);
                    response.setFiles(List.of(file));
                    return response;
                });
    }

    /** The latest messages of {@code channel}, or of the thread {@code threadTs} when it is one, with metadata. */
    private List<Message> latest(String channel, String threadTs) {
        if (threadTs != null) {
            ConversationsRepliesResponse replies = api.call(
                    "conversations.replies",
                    methods -> methods.conversationsReplies(r -> r.channel(channel)
                            .ts(threadTs)
                            .includeAllMetadata(true)
                            .limit(LATEST)));
            return answered("conversations.replies", replies.isOk(), replies.getError(), replies.getMessages());
        }
        ConversationsHistoryResponse history = api.call(
                "conversations.history",
                methods -> methods.conversationsHistory(
                        r -> r.channel(channel).includeAllMetadata(true).limit(LATEST)));
        return answered("conversations.history", history.isOk(), history.getError(), history.getMessages());
    }

    /** A conversation id for {@code channel}: a person's id stands for their DM with the bot. */
    private String conversationOf(String channel) {
        if (!channel.startsWith("U") && !channel.startsWith("W")) {
            return channel;
        }
        ConversationsOpenResponse opened =
                api.call("conversations.open", methods -> methods.conversationsOpen(r -> r.users(List.of(channel))));
        if (!opened.isOk() || opened.getChannel() == null) {
            throw new SlackCallException(
                    "Could not open the DM with " + channel + " to look for a message: " + opened.getError(), null);
        }
        return opened.getChannel().getId();
    }

    private static List<Message> answered(String method, boolean ok, String error, List<Message> messages) {
        if (!ok) {
            throw new SlackCallException("Slack " + method + " answered ok:false, error=" + error, null);
        }
        return messages == null ? List.of() : messages;
    }

    private static boolean isDelivery(Message message, String deliveryId) {
        Message.Metadata metadata = message.getMetadata();
        return metadata != null
                && SlackApi.DELIVERY_EVENT.equals(metadata.getEventType())
                && metadata.getEventPayload() != null
                && deliveryId.equals(String.valueOf(metadata.getEventPayload().get(SlackApi.DELIVERY_ID)));
    }
}
