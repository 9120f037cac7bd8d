package dev.ownership.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ownership.simulator.ConversationAccess.Conversation;
import dev.ownership.simulator.ConversationAccess.Kind;
import dev.ownership.simulator.MessageStore.StoredMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code conversations.open}, {@code .members}, {@code .info}, {@code .join}, {@code .history} and
 * {@code .replies}. Thread-safe: the set of opened direct messages is guarded by the instance's lock, the rest lives
 * in thread-safe stores.
 */
final class ConversationMethods {
    private final SimWorkspace workspace;
    private final ConversationAccess access;
    private final MessageStore messages;
    private final Payloads payloads;
    private final Set<String> openedDms = new HashSet<>();

    ConversationMethods(SimWorkspace workspace, ConversationAccess access, MessageStore messages, Payloads payloads) {
        this.workspace = workspace;
        this.access = access;
        this.messages = messages;
        this.payloads = payloads;
    }

    void registerIn(Map<String, MethodHandler> handlers) {
        handlers.put("conversations.open", this::open);
        handlers.put("conversations.members", this::members);
        handlers.put("conversations.info", this::info);
        handlers.put("conversations.join", this::join);
        handlers.put("conversations.history", this::history);
        handlers.put("conversations.replies", this::replies);
    }

    private ObjectNode open(ApiRequest request) {
        String channelId = request.param("channel");
        String users = request.param("users");
        Conversation conversation;
        if (channelId != null) {
            conversation = access.resolve(channelId, false);
            if (conversation.kind() != Kind.IM) {
                throw new SlackError("method_not_supported_for_channel_type");
            }
        } else if (users != null) {
            List<String> userIds = Arrays.stream(users.split(","))
                    .map(String::strip)
                    .filter(id -> !id.isEmpty())
                    .toList();
            if (userIds.size() != 1) {
                // Group DMs (mpim) are not part of the simulated workspace.
                throw new SlackError("not_supported");
            }
            SimUser user = workspace.user(userIds.get(0)).orElseThrow(() -> new SlackError("user_not_found"));
            if (user.deleted()) {
                throw new SlackError("user_disabled");
            }
            if (user.bot()) {
                throw new SlackError("cannot_dm_bot");
            }
            conversation = new Conversation(workspace.dmChannelOf(user.id()), Kind.IM, null, user);
        } else {
            throw new SlackError("users_list_not_supplied");
        }
        boolean alreadyOpen = markOpened(conversation.id());
        ObjectNode answer = ChatMethods.ok();
        if (alreadyOpen) {
            answer.put("no_op", true).put("already_open", true);
        }
        answer.set(
                "channel",
                request.flag("return_im")
                        ? payloads.im(conversation.id(), conversation.dmUser())
                        : Json.object().put("id", conversation.id()));
        return answer;
    }

    private synchronized boolean markOpened(String dmChannelId) {
        return !openedDms.add(dmChannelId);
    }

    private ObjectNode members(ApiRequest request) {
        Conversation conversation = access.resolve(request.param("channel"), false);
        access.requireVisible(conversation);
        List<String> memberIds = conversation.kind() == Kind.IM
                ? List.of(conversation.dmUser().id(), SlackSimulator.BOT_USER_ID)
                : List.copyOf(conversation.channel().members());
        Pages.Page<String> page = Pages.page(memberIds, request.param("cursor"), request.intParam("limit", 100));
        ArrayNode ids = Json.array();
        page.items().forEach(ids::add);
        ObjectNode answer = ChatMethods.ok();
        answer.set("members", ids);
        page.describeIn(answer);
        return answer;
    }

    private ObjectNode info(ApiRequest request) {
        Conversation conversation = access.resolve(request.param("channel"), false);
        access.requireVisible(conversation);
        ObjectNode answer = ChatMethods.ok();
        answer.set(
                "channel",
                conversation.kind() == Kind.IM
                        ? payloads.im(conversation.id(), conversation.dmUser())
                        : payloads.channel(conversation.channel(), request.flag("include_num_members")));
        return answer;
    }

    private ObjectNode join(ApiRequest request) {
        Conversation conversation = access.resolve(request.param("channel"), false);
        if (conversation.kind() != Kind.PUBLIC) {
            throw new SlackError("method_not_supported_for_channel_type");
        }
        boolean alreadyMember = conversation.botIsMember();
        if (!alreadyMember) {
            workspace.join(conversation.id(), SlackSimulator.BOT_USER_ID);
        }
        ObjectNode answer = ChatMethods.ok();
        answer.set(
                "channel", payloads.channel(workspace.channel(conversation.id()).orElseThrow(), false));
        if (alreadyMember) {
            answer.put("warning", "already_in_channel");
            answer.set(
                    "response_metadata",
                    Json.object().set("warnings", Json.array().add("already_in_channel")));
        }
        return answer;
    }

    private ObjectNode history(ApiRequest request) {
        Conversation conversation = access.resolve(request.param("channel"), false);
        access.requireBotMember(conversation);
        List<StoredMessage> all = messages.all(conversation.id());
        List<StoredMessage> visible = new ArrayList<>();
        for (StoredMessage message : all) {
            if ((!message.isReply() || message.broadcast()) && inRange(request, message.ts())) {
                visible.add(0, message);
            }
        }
        int limit = Math.min(request.intParam("limit", 100), 999);
        Pages.Page<StoredMessage> page = Pages.page(visible, request.param("cursor"), limit);
        ObjectNode answer = ChatMethods.ok();
        answer.set("messages", messagesJson(page.items(), conversation.id(), request.flag("include_all_metadata")));
        answer.put("has_more", page.hasMore()).put("pin_count", 0).putNull("channel_actions_ts");
        answer.put("channel_actions_count", 0);
        page.describeIn(answer);
        return answer;
    }

    private ObjectNode replies(ApiRequest request) {
        Conversation conversation = access.resolve(request.param("channel"), false);
        access.requireBotMember(conversation);
        String ts = request.required("ts", "thread_not_found");
        StoredMessage asked =
                messages.find(conversation.id(), ts).orElseThrow(() -> new SlackError("thread_not_found"));
        String threadTs = asked.threadTs() != null ? asked.threadTs() : asked.ts();
        List<StoredMessage> thread = messages.thread(conversation.id(), threadTs).stream()
                .filter(message ->
                        inRange(request, message.ts()) || message.ts().equals(threadTs))
                .toList();
        int limit = Math.min(request.intParam("limit", 1000), 1000);
        Pages.Page<StoredMessage> page = Pages.page(thread, request.param("cursor"), limit);
        ObjectNode answer = ChatMethods.ok();
        answer.set("messages", messagesJson(page.items(), conversation.id(), request.flag("include_all_metadata")));
        answer.put("has_more", page.hasMore());
        page.describeIn(answer);
        return answer;
    }

    /** The messages as Slack lists them; with {@code withMetadata}, each with the metadata it was posted with. */
    private ArrayNode messagesJson(List<StoredMessage> page, String channelId, boolean withMetadata) {
        ArrayNode json = Json.array();
        for (StoredMessage message : page) {
            String threadTs = message.threadTs() == null ? message.ts() : message.threadTs();
            ObjectNode listed = payloads.message(message, messages.thread(channelId, threadTs));
            if (withMetadata) {
                messages.metadata(channelId, message.ts()).ifPresent(value -> listed.set("metadata", value));
            }
            json.add(listed);
        }
        return json;
    }

    private static boolean inRange(ApiRequest request, String ts) {
        long micros = MessageStore.micros(ts);
        boolean inclusive = request.flag("inclusive");
        String oldest = request.param("oldest");
        String latest = request.param("latest");
        if (oldest != null) {
            long bound = bound(oldest);
            if (micros < bound || (!inclusive && micros == bound)) {
                return false;
            }
        }
        if (latest != null) {
            long bound = bound(latest);
            return micros < bound || (inclusive && micros == bound);
        }
        return true;
    }

    private static long bound(String ts) {
        try {
            return MessageStore.micros(ts);
        } catch (IllegalArgumentException notTs) {
            throw new SlackError("invalid_ts_oldest");
        }
    }
}
