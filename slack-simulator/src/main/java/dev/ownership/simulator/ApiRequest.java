package dev.ownership.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Web API request as a handler sees it: the method, its fields however they were encoded, and the token.
 *
 * @param method the Web API method name
 * @param params the request fields
 * @param token the token presented, or {@code null}
 */
record ApiRequest(String method, ObjectNode params, String token) {

    /** The field's text, or {@code null} when it is absent or blank (Slack treats both alike). */
    String param(String name) {
        JsonNode value = params.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.isValueNode() ? value.asText() : Json.write(value);
        return text.isBlank() ? null : text;
    }

    /** The field's text, or an {@code ok:false} answer with the error code when it is missing. */
    String required(String name, String errorCode) {
        String value = param(name);
        if (value == null) {
            throw new SlackError(errorCode);
        }
        return value;
    }

    int intParam(String name, int defaultValue) {
        String value = param(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException notNumber) {
            throw new SlackError("invalid_arguments");
        }
    }

    boolean flag(String name) {
        String value = param(name);
        return "true".equalsIgnoreCase(value) || "1".equals(value);
    }

    /**
     * A JSON-valued field, parsed when it came as a string (form encoding) and taken as is when the request was
     * JSON; {@code null} when absent, the error code when it is not JSON.
     */
    JsonNode json(String name, String errorCode) {
        JsonNode value = params.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            return value;
        }
        if (value.asText().isBlank()) {
            return null;
        }
        try {
            return Json.parse(value.asText());
        } catch (IllegalArgumentException notJson) {
            throw new SlackError(errorCode);
        }
    }
}
