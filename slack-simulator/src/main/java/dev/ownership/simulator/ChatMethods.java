package dev.ownership.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ownership.simulator.ConversationAccess.Conversation;
import dev.ownership.simulator.MessageStore.StoredMessage;
import java.util.Map;
import java.util.Optional;

/**
 * {@code chat.postMessage}, {@code chat.postEphemeral}, {@code chat.update}, {@code chat.delete} and
 * {@code chat.getPermalink}, with Slack's validation and errors. Thread-safe through the stores it uses.
 */
final class ChatMethods {
    static final int MAX_TEXT_LENGTH = 40_000;
    static final int MAX_MESSAGE_BLOCKS = 50;

    private final SimWorkspace workspace;
    private final ConversationAccess access;
    private final MessageStore messages;
    private final Payloads payloads;

    ChatMethods(SimWorkspace workspace, ConversationAccess access, MessageStore messages, Payloads payloads) {
        this.workspace = workspace;
        this.access = access;
        this.messages = messages;
        this.payloads = payloads;
    }

    void registerIn(Map<String, MethodHandler> handlers) {
        handlers.put("chat.postMessage", this::postMessage);
        handlers.put("chat.postEphemeral", this::postEphemeral);
        handlers.put("chat.update", this::update);
        handlers.put("chat.delete", this::delete);
        handlers.put("chat.getPermalink", this::getPermalink);
    }

    private ObjectNode postMessage(ApiRequest request) {
        Conversation conversation = access.resolve(request.param("channel"), true);
        access.requirePostable(conversation);
        Content content = content(request);
        Optional<JsonNode> metadata = metadata(request);
        String threadTs = threadTs(request);
        boolean broadcast = threadTs != null && request.flag("reply_broadcast");
        StoredMessage message = new StoredMessage(
                conversation.id(),
                messages.nextTs(),
                threadTs,
                SlackSimulator.BOT_USER_ID,
                SlackSimulator.BOT_ID,
                broadcast ? "thread_broadcast" : null,
                content.text(),
                content.blocks(),
                null,
                null,
                broadcast);
        messages.add(message);
        metadata.ifPresent(value -> messages.putMetadata(conversation.id(), message.ts(), value));
        ObjectNode answer = ok().put("channel", conversation.id()).put("ts", message.ts());
        answer.set("message", botMessage(message));
        return answer;
    }

    /**
     * The message metadata posted with a message, as Slack reads it: a JSON object with a string {@code event_type}
     * and an object {@code event_payload}; anything else is {@code invalid_metadata_format}.
     */
    private static Optional<JsonNode> metadata(ApiRequest request) {
        String raw = request.param("metadata");
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        JsonNode value;
        try {
            value = Json.parse(raw);
        } catch (RuntimeException e) {
            throw new SlackError("invalid_metadata_format");
        }
        if (!value.path("event_type").isTextual()
                || !value.path("event_type").asText().matches("[A-Za-z0-9_]{1,255}")
                || !value.path("event_payload").isObject()) {
            throw new SlackError("invalid_metadata_format");
        }
        return Optional.of(value);
    }

    private ObjectNode postEphemeral(ApiRequest request) {
        Conversation conversation = access.resolve(request.param("channel"), true);
        access.requireBotMember(conversation);
        String userId = request.required("user", "user_not_found");
        SimUser user = workspace.user(userId).orElseThrow(() -> new SlackError("user_not_found"));
        if (!conversation.hasMember(user.id())) {
            throw new SlackError("user_not_in_channel");
        }
        Content content = content(request);
        StoredMessage message = new StoredMessage(
                conversation.id(),
                messages.nextTs(),
                threadTs(request),
                user.id(),
                SlackSimulator.BOT_ID,
                null,
                content.text(),
                content.blocks(),
                null,
                null,
                false);
        messages.addEphemeral(message);
        return ok().put("message_ts", message.ts());
    }

    private ObjectNode update(ApiRequest request) {
        Conversation conversation = access.resolve(request.param("channel"), false);
        access.requireVisible(conversation);
        String ts = request.required("ts", "message_not_found");
        StoredMessage original =
                messages.find(conversation.id(), ts).orElseThrow(() -> new SlackError("message_not_found"));
        if (!SlackSimulator.BOT_USER_ID.equals(original.user())) {
            throw new SlackError("cant_update_message");
        }
        String text = request.param("text");
        JsonNode blocks = request.params().has("blocks") ? validBlocks(request) : null;
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw new SlackError("msg_too_long");
        }
        StoredMessage updated = original.edited(
                text != null ? text : original.text(), blocks != null ? blocks : original.blocks(), messages.nextTs());
        messages.replace(updated);
        ObjectNode answer = ok().put("channel", conversation.id())
                .put("ts", ts)
                .put("text", updated.text() == null ? "" : updated.text());
        answer.set("message", botMessage(updated));
        return answer;
    }

    private ObjectNode delete(ApiRequest request) {
        Conversation conversation = access.resolve(request.param("channel"), false);
        access.requireVisible(conversation);
        String ts = request.required("ts", "message_not_found");
        StoredMessage message =
                messages.find(conversation.id(), ts).orElseThrow(() -> new SlackError("message_not_found"));
        if (!SlackSimulator.BOT_USER_ID.equals(message.user())) {
            throw new SlackError("cant_delete_message");
        }
        messages.remove(conversation.id(), ts);
        return ok().put("channel", conversation.id()).put("ts", ts);
    }

    private ObjectNode getPermalink(ApiRequest request) {
        Conversation conversation = access.resolve(request.param("channel"), false);
        access.requireVisible(conversation);
        String ts = request.required("message_ts", "message_not_found");
        StoredMessage message =
                messages.find(conversation.id(), ts).orElseThrow(() -> new SlackError("message_not_found"));
        return ok().put("channel", conversation.id())
                .put("permalink", Payloads.permalink(conversation.id(), ts, message.threadTs()));
    }

    /**
     * The text and blocks of a message.
     *
     * @param text the text, or {@code null}
     * @param blocks the blocks, or {@code null}
     */
    private record Content(String text, JsonNode blocks) {}

    private Content content(ApiRequest request) {
        String text = request.param("text");
        JsonNode blocks = validBlocks(request);
        JsonNode attachments = request.json("attachments", "invalid_attachments");
        boolean hasBlocks = blocks != null && !blocks.isEmpty();
        boolean hasAttachments = attachments != null && !attachments.isEmpty();
        if (text == null && !hasBlocks && !hasAttachments) {
            throw new SlackError("no_text");
        }
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw new SlackError("msg_too_long");
        }
        return new Content(text, hasBlocks ? blocks : null);
    }

    private static JsonNode validBlocks(ApiRequest request) {
        JsonNode blocks = request.json("blocks", "invalid_blocks_format");
        if (blocks == null) {
            return null;
        }
        if (!blocks.isArray()) {
            throw new SlackError("invalid_blocks_format");
        }
        if (blocks.size() > MAX_MESSAGE_BLOCKS) {
            throw new SlackError("invalid_blocks");
        }
        for (JsonNode block : blocks) {
            if (!block.isObject() || !block.path("type").isTextual()) {
                throw new SlackError("invalid_blocks");
            }
        }
        return blocks;
    }

    private static String threadTs(ApiRequest request) {
        String threadTs = request.param("thread_ts");
        if (threadTs != null && !MessageStore.isTs(threadTs)) {
            throw new SlackError("invalid_thread_ts");
        }
        return threadTs;
    }

    private ObjectNode botMessage(StoredMessage message) {
        ObjectNode json = Json.object()
                .put("bot_id", SlackSimulator.BOT_ID)
                .put("type", "message")
                .put("text", message.text() == null ? "" : message.text())
                .put("user", SlackSimulator.BOT_USER_ID)
                .put("ts", message.ts())
                .put("app_id", SlackSimulator.APP_ID);
        if (message.blocks() != null) {
            json.set("blocks", message.blocks());
        }
        json.put("team", SlackSimulator.TEAM_ID);
        json.set("bot_profile", payloads.botProfile());
        if (message.subtype() != null) {
            json.put("subtype", message.subtype());
        }
        if (message.threadTs() != null) {
            json.put("thread_ts", message.threadTs());
            messages.find(message.channel(), message.threadTs())
                    .ifPresent(parent -> json.put("parent_user_id", parent.user()));
        }
        if (message.editedTs() != null) {
            json.set(
                    "edited",
                    Json.object().put("user", SlackSimulator.BOT_USER_ID).put("ts", message.editedTs()));
        }
        return json;
    }

    static ObjectNode ok() {
        return Json.object().put("ok", true);
    }
}
