package dev.ownership.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds {@code block_actions} actions and {@code view_submission} state the way Slack fills them in for each kind
 * of element: a button's value, a select's {@code selected_option}, a date picker's {@code selected_date}, and so on.
 * Stateless; thread-safe.
 */
final class InteractionPayloads {
    private InteractionPayloads() {}

    /**
     * An interactive element found in a surface's blocks.
     *
     * @param blockId the id of the block holding it
     * @param element the element's JSON
     */
    record FoundElement(String blockId, JsonNode element) {}

    /** Finds the element with this action id in the blocks, or fails naming the action ids there are. */
    static FoundElement find(JsonNode blocks, String actionId) {
        List<String> seen = new ArrayList<>();
        int index = 0;
        for (JsonNode block : blocks) {
            String blockId = blockIdOf(block, index++);
            for (JsonNode element : elementsOf(block)) {
                String candidate = Json.text(element, "action_id");
                if (actionId.equals(candidate)) {
                    return new FoundElement(blockId, element);
                }
                if (candidate != null) {
                    seen.add(candidate);
                }
            }
        }
        throw new IllegalArgumentException("no element with action_id " + actionId + " in the blocks; there are "
                + (seen.isEmpty() ? "none" : String.join(", ", seen)));
    }

    /** The {@code actions[0]} entry Slack sends when a user uses the element with this value. */
    static ObjectNode action(FoundElement found, String value, String actionTs) {
        JsonNode element = found.element();
        String type = element.path("type").asText("button");
        ObjectNode action = Json.object()
                .put("type", type)
                .put("action_id", Json.text(element, "action_id"))
                .put("block_id", found.blockId());
        switch (type) {
            case "button" -> {
                action.set("text", element.path("text").deepCopy());
                action.put("value", value);
                if (element.has("style")) {
                    action.put("style", Json.text(element, "style"));
                }
            }
            case "static_select", "external_select", "overflow", "radio_buttons" ->
                action.set("selected_option", option(element, value));
            case "checkboxes" -> action.set("selected_options", Json.array().add(option(element, value)));
            default -> putSelection(action, type, value);
        }
        action.put("action_ts", actionTs);
        return action;
    }

    /** Whether Slack keeps the element's current value in its view's state: selections and inputs, not buttons. */
    static boolean isStateful(JsonNode element) {
        String type = element.path("type").asText("button");
        return !type.equals("button") && !type.equals("overflow") && !type.equals("workflow_button");
    }

    /** The state Slack keeps for the element once the user chose {@code value} in it. */
    static ObjectNode selectionState(JsonNode element, String value) {
        ObjectNode state = Json.object().put("type", element.path("type").asText());
        fillState(state, element, value);
        return state;
    }

    /**
     * The {@code view.state.values} of a submission: every input block of the view, with the given values by block
     * and action id shaped for each element's type, and the others left empty as Slack does.
     */
    static ObjectNode stateValues(JsonNode blocks, Map<String, Map<String, String>> plainValues) {
        ObjectNode values = Json.object();
        int index = 0;
        for (JsonNode block : blocks) {
            String blockId = blockIdOf(block, index++);
            if (!"input".equals(Json.text(block, "type"))) {
                continue;
            }
            JsonNode element = block.path("element");
            String actionId = Json.text(element, "action_id");
            Map<String, String> given = plainValues.getOrDefault(blockId, Map.of());
            String value = given.get(actionId);
            ObjectNode state = Json.object().put("type", element.path("type").asText("plain_text_input"));
            fillState(state, element, value);
            values.set(blockId, Json.object().set(actionId, state));
        }
        plainValues.forEach((blockId, byAction) -> {
            if (!values.has(blockId)) {
                throw new IllegalArgumentException("the view has no input block " + blockId);
            }
            byAction.keySet().forEach(actionId -> {
                if (!values.path(blockId).has(actionId)) {
                    throw new IllegalArgumentException("input block " + blockId + " has no action " + actionId);
                }
            });
        });
        return values;
    }

    private static void fillState(ObjectNode state, JsonNode element, String value) {
        String type = state.path("type").asText();
        switch (type) {
            case "plain_text_input", "number_input", "email_text_input", "url_text_input" -> state.put("value", value);
            case "static_select", "external_select", "radio_buttons" -> {
                if (value == null) {
                    state.putNull("selected_option");
                } else {
                    state.set("selected_option", option(element, value));
                }
            }
            case "checkboxes", "multi_static_select" -> {
                ArrayNode options = Json.array();
                if (value != null) {
                    for (String each : value.split(",")) {
                        options.add(option(element, each.strip()));
                    }
                }
                state.set("selected_options", options);
            }
            default -> putSelection(state, type, value);
        }
    }

    private static void putSelection(ObjectNode target, String type, String value) {
        String field =
                switch (type) {
                    case "datepicker" -> "selected_date";
                    case "timepicker" -> "selected_time";
                    case "datetimepicker" -> "selected_date_time";
                    case "users_select" -> "selected_user";
                    case "conversations_select" -> "selected_conversation";
                    case "channels_select" -> "selected_channel";
                    default -> "value";
                };
        target.put(field, value);
    }

    private static ObjectNode option(JsonNode element, String value) {
        for (JsonNode option : optionsOf(element)) {
            if (value.equals(Json.text(option, "value"))) {
                return option.deepCopy();
            }
        }
        ObjectNode option = Json.object();
        option.set(
                "text",
                Json.object().put("type", "plain_text").put("text", value).put("emoji", true));
        return option.put("value", value);
    }

    private static List<JsonNode> optionsOf(JsonNode element) {
        List<JsonNode> options = new ArrayList<>();
        element.path("options").forEach(options::add);
        for (JsonNode group : element.path("option_groups")) {
            group.path("options").forEach(options::add);
        }
        return options;
    }

    private static List<JsonNode> elementsOf(JsonNode block) {
        List<JsonNode> elements = new ArrayList<>();
        block.path("elements").forEach(elements::add);
        if (block.has("accessory")) {
            elements.add(block.get("accessory"));
        }
        if (block.has("element")) {
            elements.add(block.get("element"));
        }
        return elements;
    }

    /** The block's id; Slack generates one for blocks sent without, which the simulator derives from the index. */
    static String blockIdOf(JsonNode block, int index) {
        String blockId = Json.text(block, "block_id");
        return blockId != null ? blockId : "sim-block-" + index;
    }
}
