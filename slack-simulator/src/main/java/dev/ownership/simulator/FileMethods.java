package dev.ownership.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ownership.simulator.ConversationAccess.Conversation;
import dev.ownership.simulator.MessageStore.StoredMessage;
import java.net.URLConnection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Slack's external upload flow: {@code files.getUploadURLExternal} hands out an upload URL on the simulator, the
 * client POSTs the bytes there, and {@code files.completeUploadExternal} shares the file, optionally in a channel.
 * Thread-safe: pending and uploaded files are guarded by the instance's lock.
 */
final class FileMethods {
    private final ConversationAccess access;
    private final MessageStore messages;
    private final Ids ids;
    private final Payloads payloads;
    private final Supplier<String> uploadUrlPrefix;
    private final Map<String, PendingUpload> uploads = new HashMap<>();

    /**
     * A file between {@code files.getUploadURLExternal} and {@code files.completeUploadExternal}.
     *
     * @param name the file name
     * @param length the length announced
     * @param bytes the bytes received at the upload URL, or {@code null} before that
     */
    private record PendingUpload(String name, int length, byte[] bytes) {}

    FileMethods(
            ConversationAccess access,
            MessageStore messages,
            Ids ids,
            Payloads payloads,
            Supplier<String> uploadUrlPrefix) {
        this.access = access;
        this.messages = messages;
        this.ids = ids;
        this.payloads = payloads;
        this.uploadUrlPrefix = uploadUrlPrefix;
    }

    void registerIn(Map<String, MethodHandler> handlers) {
        handlers.put("files.getUploadURLExternal", this::getUploadUrl);
        handlers.put("files.completeUploadExternal", this::completeUpload);
    }

    /** Takes the bytes POSTed to a file's upload URL; false when no such upload is pending. */
    synchronized boolean receive(String fileId, byte[] bytes) {
        PendingUpload pending = uploads.get(fileId);
        if (pending == null) {
            return false;
        }
        uploads.put(fileId, new PendingUpload(pending.name(), pending.length(), bytes));
        return true;
    }

    synchronized Optional<byte[]> uploaded(String fileId) {
        PendingUpload upload = uploads.get(fileId);
        return Optional.ofNullable(
                upload == null || upload.bytes() == null ? null : upload.bytes().clone());
    }

    private synchronized ObjectNode getUploadUrl(ApiRequest request) {
        String filename = request.required("filename", "invalid_arguments");
        int length = request.intParam("length", -1);
        if (length < 1) {
            throw new SlackError("invalid_arguments");
        }
        String fileId = ids.next("F");
        uploads.put(fileId, new PendingUpload(filename, length, null));
        return ChatMethods.ok()
                .put("upload_url", uploadUrlPrefix.get() + fileId)
                .put("file_id", fileId);
    }

    private ObjectNode completeUpload(ApiRequest request) {
        JsonNode files = request.json("files", "invalid_arguments");
        if (files == null || !files.isArray() || files.isEmpty()) {
            throw new SlackError("invalid_arguments");
        }
        Conversation conversation = null;
        String channelId = request.param("channel_id");
        if (channelId != null) {
            conversation = access.resolve(channelId, false);
            access.requirePostable(conversation);
        }
        ArrayNode described = Json.array();
        for (JsonNode file : files) {
            described.add(completed(file, conversation));
        }
        if (conversation != null) {
            StoredMessage share = new StoredMessage(
                    conversation.id(),
                    messages.nextTs(),
                    request.param("thread_ts"),
                    SlackSimulator.BOT_USER_ID,
                    SlackSimulator.BOT_ID,
                    null,
                    request.param("initial_comment"),
                    request.json("blocks", "invalid_blocks_format"),
                    described,
                    null,
                    false);
            messages.add(share);
        }
        ObjectNode answer = ChatMethods.ok();
        answer.set("files", described);
        return answer;
    }

    private synchronized ObjectNode completed(JsonNode file, Conversation conversation) {
        String fileId = Json.text(file, "id");
        PendingUpload upload = fileId == null ? null : uploads.get(fileId);
        if (upload == null || upload.bytes() == null) {
            throw new SlackError("file_not_found");
        }
        if (upload.bytes().length != upload.length()) {
            throw new SlackError("file_upload_size_mismatch");
        }
        String title = Json.text(file, "title");
        String mimetype = Optional.ofNullable(URLConnection.guessContentTypeFromName(upload.name()))
                .orElse("application/octet-stream");
        int dot = upload.name().lastIndexOf('.');
        String filetype = dot < 0 ? "binary" : upload.name().substring(dot + 1).toLowerCase(Locale.ROOT);
        long now = payloads.now().getEpochSecond();
        String privateUrl =
                "https://files.sim.slack.test/files-pri/" + SlackSimulator.TEAM_ID + "-" + fileId + "/" + upload.name();
        ObjectNode json = Json.object()
                .put("id", fileId)
                .put("created", now)
                .put("timestamp", now)
                .put("name", upload.name())
                .put("title", title == null ? upload.name() : title)
                .put("mimetype", mimetype)
                .put("filetype", filetype)
                .put("pretty_type", filetype.toUpperCase(Locale.ROOT))
                .put("user", SlackSimulator.BOT_USER_ID)
                .put("user_team", SlackSimulator.TEAM_ID)
                .put("editable", false)
                .put("size", upload.length())
                .put("mode", "hosted")
                .put("is_external", false)
                .put("external_type", "")
                .put("is_public", conversation != null && conversation.kind() == ConversationAccess.Kind.PUBLIC)
                .put("public_url_shared", false)
                .put("display_as_bot", false)
                .put("username", "")
                .put("url_private", privateUrl)
                .put("url_private_download", privateUrl + "?download=1")
                .put("permalink", Payloads.WORKSPACE_URL + "files/" + SlackSimulator.BOT_USER_ID + "/" + fileId)
                .put("comments_count", 0)
                .put("has_more_shares", false);
        json.set("shares", Json.object());
        json.set("channels", Json.array());
        json.set("groups", Json.array());
        json.set("ims", Json.array());
        return json;
    }
}
