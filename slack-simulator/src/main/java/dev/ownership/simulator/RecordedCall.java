package dev.ownership.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One request the simulator answered: a Web API call or a POST to a {@code response_url}, with what it answered.
 *
 * <p>Form-encoded and JSON requests are recorded alike: {@link #params} holds every field, JSON-valued form fields
 * (such as {@code blocks} or {@code view}) still as the strings the client sent; {@link #jsonParam} parses them.
 *
 * @param method the Web API method ({@code chat.postMessage}) or {@code response_url}
 * @param params the request fields
 * @param token the token presented (bearer header or {@code token} field), or {@code null}
 * @param at when the call arrived, by the simulator's clock
 * @param httpStatus the HTTP status answered (429 when rate limited)
 * @param response the JSON body answered
 */
public record RecordedCall(
        String method, ObjectNode params, String token, Instant at, int httpStatus, ObjectNode response) {

    /** Checks the fields are present; params and response are kept as given, so treat them as read-only. */
    public RecordedCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(response, "response");
    }

    /** The text value of a request field, or {@code null} when it was not sent. */
    public String param(String name) {
        JsonNode value = params.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : Json.write(value);
    }

    /**
     * A JSON-valued request field: a string field such as {@code blocks} or {@code view} parsed, or the node itself
     * when the request was JSON; {@code null} when it was not sent, the string itself when it is not JSON.
     */
    public JsonNode jsonParam(String name) {
        JsonNode value = params.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            String text = value.asText().strip();
            if (text.startsWith("{") || text.startsWith("[")) {
                try {
                    return Json.parse(text);
                } catch (IllegalArgumentException notJson) {
                    return value;
                }
            }
        }
        return value;
    }

    /**
     * What a person would read of a message-like call: the {@code text} field followed by the blocks (or the view's
     * blocks for {@code views.*}) rendered by {@link BlockKitText}; empty when there is neither.
     */
    public String text() {
        JsonNode blocks = jsonParam("blocks");
        JsonNode view = jsonParam("view");
        if (blocks == null && view != null && view.isObject()) {
            String title = Json.text(view.path("title"), "text");
            return joinReadable(title, view.get("blocks"));
        }
        return joinReadable(param("text"), blocks);
    }

    /** Whether the answer was {@code "ok": true}. */
    public boolean ok() {
        return response.path("ok").asBoolean(false);
    }

    /** The {@code error} code answered, or {@code null} for a successful call. */
    public String error() {
        return Json.text(response, "error");
    }

    static String joinReadable(String text, JsonNode blocks) {
        String rendered = blocks == null ? "" : BlockKitText.render(blocks);
        String plain = text == null ? "" : text;
        if (rendered.isEmpty()) {
            return plain;
        }
        return plain.isEmpty() ? rendered : plain + "\n" + rendered;
    }

    /** One line for dumps: time, method, the telling params and the outcome. */
    String summary() {
        StringBuilder line = new StringBuilder().append(at).append(' ').append(method);
        for (String field : new String[] {"channel", "user", "users", "user_id", "ts", "thread_ts", "view_id"}) {
            String value = param(field);
            if (value != null) {
                line.append(' ').append(field).append('=').append(value);
            }
        }
        String readable = text().replace('\n', ' ');
        if (!readable.isEmpty()) {
            line.append(" text=\"").append(Json.abbreviate(readable, 120)).append('"');
        }
        line.append(" -> ").append(httpStatus).append(ok() ? " ok" : " " + error());
        return line.toString();
    }
}
