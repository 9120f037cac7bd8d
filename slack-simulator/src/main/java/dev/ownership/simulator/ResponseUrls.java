package dev.ownership.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ownership.simulator.MessageStore.StoredMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code response_url}s the simulator handed out and what a POST to one does, as in Slack: an ephemeral reply to
 * the user by default, a message in the channel for {@code response_type: in_channel}, and for interactions on a
 * message {@code replace_original} or {@code delete_original}. Each URL takes at most five posts.
 *
 * <p>Thread-safe: the table of URLs is guarded by the instance's lock.
 */
final class ResponseUrls {
    static final int MAX_USES = 5;

    private final MessageStore messages;
    private final Map<String, Entry> entries = new HashMap<>();

    ResponseUrls(MessageStore messages) {
        this.messages = messages;
    }

    /**
     * Where a response URL came from.
     *
     * @param channel the channel of the command or interaction, or {@code null}
     * @param userId the user who acted, or {@code null}
     * @param messageTs the message interacted with, or {@code null} for a command
     * @param ephemeralMessage whether that message was ephemeral
     */
    record Origin(String channel, String userId, String messageTs, boolean ephemeralMessage) {
        static final Origin NONE = new Origin(null, null, null, false);
    }

    private static final class Entry {
        private final Origin origin;
        private int uses;

        private Entry(Origin origin) {
            this.origin = origin;
        }
    }

    synchronized String register(Origin origin) {
        String id = UUID.randomUUID().toString();
        entries.put(id, new Entry(origin));
        return id;
    }

    /** Answers a POST to the URL with this id. */
    HttpAnswer post(String id, ObjectNode body) {
        Origin origin;
        synchronized (this) {
            Entry entry = entries.get(id);
            if (entry == null) {
                return HttpAnswer.error(404, "expired_url");
            }
            if (entry.uses >= MAX_USES) {
                return HttpAnswer.error(404, "used_url");
            }
            entry.uses++;
            origin = entry.origin;
        }
        return apply(origin, body);
    }

    private HttpAnswer apply(Origin origin, ObjectNode body) {
        boolean deleteOriginal = body.path("delete_original").asBoolean(false);
        boolean replaceOriginal = body.path("replace_original").asBoolean(false);
        String text = Json.text(body, "text");
        JsonNode blocks = Payloads.nullIfMissing(body.get("blocks"));
        if (!deleteOriginal && text == null && blocks == null) {
            return HttpAnswer.error(400, "no_text");
        }
        if (origin.channel() == null) {
            return HttpAnswer.ok(Json.object().put("ok", true));
        }
        if (deleteOriginal && origin.messageTs() != null) {
            messages.remove(origin.channel(), origin.messageTs());
        } else if (replaceOriginal && origin.messageTs() != null) {
            replace(origin, text, blocks);
        } else if ("in_channel".equals(Json.text(body, "response_type"))) {
            messages.add(new StoredMessage(
                    origin.channel(),
                    messages.nextTs(),
                    Json.text(body, "thread_ts"),
                    SlackSimulator.BOT_USER_ID,
                    SlackSimulator.BOT_ID,
                    null,
                    text,
                    blocks,
                    null,
                    null,
                    false));
        } else {
            messages.addEphemeral(new StoredMessage(
                    origin.channel(),
                    messages.nextTs(),
                    Json.text(body, "thread_ts"),
                    origin.userId(),
                    SlackSimulator.BOT_ID,
                    null,
                    text,
                    blocks,
                    null,
                    null,
                    false));
        }
        return HttpAnswer.ok(Json.object().put("ok", true));
    }

    private void replace(Origin origin, String text, JsonNode blocks) {
        if (origin.ephemeralMessage()) {
            messages.findEphemeral(origin.channel(), origin.messageTs())
                    .ifPresent(original -> messages.addEphemeral(original.edited(text, blocks, null)));
            return;
        }
        messages.find(origin.channel(), origin.messageTs())
                .ifPresent(original -> messages.replace(original.edited(text, blocks, messages.nextTs())));
    }
}
