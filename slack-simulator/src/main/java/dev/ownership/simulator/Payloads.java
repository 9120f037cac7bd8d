package dev.ownership.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;

/**
 * Builds the JSON objects Slack uses for users, conversations, messages, bots and the team, shared by the Web API
 * answers and by the requests {@link SlackRequests} sends. Stateless apart from the clock; thread-safe.
 */
final class Payloads {
    static final String TEAM_NAME = "Sim Workspace";
    static final String TEAM_DOMAIN = "sim";
    static final String WORKSPACE_URL = "https://sim.slack.test/";
    static final String APP_NAME = "Ownership";

    private final Clock clock;
    private final long createdSecond;

    Payloads(Clock clock) {
        this.clock = clock;
        this.createdSecond = clock.instant().getEpochSecond();
    }

    Instant now() {
        return clock.instant();
    }

    /** A user object as {@code users.info}, {@code users.list} and {@code user_change} carry it. */
    ObjectNode user(SimUser user) {
        Instant now = clock.instant();
        ZoneId zone = ZoneId.of(user.tz());
        boolean daylight = zone.getRules().isDaylightSavings(now);
        ObjectNode json = Json.object()
                .put("id", user.id())
                .put("team_id", SlackSimulator.TEAM_ID)
                .put("name", user.name())
                .put("deleted", user.deleted())
                .put("color", "9f69e7")
                .put("real_name", user.realName())
                .put("tz", user.tz())
                .put("tz_label", timezoneLabel(zone, daylight))
                .put("tz_offset", zone.getRules().getOffset(now).getTotalSeconds());
        json.set("profile", profile(user));
        json.put("is_admin", user.admin())
                .put("is_owner", user.owner())
                .put("is_primary_owner", false)
                .put("is_restricted", false)
                .put("is_ultra_restricted", false)
                .put("is_bot", user.bot())
                .put("is_app_user", false)
                .put("updated", createdSecond)
                .put("is_email_confirmed", !user.bot())
                .put("who_can_share_contact_card", "EVERYONE");
        return json;
    }

    /** The zone's long name, as Slack words it ("Central European Time" where the JDK says "… Standard Time"). */
    private static String timezoneLabel(ZoneId zone, boolean daylight) {
        String label = TimeZone.getTimeZone(zone).getDisplayName(daylight, TimeZone.LONG, Locale.US);
        return label.replace("European Standard Time", "European Time");
    }

    private ObjectNode profile(SimUser user) {
        ObjectNode profile = Json.object()
                .put("title", "")
                .put("phone", "")
                .put("skype", "")
                .put("real_name", user.realName())
                .put("real_name_normalized", user.realName())
                .put("display_name", user.name())
                .put("display_name_normalized", user.name())
                .put("status_text", "")
                .put("status_emoji", "")
                .put("status_expiration", 0)
                .put("avatar_hash", "g0sim" + user.id().toLowerCase(Locale.ROOT));
        if (!user.bot()) {
            profile.put("email", user.name() + "@sim.slack.test");
        }
        for (int size : new int[] {24, 32, 48, 72, 192, 512}) {
            profile.put("image_" + size, avatar(user.id(), size));
        }
        if (user.bot()) {
            profile.put("bot_id", user.botId());
            profile.put("always_active", true);
            if (user.id().equals(SlackSimulator.BOT_USER_ID)) {
                profile.put("api_app_id", SlackSimulator.APP_ID);
            }
        }
        profile.put("team", SlackSimulator.TEAM_ID);
        return profile;
    }

    /** A public or private channel as {@code conversations.info} describes it. */
    ObjectNode channel(SimChannel channel, boolean withMemberCount) {
        ObjectNode json = Json.object()
                .put("id", channel.id())
                .put("name", channel.name())
                .put("is_channel", !channel.isPrivate())
                .put("is_group", channel.isPrivate())
                .put("is_im", false)
                .put("is_mpim", false)
                .put("is_private", channel.isPrivate())
                .put("created", createdSecond)
                .put("is_archived", false)
                .put("is_general", "general".equals(channel.name()))
                .put("unlinked", 0)
                .put("name_normalized", channel.name())
                .put("is_shared", false)
                .put("is_org_shared", false)
                .put("is_pending_ext_shared", false)
                .put("is_ext_shared", false)
                .put("context_team_id", SlackSimulator.TEAM_ID)
                .put("updated", createdSecond * 1000)
                .put("creator", channel.members().stream().findFirst().orElse(SlackSimulator.BOT_USER_ID))
                .put("is_member", channel.hasMember(SlackSimulator.BOT_USER_ID));
        json.set("shared_team_ids", Json.array().add(SlackSimulator.TEAM_ID));
        json.set("pending_shared", Json.array());
        json.set("pending_connected_team_ids", Json.array());
        json.set("topic", emptyTopic());
        json.set("purpose", emptyTopic());
        json.set("previous_names", Json.array());
        if (withMemberCount) {
            json.put("num_members", channel.members().size());
        }
        return json;
    }

    /** A direct message channel between the bot and a user. */
    ObjectNode im(String dmChannelId, SimUser user) {
        return Json.object()
                .put("id", dmChannelId)
                .put("created", createdSecond)
                .put("is_archived", false)
                .put("is_im", true)
                .put("is_org_shared", false)
                .put("context_team_id", SlackSimulator.TEAM_ID)
                .put("updated", createdSecond * 1000)
                .put("user", user.id())
                .put("is_user_deleted", user.deleted())
                .put("priority", 0);
    }

    private static ObjectNode emptyTopic() {
        return Json.object().put("value", "").put("creator", "").put("last_set", 0);
    }

    /** A message as {@code conversations.history} and {@code conversations.replies} list it. */
    ObjectNode message(MessageStore.StoredMessage message, List<MessageStore.StoredMessage> thread) {
        ObjectNode json = Json.object().put("type", "message");
        if (message.subtype() != null) {
            json.put("subtype", message.subtype());
        }
        if (message.user() != null) {
            json.put("user", message.user());
        }
        json.put("text", message.text() == null ? "" : message.text()).put("ts", message.ts());
        if (message.botId() != null) {
            json.put("bot_id", message.botId());
            if (SlackSimulator.BOT_ID.equals(message.botId())) {
                json.put("app_id", SlackSimulator.APP_ID);
                json.set("bot_profile", botProfile());
            }
        }
        json.put("team", SlackSimulator.TEAM_ID);
        if (message.blocks() != null) {
            json.set("blocks", message.blocks());
        }
        if (message.files() != null) {
            json.set("files", message.files());
            json.put("upload", false).put("display_as_bot", false);
        }
        if (message.editedTs() != null) {
            json.set("edited", Json.object().put("user", message.user()).put("ts", message.editedTs()));
        }
        if (message.threadTs() != null) {
            json.put("thread_ts", message.threadTs());
            if (message.isReply()) {
                thread.stream()
                        .filter(parent -> parent.ts().equals(message.threadTs()))
                        .findFirst()
                        .ifPresent(parent -> json.put("parent_user_id", parent.user()));
            } else {
                addThreadSummary(json, thread);
            }
        }
        return json;
    }

    private static void addThreadSummary(ObjectNode json, List<MessageStore.StoredMessage> thread) {
        List<MessageStore.StoredMessage> replies =
                thread.stream().filter(MessageStore.StoredMessage::isReply).toList();
        Set<String> replyUsers = new LinkedHashSet<>();
        replies.forEach(reply -> replyUsers.add(reply.user()));
        ArrayNode users = Json.array();
        replyUsers.forEach(users::add);
        json.put("reply_count", replies.size()).put("reply_users_count", replyUsers.size());
        if (!replies.isEmpty()) {
            json.put("latest_reply", replies.get(replies.size() - 1).ts());
        }
        json.set("reply_users", users);
        json.put("is_locked", false).put("subscribed", false);
    }

    /** The bot's profile that Slack attaches to the app's messages. */
    ObjectNode botProfile() {
        ObjectNode profile = Json.object()
                .put("id", SlackSimulator.BOT_ID)
                .put("deleted", false)
                .put("name", APP_NAME)
                .put("updated", createdSecond)
                .put("app_id", SlackSimulator.APP_ID);
        profile.set("icons", icons(SlackSimulator.BOT_ID));
        profile.put("team_id", SlackSimulator.TEAM_ID);
        return profile;
    }

    /** A bot as {@code bots.info} describes it. */
    ObjectNode bot(SimUser botUser) {
        boolean ours = botUser.id().equals(SlackSimulator.BOT_USER_ID);
        ObjectNode bot = Json.object()
                .put("id", botUser.botId())
                .put("deleted", botUser.deleted())
                .put("name", ours ? APP_NAME : botUser.realName())
                .put("updated", createdSecond)
                .put("app_id", ours ? SlackSimulator.APP_ID : "A" + botUser.id().substring(1))
                .put("user_id", botUser.id());
        bot.set("icons", icons(botUser.botId()));
        return bot;
    }

    /** The workspace as {@code team.info} describes it. */
    ObjectNode team() {
        ObjectNode team = Json.object()
                .put("id", SlackSimulator.TEAM_ID)
                .put("name", TEAM_NAME)
                .put("url", WORKSPACE_URL)
                .put("domain", TEAM_DOMAIN)
                .put("email_domain", "sim.slack.test");
        team.set("icon", Json.object().put("image_default", true).put("image_34", avatar("T0SIM", 34)));
        team.put("avatar_base_url", "https://sim.slack.test/avatars/").put("is_verified", false);
        return team;
    }

    /** Who sent an interaction, as {@code block_actions} and {@code view_submission} payloads carry it. */
    ObjectNode interactionUser(SimUser user) {
        return Json.object()
                .put("id", user.id())
                .put("username", user.name())
                .put("name", user.name())
                .put("team_id", SlackSimulator.TEAM_ID);
    }

    ObjectNode interactionTeam() {
        return Json.object().put("id", SlackSimulator.TEAM_ID).put("domain", TEAM_DOMAIN);
    }

    private static ObjectNode icons(String id) {
        return Json.object()
                .put("image_36", avatar(id, 36))
                .put("image_48", avatar(id, 48))
                .put("image_72", avatar(id, 72));
    }

    private static String avatar(String id, int size) {
        return "https://sim.slack.test/avatars/" + id + "_" + size + ".png";
    }

    /** The permalink of a message, with {@code thread_ts} and {@code cid} for a thread reply, as Slack builds it. */
    static String permalink(String channel, String ts, String threadTs) {
        String link = WORKSPACE_URL + "archives/" + channel + "/p" + ts.replace(".", "");
        if (threadTs != null && !threadTs.equals(ts)) {
            link += "?thread_ts=" + threadTs + "&cid=" + channel;
        }
        return link;
    }

    static JsonNode nullIfMissing(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node;
    }
}
