package dev.ownership.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code views.open}, {@code views.push}, {@code views.update} and {@code views.publish}, and the views and trigger
 * ids they work on.
 *
 * <p>Modals need a trigger id the simulator handed out (with a slash command or an interaction), as in Slack, and
 * belong to the user who caused it; a stack holds at most three modals. Each user has one App Home view, whose id
 * stays the same across publishes. Thread-safe: the views, triggers and stacks are guarded by the instance's lock.
 */
final class ViewMethods {
    static final int MAX_STACK = 3;
    static final int MAX_MODAL_BLOCKS = 100;
    static final int MAX_PRIVATE_METADATA = 3000;

    private final SimWorkspace workspace;
    private final Ids ids;
    private final Clock clock;
    private final Map<String, ObjectNode> viewsById = new HashMap<>();
    private final Map<String, String> userByView = new HashMap<>();
    private final Map<String, String> homeViewByUser = new HashMap<>();
    private final Map<String, Deque<String>> modalStackByUser = new HashMap<>();
    private final Map<String, String> userByTrigger = new HashMap<>();

    ViewMethods(SimWorkspace workspace, Ids ids, Clock clock) {
        this.workspace = workspace;
        this.ids = ids;
        this.clock = clock;
    }

    void registerIn(Map<String, MethodHandler> handlers) {
        handlers.put("views.open", this::open);
        handlers.put("views.push", this::push);
        handlers.put("views.update", this::update);
        handlers.put("views.publish", this::publish);
    }

    /** Hands out a trigger id for an interaction by this user. */
    synchronized String newTrigger(String userId) {
        String trigger = ids.triggerId(clock.instant().getEpochSecond());
        userByTrigger.put(trigger, userId);
        return trigger;
    }

    synchronized Optional<SimView> view(String viewId) {
        ObjectNode json = viewsById.get(viewId);
        return Optional.ofNullable(json == null ? null : simView(json));
    }

    /** The full JSON of a view as the Web API last answered it. */
    synchronized Optional<ObjectNode> viewJson(String viewId) {
        ObjectNode json = viewsById.get(viewId);
        return Optional.ofNullable(json == null ? null : json.deepCopy());
    }

    synchronized Optional<String> homeViewOf(String userId) {
        return Optional.ofNullable(homeViewByUser.get(userId));
    }

    /** Every view, oldest first. */
    synchronized List<SimView> views() {
        List<SimView> views = new ArrayList<>();
        viewsById.values().forEach(json -> views.add(simView(json)));
        views.sort((left, right) -> left.id().compareTo(right.id()));
        return views;
    }

    /**
     * Keeps what the user chose in a view's element (a date, an option) in the view's {@code state.values}, as Slack
     * does, so that the next interaction with the view carries it.
     */
    synchronized void recordState(String viewId, String blockId, String actionId, ObjectNode state) {
        ObjectNode json = viewsById.get(viewId);
        if (json == null) {
            return;
        }
        ObjectNode values = (ObjectNode) json.get("state").get("values");
        ObjectNode block = values.has(blockId) ? (ObjectNode) values.get(blockId) : values.putObject(blockId);
        block.set(actionId, state);
    }

    /** Applies a {@code response_action} the app answered a view submission with: update, push, or close. */
    synchronized void applyResponseAction(String viewId, JsonNode answer) {
        String userId = userByView.get(viewId);
        if (userId == null) {
            return;
        }
        String action = Json.text(answer, "response_action");
        JsonNode view = answer == null ? null : answer.get("view");
        if ("update".equals(action) && view != null && view.isObject()) {
            ObjectNode current = viewsById.get(viewId);
            viewsById.put(viewId, stored((ObjectNode) view, viewId, current));
        } else if ("push".equals(action) && view != null && view.isObject()) {
            pushFor(userId, (ObjectNode) view);
        } else if ("clear".equals(action)) {
            modalStackByUser.remove(userId);
        } else if (!"errors".equals(action)) {
            Deque<String> stack = modalStackByUser.get(userId);
            if (stack != null) {
                stack.remove(viewId);
            }
        }
    }

    private synchronized ObjectNode open(ApiRequest request) {
        String userId = triggerUser(request);
        ObjectNode view = validModal(request);
        String viewId = ids.next("V");
        ObjectNode json = stored(view, viewId, null);
        json.put("root_view_id", viewId);
        viewsById.put(viewId, json);
        userByView.put(viewId, userId);
        Deque<String> stack = new ArrayDeque<>();
        stack.push(viewId);
        modalStackByUser.put(userId, stack);
        return answer(json);
    }

    private synchronized ObjectNode push(ApiRequest request) {
        String userId = triggerUser(request);
        ObjectNode view = validModal(request);
        Deque<String> stack = modalStackByUser.get(userId);
        if (stack != null && stack.size() >= MAX_STACK) {
            throw new SlackError("push_limit_reached");
        }
        return answer(pushFor(userId, view));
    }

    private ObjectNode pushFor(String userId, ObjectNode view) {
        Deque<String> stack = modalStackByUser.computeIfAbsent(userId, key -> new ArrayDeque<>());
        String viewId = ids.next("V");
        ObjectNode json = stored(view, viewId, null);
        String previous = stack.peek();
        json.put("root_view_id", previous == null ? viewId : Json.text(viewsById.get(previous), "root_view_id"));
        if (previous != null) {
            json.put("previous_view_id", previous);
        }
        viewsById.put(viewId, json);
        userByView.put(viewId, userId);
        stack.push(viewId);
        return json;
    }

    private synchronized ObjectNode update(ApiRequest request) {
        String viewId = request.param("view_id");
        String externalId = request.param("external_id");
        if (viewId == null && externalId != null) {
            viewId = viewsById.values().stream()
                    .filter(json -> externalId.equals(Json.text(json, "external_id")))
                    .map(json -> Json.text(json, "id"))
                    .findFirst()
                    .orElse(null);
        }
        if (viewId == null && externalId == null) {
            throw new SlackError("invalid_arguments");
        }
        ObjectNode current = viewId == null ? null : viewsById.get(viewId);
        if (current == null) {
            throw new SlackError("not_found");
        }
        checkHash(request, current);
        ObjectNode view = validView(request, Json.text(current, "type"));
        ObjectNode json = stored(view, viewId, current);
        viewsById.put(viewId, json);
        return answer(json);
    }

    private synchronized ObjectNode publish(ApiRequest request) {
        String userId = request.required("user_id", "invalid_arguments");
        SimUser user = workspace.user(userId).orElseThrow(() -> new SlackError("user_not_found"));
        ObjectNode view = validView(request, "home");
        String viewId = homeViewByUser.get(user.id());
        ObjectNode current = viewId == null ? null : viewsById.get(viewId);
        if (current != null) {
            checkHash(request, current);
        } else {
            viewId = ids.next("V");
            homeViewByUser.put(user.id(), viewId);
        }
        ObjectNode json = stored(view, viewId, current);
        json.put("root_view_id", viewId);
        viewsById.put(viewId, json);
        userByView.put(viewId, user.id());
        return answer(json);
    }

    private String triggerUser(ApiRequest request) {
        String trigger = request.required("trigger_id", "invalid_arguments");
        String userId = userByTrigger.get(trigger);
        if (userId == null) {
            throw new SlackError("invalid_trigger_id");
        }
        return userId;
    }

    private static void checkHash(ApiRequest request, ObjectNode current) {
        String hash = request.param("hash");
        if (hash != null && !hash.equals(Json.text(current, "hash"))) {
            throw new SlackError("hash_conflict");
        }
    }

    private static ObjectNode validModal(ApiRequest request) {
        return validView(request, "modal");
    }

    private static ObjectNode validView(ApiRequest request, String expectedType) {
        JsonNode view = request.json("view", "invalid_arguments");
        if (view == null || !view.isObject()) {
            throw new SlackError("invalid_arguments");
        }
        ObjectNode object = (ObjectNode) view;
        if (!expectedType.equals(Json.text(object, "type"))) {
            throw new SlackError("invalid_arguments");
        }
        JsonNode blocks = object.get("blocks");
        if (blocks == null || !blocks.isArray() || blocks.size() > MAX_MODAL_BLOCKS) {
            throw new SlackError("invalid_arguments");
        }
        if ("modal".equals(expectedType) && Json.text(object.path("title"), "text") == null) {
            throw new SlackError("invalid_arguments");
        }
        String metadata = Json.text(object, "private_metadata");
        if (metadata != null && metadata.length() > MAX_PRIVATE_METADATA) {
            throw new SlackError("invalid_arguments");
        }
        return object;
    }

    /** The view as Slack answers and stores it: the app's fields plus ids, state and a fresh hash. */
    private ObjectNode stored(ObjectNode view, String viewId, ObjectNode current) {
        ObjectNode json = Json.object()
                .put("id", viewId)
                .put("team_id", SlackSimulator.TEAM_ID)
                .put("type", Json.text(view, "type"));
        json.set("blocks", view.path("blocks").deepCopy());
        json.put("private_metadata", textOr(view, "private_metadata")).put("callback_id", textOr(view, "callback_id"));
        json.set("state", Json.object().set("values", Json.object()));
        json.put("hash", clock.instant().getEpochSecond() + "." + ids.next("H").toLowerCase());
        for (String field : new String[] {"title", "close", "submit"}) {
            JsonNode value = view.get(field);
            if (value != null) {
                json.set(field, value.deepCopy());
            } else {
                json.putNull(field);
            }
        }
        json.put("clear_on_close", view.path("clear_on_close").asBoolean(false))
                .put("notify_on_close", view.path("notify_on_close").asBoolean(false));
        json.put("previous_view_id", current == null ? null : Json.text(current, "previous_view_id"));
        json.put("root_view_id", current == null ? viewId : Json.text(current, "root_view_id"));
        json.put("app_id", SlackSimulator.APP_ID)
                .put("external_id", textOr(view, "external_id"))
                .put("app_installed_team_id", SlackSimulator.TEAM_ID)
                .put("bot_id", SlackSimulator.BOT_ID);
        return json;
    }

    private static String textOr(JsonNode view, String field) {
        String value = Json.text(view, field);
        return value == null ? "" : value;
    }

    private static ObjectNode answer(ObjectNode json) {
        ObjectNode answer = ChatMethods.ok();
        answer.set("view", json.deepCopy());
        return answer;
    }

    private SimView simView(ObjectNode json) {
        String id = Json.text(json, "id");
        return new SimView(
                id,
                Json.text(json, "type"),
                emptyAsNull(Json.text(json, "callback_id")),
                emptyAsNull(Json.text(json, "private_metadata")),
                userByView.get(id),
                json.path("blocks").deepCopy());
    }

    private static String emptyAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
