package dev.ownership.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.SlackSignature;
import dev.ownership.simulator.ConversationAccess.Conversation;
import dev.ownership.simulator.ConversationAccess.Kind;
import dev.ownership.simulator.MessageStore.StoredMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends signed requests to the bot the way Slack does: Events API deliveries, slash commands and interactivity.
 *
 * <p>Events are JSON {@code event_callback} envelopes with a fresh {@code event_id} and the bot's
 * {@code authorizations}; slash commands are form-encoded with a {@code response_url} and {@code trigger_id} from the
 * simulator; interactivity is a form with one {@code payload} field holding JSON. Every request is signed with
 * Slack's v0 scheme at the time of the clock given here, while message {@code ts} values come from the simulator's
 * clock. What users post is also stored in the simulator's history, so that the bot can read, link and reply to it.
 * {@link #overSocketMode} sends the same payloads as Socket Mode envelopes instead.
 * Thread-safe: it holds no mutable state of its own.
 */
public final class SlackRequests {
    /** The slash command the app registers. */
    public static final String COMMAND = "/ownership";
    /** The legacy verification token Slack still puts in payloads. */
    public static final String VERIFICATION_TOKEN = "sim-verification-token";
    /** The bot id of the other app whose posts {@link #botMessage} delivers. */
    public static final String OTHER_BOT_ID = "B0OTHER";

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final String FORM = "application/x-www-form-urlencoded";

    private final URI eventsUrl;
    private final SlackSimulator sim;
    private final Clock clock;
    private final SlackSignature.Generator signer;
    private final HttpClient http;
    private final Duration ackTimeout;

    /**
     * Creates a client for the bot at {@code eventsUrl} (such as {@code http://127.0.0.1:<port>/slack/events}).
     *
     * @param clock the clock for {@code X-Slack-Request-Timestamp}; the bot checks it against its own time
     */
    public SlackRequests(URI eventsUrl, String signingSecret, SlackSimulator sim, Clock clock) {
        this(
                Objects.requireNonNull(eventsUrl, "eventsUrl"),
                Objects.requireNonNull(signingSecret, "signingSecret"),
                sim,
                clock,
                null);
    }

    private SlackRequests(URI eventsUrl, String signingSecret, SlackSimulator sim, Clock clock, Duration ackTimeout) {
        this.eventsUrl = eventsUrl;
        this.sim = Objects.requireNonNull(sim, "sim");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signer = signingSecret == null ? null : new SlackSignature.Generator(signingSecret);
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.ackTimeout = ackTimeout;
    }

    /**
     * A client that sends the same events, commands and interactions through the simulator's Socket Mode server
     * instead of HTTP: {@code events_api}, {@code slash_commands} and {@code interactive} envelopes, each waited for
     * until the bot acknowledges it (an {@link AssertionError} after {@code ackTimeout}). Responses then have status
     * 200 and the ack's {@code payload} as body. {@link #urlVerification}, {@link #post} and {@link #postSigned} exist
     * only over HTTP.
     */
    public static SlackRequests overSocketMode(SlackSimulator sim, Duration ackTimeout) {
        return new SlackRequests(null, null, sim, sim.clock(), Objects.requireNonNull(ackTimeout, "ackTimeout"));
    }

    /** The one-off challenge Slack sends when the request URL is saved. */
    public HttpResponse<String> urlVerification(String challenge) {
        requireHttp("url_verification");
        ObjectNode body = Json.object()
                .put("token", VERIFICATION_TOKEN)
                .put("challenge", challenge)
                .put("type", "url_verification");
        return postSignedJson(body, Map.of());
    }

    /** A top-level post by the user, also stored in the simulator's history. */
    public EventDelivery message(String channel, String user, String text) {
        return userPost(channel, null, user, text, null);
    }

    /** A reply in the thread of {@code threadTs}, also stored in the simulator's history. */
    public EventDelivery threadReply(String channel, String threadTs, String user, String text) {
        return userPost(channel, Objects.requireNonNull(threadTs, "threadTs"), user, text, null);
    }

    /** A thread reply also sent to the channel (subtype {@code thread_broadcast}, with the thread's {@code root}). */
    public EventDelivery threadBroadcast(String channel, String threadTs, String user, String text) {
        return userPost(channel, Objects.requireNonNull(threadTs, "threadTs"), user, text, "thread_broadcast");
    }

    /** A post with a file attached (subtype {@code file_share}). */
    public EventDelivery fileShare(String channel, String user, String text) {
        return userPost(channel, null, user, text, "file_share");
    }

    /** The user edits a message: subtype {@code message_changed} with {@code message} and {@code previous_message}. */
    public EventDelivery editMessage(String channel, String ts, String user, String newText) {
        String editTs = sim.messages().nextTs();
        Optional<StoredMessage> stored = sim.messages().find(channel, ts);
        StoredMessage before = stored.orElse(StoredMessage.byUser(channel, ts, null, user, ""));
        StoredMessage after = before.edited(newText, richText(newText), editTs);
        sim.messages().replace(after);
        ObjectNode message = messageJson(after);
        message.set("edited", Json.object().put("user", user).put("ts", editTs));
        message.put("source_team", SlackSimulator.TEAM_ID).put("user_team", SlackSimulator.TEAM_ID);
        ObjectNode event = messageChanged(channel, editTs, message);
        event.set("previous_message", messageJson(before));
        return deliver(event, editTs);
    }

    /** The {@code message_changed} event of an edit at {@code editTs}, carrying the edited {@code message}. */
    private ObjectNode messageChanged(String channel, String editTs, ObjectNode message) {
        ObjectNode event = Json.object()
                .put("type", "message")
                .put("subtype", "message_changed")
                .put("hidden", true)
                .put("channel", channel)
                .put("ts", editTs)
                .put("event_ts", editTs)
                .put("channel_type", channelType(channel));
        event.set("message", message);
        return event;
    }

    /**
     * {@code user} adds the reaction {@code reaction} (a name without colons, e.g. {@code white_check_mark}) to the
     * message {@code ts} in {@code channel}: {@code reaction_added} with the {@code item} and its {@code item_user}, as
     * Slack sends it to an app with {@code reactions:read}.
     */
    public EventDelivery reactionAdded(String channel, String ts, String user, String reaction) {
        String eventTs = sim.messages().nextTs();
        ObjectNode event =
                Json.object().put("type", "reaction_added").put("user", user).put("reaction", reaction);
        sim.messages().find(channel, ts).ifPresent(message -> {
            if (message.user() != null) {
                event.put("item_user", message.user());
            }
        });
        event.set(
                "item",
                Json.object().put("type", "message").put("channel", channel).put("ts", ts));
        event.put("event_ts", eventTs);
        return deliver(event, eventTs);
    }

    /** The user deletes a message: subtype {@code message_deleted} with {@code deleted_ts} and the previous message. */
    public EventDelivery deleteMessage(String channel, String ts) {
        String eventTs = sim.messages().nextTs();
        Optional<StoredMessage> removed = sim.messages().remove(channel, ts);
        ObjectNode event = Json.object()
                .put("type", "message")
                .put("subtype", "message_deleted")
                .put("hidden", true)
                .put("channel", channel)
                .put("ts", eventTs)
                .put("deleted_ts", ts)
                .put("event_ts", eventTs)
                .put("channel_type", channelType(channel));
        removed.ifPresent(message -> event.set("previous_message", messageJson(message)));
        return deliver(event, eventTs);
    }

    /** A post by another app's bot (subtype {@code bot_message}, {@code bot_id} {@link #OTHER_BOT_ID}). */
    public EventDelivery botMessage(String channel, String text) {
        String ts = sim.messages().nextTs();
        sim.messages()
                .add(new StoredMessage(
                        channel, ts, null, null, OTHER_BOT_ID, "bot_message", text, null, null, null, false));
        ObjectNode event = Json.object()
                .put("type", "message")
                .put("subtype", "bot_message")
                .put("text", text)
                .put("ts", ts)
                .put("username", "Standup Reminder")
                .put("bot_id", OTHER_BOT_ID)
                .put("channel", channel)
                .put("event_ts", ts)
                .put("channel_type", channelType(channel));
        return deliver(event, ts);
    }

    /**
     * A standup bot's report: {@code botUserId} (a bot user of the workspace) posts {@code report} at the top level of
     * {@code channel}, also stored in the simulator's history.
     */
    public EventDelivery botReport(String channel, String botUserId, BotReport report) {
        SimUser bot = reportingBot(botUserId);
        String ts = sim.messages().nextTs();
        sim.messages()
                .add(new StoredMessage(
                        channel,
                        ts,
                        null,
                        report.classic() ? null : bot.id(),
                        bot.botId(),
                        report.classic() ? "bot_message" : null,
                        report.text(),
                        null,
                        null,
                        null,
                        false));
        ObjectNode event = report.toMessage(bot, channel, ts);
        event.put("channel", channel).put("event_ts", ts).put("channel_type", channelType(channel));
        return deliver(event, ts);
    }

    /** The standup bot {@code botUserId} edits its report at {@code ts}: {@code message_changed} with the new report. */
    public EventDelivery editBotReport(String channel, String ts, String botUserId, BotReport report) {
        SimUser bot = reportingBot(botUserId);
        String editTs = sim.messages().nextTs();
        sim.messages().find(channel, ts).ifPresent(before -> sim.messages()
                .replace(before.edited(report.text(), null, editTs)));
        ObjectNode message = report.toMessage(bot, channel, ts);
        message.set("edited", Json.object().put("user", bot.id()).put("ts", editTs));
        return deliver(messageChanged(channel, editTs, message), editTs);
    }

    private SimUser reportingBot(String botUserId) {
        SimUser bot = sim.workspace()
                .user(botUserId)
                .orElseThrow(() -> new IllegalArgumentException("no user " + botUserId + " in the workspace"));
        if (!bot.bot()) {
            throw new IllegalArgumentException(botUserId + " is not a bot user");
        }
        return bot;
    }

    /** The housekeeping message Slack posts when someone joins (subtype {@code channel_join}); updates membership. */
    public EventDelivery channelJoin(String channel, String user) {
        joinIfModelled(channel, user);
        String ts = sim.messages().nextTs();
        String text = "<@" + user + "> has joined the channel";
        sim.messages()
                .add(new StoredMessage(channel, ts, null, user, null, "channel_join", text, null, null, null, false));
        ObjectNode event = Json.object()
                .put("type", "message")
                .put("subtype", "channel_join")
                .put("ts", ts)
                .put("user", user)
                .put("text", text)
                .put("channel", channel)
                .put("event_ts", ts)
                .put("channel_type", channelType(channel));
        return deliver(event, ts);
    }

    /** {@code member_joined_channel}; updates the channel's members in the workspace. */
    public EventDelivery memberJoined(String channel, String user) {
        joinIfModelled(channel, user);
        return memberEvent("member_joined_channel", channel, user);
    }

    /** {@code member_left_channel}; updates the channel's members in the workspace. */
    public EventDelivery memberLeft(String channel, String user) {
        if (sim.workspace().channel(channel).isPresent()) {
            sim.workspace().leave(channel, user);
        }
        return memberEvent("member_left_channel", channel, user);
    }

    /** {@code app_uninstalled}: the app was removed from the workspace (pair it with {@code revokeBotTokens}). */
    public EventDelivery appUninstalled() {
        return event(Json.object().put("type", "app_uninstalled"));
    }

    /** {@code tokens_revoked} for the bot tokens of {@code botUserIds} (user ids, as Slack sends them). */
    public EventDelivery tokensRevoked(String... botUserIds) {
        ObjectNode tokens = Json.object();
        ArrayNode bots = tokens.putArray("bot");
        for (String user : botUserIds) {
            bots.add(user);
        }
        tokens.putArray("oauth");
        ObjectNode event = Json.object().put("type", "tokens_revoked");
        event.set("tokens", tokens);
        return event(event);
    }

    /**
     * {@code channel_archive} (public) or {@code group_archive} (private), by {@code user}: what Slack sends the bot
     * when a channel it is in is archived.
     */
    public EventDelivery archive(String channel, String user) {
        boolean isPrivate =
                sim.workspace().channel(channel).map(SimChannel::isPrivate).orElse(false);
        ObjectNode event = Json.object()
                .put("type", isPrivate ? "group_archive" : "channel_archive")
                .put("channel", channel);
        if (!isPrivate) {
            event.put("user", user);
        }
        return event(event);
    }

    /**
     * Someone removes the bot from the channel ({@code /remove @ownership}): it leaves the channel's members and Slack
     * sends both events it sends then, the bot's own {@code member_left_channel} and {@code channel_left} (public) or
     * {@code group_left} (private), each with its own event id.
     *
     * @return the two deliveries, {@code member_left_channel} first
     */
    public List<EventDelivery> removeBot(String channel, String actor) {
        boolean isPrivate =
                sim.workspace().channel(channel).map(SimChannel::isPrivate).orElse(false);
        EventDelivery left = memberLeft(channel, SlackSimulator.BOT_USER_ID);
        EventDelivery own = event(Json.object()
                .put("type", isPrivate ? "group_left" : "channel_left")
                .put("channel", channel)
                .put("actor_id", actor));
        return List.of(left, own);
    }

    /** {@code app_home_opened} on the Home tab, with the published view when there is one. */
    public EventDelivery appHomeOpened(String user) {
        String eventTs = sim.messages().nextTs();
        ObjectNode event = Json.object()
                .put("type", "app_home_opened")
                .put("user", user)
                .put("channel", sim.workspace().dmChannelOf(user))
                .put("tab", "home")
                .put("event_ts", eventTs);
        sim.viewStore().homeViewOf(user).flatMap(sim::viewJson).ifPresent(view -> event.set("view", view));
        return deliver(event, eventTs);
    }

    /** {@code user_change} carrying the user as the workspace has them now (after e.g. a timezone change). */
    public EventDelivery userChange(String userId) {
        SimUser user = sim.workspace()
                .user(userId)
                .orElseThrow(() -> new IllegalArgumentException("no user " + userId + " in the simulated workspace"));
        String eventTs = sim.messages().nextTs();
        ObjectNode event = Json.object().put("type", "user_change");
        event.set("user", sim.payloads().user(user));
        event.put("cache_ts", sim.payloads().now().getEpochSecond()).put("event_ts", eventTs);
        return deliver(event, eventTs);
    }

    /** Any event, wrapped in an {@code event_callback} envelope; an {@code event_ts} is added when missing. */
    public EventDelivery event(ObjectNode innerEvent) {
        ObjectNode event = innerEvent.deepCopy();
        String eventTs = Json.text(event, "event_ts");
        if (eventTs == null) {
            eventTs = sim.messages().nextTs();
            event.put("event_ts", eventTs);
        }
        String ts = Json.text(event, "ts");
        return deliver(event, ts != null ? ts : eventTs);
    }

    /** The {@code event_callback} envelope Slack would wrap this event in, for sending it another way. */
    public ObjectNode envelope(ObjectNode innerEvent) {
        return envelope(innerEvent, sim.ids().nextEventId());
    }

    /** Delivers the same body again, freshly signed, with {@code X-Slack-Retry-Num} and {@code -Reason}. */
    public HttpResponse<String> redeliver(EventDelivery delivery, int retryNum, String reason) {
        return sendEvent(delivery.envelope(), retryNum, reason);
    }

    /**
     * The envelope of a top-level post by the user, stored in the simulator's history but not sent yet: for tests
     * that send it themselves with {@link #sendEnvelope}, such as a burst that a crash cuts
     * short, whose unacknowledged part Slack delivers again.
     */
    public ObjectNode messageEnvelope(String channel, String user, String text) {
        return envelope(
                userPostEvent(channel, null, user, text, null), sim.ids().nextEventId());
    }

    /**
     * Sends an {@code event_callback} envelope, freshly signed: Slack's first delivery when {@code retryNum} is 0,
     * else its retry with {@code X-Slack-Retry-Num} and {@code X-Slack-Retry-Reason}.
     */
    public HttpResponse<String> sendEnvelope(ObjectNode envelope, int retryNum, String retryReason) {
        return sendEvent(Objects.requireNonNull(envelope, "envelope"), retryNum, retryReason);
    }

    /**
     * The user types {@code /ownership text} in the channel: a form-encoded request with a fresh
     * {@code response_url} and {@code trigger_id}.
     */
    public CommandReply slashCommand(String user, String channel, String text) {
        SimUser sender = user(user);
        String responseUrl = sim.responseUrl(new ResponseUrls.Origin(channel, user, null, false));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", VERIFICATION_TOKEN);
        form.put("team_id", SlackSimulator.TEAM_ID);
        form.put("team_domain", Payloads.TEAM_DOMAIN);
        form.put("channel_id", channel);
        form.put("channel_name", channelName(channel));
        form.put("user_id", user);
        form.put("user_name", sender.name());
        form.put("command", COMMAND);
        form.put("text", text);
        form.put("api_app_id", SlackSimulator.APP_ID);
        form.put("is_enterprise_install", "false");
        form.put("response_url", responseUrl);
        form.put("trigger_id", sim.newTriggerId(user));
        return new CommandReply(sendCommand(form), responseUrl);
    }

    /**
     * {@code block_actions}: {@code user} clicks the button {@code actionId} of a message the bot posted (as the
     * simulator recorded the call), with the value the bot gave that button.
     *
     * @throws IllegalArgumentException if the message has no such button
     */
    public HttpResponse<String> clickButton(String user, RecordedCall message, String actionId) {
        return blockAction(
                user,
                actionId,
                buttonValue(message, actionId),
                ActionSource.message(
                        message.response().path("channel").asText(),
                        message.response().path("ts").asText()));
    }

    /**
     * The value of the button {@code actionId} in the blocks of a recorded message.
     *
     * @throws IllegalArgumentException if the message has no such button
     */
    public static String buttonValue(RecordedCall message, String actionId) {
        JsonNode blocks = message.jsonParam("blocks");
        if (blocks != null) {
            for (JsonNode block : blocks) {
                for (JsonNode element : block.path("elements")) {
                    if (actionId.equals(element.path("action_id").asText())) {
                        return element.path("value").asText();
                    }
                }
            }
        }
        throw new IllegalArgumentException("No button " + actionId + " in " + blocks);
    }

    /**
     * The user uses an interactive element ({@code block_actions}); the element is looked up by action id in the
     * message or view as the simulator holds it, and {@code value} is what was chosen (a button's value, an option's
     * value, a date, a user id, …).
     */
    public HttpResponse<String> blockAction(String user, String actionId, String value, ActionSource source) {
        SimUser actor = user(user);
        String actionTs = MessageStore.format(MessageStore.micros(sim.payloads().now()));
        ObjectNode payload = Json.object().put("type", "block_actions");
        payload.set("user", sim.payloads().interactionUser(actor));
        payload.put("api_app_id", SlackSimulator.APP_ID).put("token", VERIFICATION_TOKEN);
        JsonNode blocks = describeSource(payload, source, user);
        payload.put("trigger_id", sim.newTriggerId(user));
        payload.set("team", sim.payloads().interactionTeam());
        payload.putNull("enterprise");
        payload.put("is_enterprise_install", false);
        InteractionPayloads.FoundElement found = InteractionPayloads.find(blocks, actionId);
        payload.set("actions", Json.array().add(InteractionPayloads.action(found, value, actionTs)));
        if (!(source instanceof ActionSource.Message || source instanceof ActionSource.Ephemeral)
                && InteractionPayloads.isStateful(found.element())) {
            keepSelection(payload, source, found, actionId, value);
        }
        return sendInteraction(payload);
    }

    /** Records a choice made in a view's element in the view's state, and sends the view as it is now. */
    private void keepSelection(
            ObjectNode payload,
            ActionSource source,
            InteractionPayloads.FoundElement found,
            String actionId,
            String value) {
        String viewId =
                source instanceof ActionSource.View view ? view.viewId() : ((ActionSource.Home) source).viewId();
        sim.viewStore()
                .recordState(
                        viewId, found.blockId(), actionId, InteractionPayloads.selectionState(found.element(), value));
        ObjectNode view = viewJson(viewId);
        payload.set("view", view);
        payload.set("state", view.path("state").deepCopy());
    }

    /** The user submits a modal; values are plain texts by block id and action id, shaped for each element type. */
    public HttpResponse<String> viewSubmission(
            String user, String viewId, Map<String, Map<String, String>> plainValues) {
        ObjectNode view = viewJson(viewId);
        return viewSubmission(user, viewId, InteractionPayloads.stateValues(view.path("blocks"), plainValues));
    }

    /** The user submits a modal with exactly these {@code view.state.values}. */
    public HttpResponse<String> viewSubmission(String user, String viewId, ObjectNode stateValues) {
        SimUser actor = user(user);
        ObjectNode view = viewJson(viewId);
        view.set("state", Json.object().set("values", stateValues.deepCopy()));
        ObjectNode payload = Json.object().put("type", "view_submission");
        payload.set("team", sim.payloads().interactionTeam());
        payload.set("user", sim.payloads().interactionUser(actor));
        payload.put("api_app_id", SlackSimulator.APP_ID)
                .put("token", VERIFICATION_TOKEN)
                .put("trigger_id", sim.newTriggerId(user));
        payload.set("view", view);
        payload.set("response_urls", Json.array());
        payload.put("is_enterprise_install", false).putNull("enterprise");
        HttpResponse<String> response = sendInteraction(payload);
        if (response.statusCode() == 200) {
            JsonNode answer = response.body().isBlank() ? null : parseOrNull(response.body());
            sim.viewStore().applyResponseAction(viewId, answer);
        }
        return response;
    }

    /** Posts raw bytes, unsigned, for hostile-input tests. */
    public HttpResponse<String> post(byte[] body, String contentType, Map<String, String> headers) {
        requireHttp("raw posts");
        HttpRequest.Builder request = HttpRequest.newBuilder(eventsUrl)
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Posts bytes signed as Slack would at the given time, plus any extra headers. */
    public HttpResponse<String> postSigned(
            byte[] body, String contentType, long timestampSeconds, Map<String, String> extraHeaders) {
        requireHttp("raw posts");
        String timestamp = Long.toString(timestampSeconds);
        String signature = signer.generate(timestamp, new String(body, StandardCharsets.UTF_8));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, timestamp);
        headers.put(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, signature);
        headers.putAll(extraHeaders);
        return post(body, contentType, headers);
    }

    private EventDelivery userPost(String channel, String threadTs, String user, String text, String subtype) {
        ObjectNode event = userPostEvent(channel, threadTs, user, text, subtype);
        return deliver(event, Json.text(event, "ts"));
    }

    /** A person's post as the {@code message} event Slack sends, stored in the simulator's history. */
    private ObjectNode userPostEvent(String channel, String threadTs, String user, String text, String subtype) {
        String ts = sim.messages().nextTs();
        JsonNode files = "file_share".equals(subtype) ? sharedFiles(user) : null;
        boolean broadcast = "thread_broadcast".equals(subtype);
        StoredMessage stored = new StoredMessage(
                channel, ts, threadTs, user, null, subtype, text, richText(text), files, null, broadcast);
        sim.messages().add(stored);
        ObjectNode event = Json.object().put("type", "message");
        if (subtype != null) {
            event.put("subtype", subtype);
        }
        event.put("channel", channel).put("user", user).put("text", text).put("ts", ts);
        if (threadTs != null) {
            event.put("thread_ts", threadTs);
            sim.messages().find(channel, threadTs).ifPresent(parent -> {
                event.put("parent_user_id", parent.user());
                if (broadcast) {
                    event.set("root", messageJson(parent));
                }
            });
        }
        if (files != null) {
            event.set("files", files);
            event.put("upload", false).put("display_as_bot", false);
        }
        event.put("event_ts", ts)
                .put("channel_type", channelType(channel))
                .put("client_msg_id", UUID.randomUUID().toString())
                .put("team", SlackSimulator.TEAM_ID);
        event.set("blocks", richText(text));
        return event;
    }

    private EventDelivery memberEvent(String type, String channel, String user) {
        String eventTs = sim.messages().nextTs();
        boolean isPrivate =
                sim.workspace().channel(channel).map(SimChannel::isPrivate).orElse(false);
        ObjectNode event = Json.object()
                .put("type", type)
                .put("user", user)
                .put("channel", channel)
                .put("channel_type", isPrivate ? "G" : "C")
                .put("team", SlackSimulator.TEAM_ID)
                .put("event_ts", eventTs);
        return deliver(event, eventTs);
    }

    private EventDelivery deliver(ObjectNode event, String ts) {
        String eventId = sim.ids().nextEventId();
        ObjectNode envelope = envelope(event, eventId);
        return new EventDelivery(eventId, ts, envelope, sendEvent(envelope, 0, null));
    }

    private ObjectNode envelope(ObjectNode event, String eventId) {
        ObjectNode envelope = Json.object()
                .put("token", VERIFICATION_TOKEN)
                .put("team_id", SlackSimulator.TEAM_ID)
                .put("context_team_id", SlackSimulator.TEAM_ID)
                .putNull("context_enterprise_id")
                .put("api_app_id", SlackSimulator.APP_ID);
        envelope.set("event", event);
        envelope.put("type", "event_callback")
                .put("event_id", eventId)
                .put("event_time", sim.payloads().now().getEpochSecond());
        ArrayNode authorizations = Json.array();
        authorizations.add(Json.object()
                .putNull("enterprise_id")
                .put("team_id", SlackSimulator.TEAM_ID)
                .put("user_id", SlackSimulator.BOT_USER_ID)
                .put("is_bot", true)
                .put("is_enterprise_install", false));
        envelope.set("authorizations", authorizations);
        envelope.put("is_ext_shared_channel", false).put("event_context", "4-sim-" + eventId);
        return envelope;
    }

    /** Fills in container, channel, message or view and response_url; returns the blocks the click was in. */
    private JsonNode describeSource(ObjectNode payload, ActionSource source, String user) {
        if (source instanceof ActionSource.Message message) {
            StoredMessage stored = sim.messages()
                    .find(message.channel(), message.ts())
                    .orElseThrow(() -> new IllegalArgumentException("no message " + message.ts() + " in "
                            + message.channel() + "; the simulator holds " + sim.history(message.channel())));
            payload.set("container", messageContainer(message.channel(), message.ts(), false));
            payload.set("channel", channelObject(message.channel()));
            payload.set("message", messageJson(stored));
            payload.set("state", Json.object().set("values", Json.object()));
            payload.put(
                    "response_url",
                    sim.responseUrl(new ResponseUrls.Origin(message.channel(), user, message.ts(), false)));
            return Optional.ofNullable(stored.blocks()).orElse(Json.array());
        }
        if (source instanceof ActionSource.Ephemeral ephemeral) {
            StoredMessage stored = sim.messages()
                    .findEphemeral(ephemeral.channel(), ephemeral.messageTs())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "no ephemeral message " + ephemeral.messageTs() + " in " + ephemeral.channel()));
            payload.set("container", messageContainer(ephemeral.channel(), ephemeral.messageTs(), true));
            payload.set("channel", channelObject(ephemeral.channel()));
            payload.set("state", Json.object().set("values", Json.object()));
            payload.put(
                    "response_url",
                    sim.responseUrl(new ResponseUrls.Origin(ephemeral.channel(), user, ephemeral.messageTs(), true)));
            return Optional.ofNullable(stored.blocks()).orElse(Json.array());
        }
        String viewId =
                source instanceof ActionSource.View view ? view.viewId() : ((ActionSource.Home) source).viewId();
        ObjectNode view = viewJson(viewId);
        payload.set("container", Json.object().put("type", "view").put("view_id", viewId));
        payload.set("view", view);
        payload.set("state", view.path("state").deepCopy());
        return view.path("blocks");
    }

    private static ObjectNode messageContainer(String channel, String ts, boolean ephemeral) {
        return Json.object()
                .put("type", "message")
                .put("message_ts", ts)
                .put("channel_id", channel)
                .put("is_ephemeral", ephemeral);
    }

    private ObjectNode channelObject(String channel) {
        return Json.object().put("id", channel).put("name", channelName(channel));
    }

    private ObjectNode messageJson(StoredMessage message) {
        String threadTs = message.threadTs() == null ? message.ts() : message.threadTs();
        return sim.payloads().message(message, sim.messages().thread(message.channel(), threadTs));
    }

    private ObjectNode viewJson(String viewId) {
        return sim.viewJson(viewId)
                .orElseThrow(() -> new IllegalArgumentException("no view " + viewId + " in the simulator"));
    }

    private SimUser user(String userId) {
        return sim.workspace()
                .user(userId)
                .orElseThrow(() -> new IllegalArgumentException("no user " + userId + " in the simulated workspace"));
    }

    private void joinIfModelled(String channel, String user) {
        if (sim.workspace().channel(channel).isPresent()) {
            sim.workspace().join(channel, user);
        }
    }

    private Optional<Conversation> conversation(String channel) {
        try {
            return Optional.of(sim.access().resolve(channel, false));
        } catch (SlackError unknown) {
            return Optional.empty();
        }
    }

    /** {@code channel}, {@code group} or {@code im}; channels the workspace does not model count as public. */
    private String channelType(String channel) {
        return conversation(channel).map(found -> found.kind().channelType()).orElse(Kind.PUBLIC.channelType());
    }

    private String channelName(String channel) {
        return conversation(channel)
                .map(found -> found.kind() == Kind.IM
                        ? "directmessage"
                        : found.channel().name())
                .orElse(channel);
    }

    private JsonNode sharedFiles(String user) {
        String fileId = sim.ids().next("F");
        long now = sim.payloads().now().getEpochSecond();
        String url = "https://files.sim.slack.test/files-pri/" + SlackSimulator.TEAM_ID + "-" + fileId + "/notes.txt";
        ObjectNode file = Json.object()
                .put("id", fileId)
                .put("created", now)
                .put("timestamp", now)
                .put("name", "notes.txt")
                .put("title", "notes.txt")
                .put("mimetype", "text/plain")
                .put("filetype", "text")
                .put("pretty_type", "Plain Text")
                .put("user", user)
                .put("user_team", SlackSimulator.TEAM_ID)
                .put("editable", true)
                .put("size", 42)
                .put("mode", "snippet")
                .put("is_external", false)
                .put("is_public", true)
                .put("url_private", url)
                .put("url_private_download", url + "?download=1")
                .put("permalink", Payloads.WORKSPACE_URL + "files/" + user + "/" + fileId + "/notes.txt");
        return Json.array().add(file);
    }

    /** The {@code rich_text} block Slack's clients attach to what a person types. */
    private static ArrayNode richText(String text) {
        ObjectNode section = Json.object().put("type", "rich_text_section");
        section.set(
                "elements", Json.array().add(Json.object().put("type", "text").put("text", text)));
        ObjectNode block = Json.object()
                .put("type", "rich_text")
                .put("block_id", "sim" + Integer.toHexString(Objects.hashCode(text)));
        block.set("elements", Json.array().add(section));
        return Json.array().add(block);
    }

    private HttpResponse<String> sendEvent(ObjectNode envelope, int retryNum, String retryReason) {
        if (ackTimeout != null) {
            return acknowledged("events_api", envelope, retryNum, retryReason);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (retryNum > 0) {
            headers.put("X-Slack-Retry-Num", Integer.toString(retryNum));
            headers.put("X-Slack-Retry-Reason", retryReason);
        }
        return postSignedJson(envelope, headers);
    }

    private HttpResponse<String> sendCommand(Map<String, String> form) {
        if (ackTimeout != null) {
            ObjectNode payload = Json.object();
            form.forEach(payload::put);
            return acknowledged("slash_commands", payload, 0, null);
        }
        return postSignedForm(formEncoded(form));
    }

    private HttpResponse<String> sendInteraction(ObjectNode payload) {
        if (ackTimeout != null) {
            return acknowledged("interactive", payload, 0, null);
        }
        return postSignedForm(formEncoded(Map.of("payload", Json.write(payload))));
    }

    private HttpResponse<String> acknowledged(String type, ObjectNode payload, int retryNum, String retryReason) {
        SocketModeServer socketMode = sim.socketMode();
        try {
            JsonNode ack = socketMode
                    .send(type, payload, retryNum, retryReason)
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new SocketModeAck(ack, URI.create(socketMode.url().replaceFirst("^ws", "http")));
        } catch (TimeoutException e) {
            throw new AssertionError("the bot did not acknowledge the " + type + " envelope within " + ackTimeout, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not send the " + type + " envelope", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the bot's ack", e);
        }
    }

    private void requireHttp(String what) {
        if (ackTimeout != null) {
            throw new IllegalStateException("Socket Mode has no " + what + "; they only go over HTTP");
        }
    }

    private HttpResponse<String> postSignedJson(ObjectNode body, Map<String, String> extraHeaders) {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        return postSigned(bytes, "application/json", clock.instant().getEpochSecond(), extraHeaders);
    }

    private HttpResponse<String> postSignedForm(String form) {
        byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
        return postSigned(bytes, FORM, clock.instant().getEpochSecond(), Map.of());
    }

    private static String formEncoded(Map<String, String> fields) {
        StringJoiner form = new StringJoiner("&");
        fields.forEach((name, value) -> form.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return form.toString();
    }

    private static JsonNode parseOrNull(String body) {
        try {
            return Json.parse(body);
        } catch (IllegalArgumentException notJson) {
            return null;
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not reach the bot at " + eventsUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to the bot", e);
        }
    }
}
