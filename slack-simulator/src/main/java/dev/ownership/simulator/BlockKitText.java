package dev.ownership.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders Block Kit as plain text a person can read in a terminal, for transcripts and assertions.
 *
 * <p>Headers are underlined, sections show their text, fields and accessory, context elements are joined with
 * {@code |}, a divider becomes a rule, interactive elements are shown as {@code [Label]}, input blocks as
 * {@code label: ____} and images as {@code [image: alt]}. Slack's mrkdwn markup for mentions and links is turned
 * into its visible form ({@code <@U1|ann>} reads {@code @ann}, {@code <https://x|docs>} reads
 * {@code docs (https://x)}); emphasis such as {@code *bold*} is left as typed. Output is ASCII apart from the
 * message text itself, so it reads the same whatever the terminal's encoding. Stateless and thread-safe.
 */
public final class BlockKitText {
    private static final String RULE = "-".repeat(40);
    private static final Pattern SLACK_MARKUP = Pattern.compile("<([^<>]*)>");

    private BlockKitText() {}

    /**
     * Renders blocks given as a JSON array, as a JSON string holding one, or as an object with a {@code blocks}
     * field (a message or a view); anything else renders as the empty string.
     */
    public static String render(JsonNode blocks) {
        JsonNode array = blocksOf(blocks);
        if (array == null) {
            return "";
        }
        List<String> rendered = new ArrayList<>();
        for (JsonNode block : array) {
            String text = renderBlock(block);
            if (!text.isEmpty()) {
                rendered.add(text);
            }
        }
        return String.join("\n", rendered);
    }

    /** Turns Slack's mrkdwn markup for mentions, channels, links and escapes into what Slack displays. */
    public static String plainMrkdwn(String mrkdwn) {
        if (mrkdwn == null) {
            return "";
        }
        Matcher matcher = SLACK_MARKUP.matcher(mrkdwn);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(displayedMarkup(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static JsonNode blocksOf(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            try {
                return blocksOf(Json.parse(node.asText()));
            } catch (IllegalArgumentException notJson) {
                return null;
            }
        }
        if (node.isObject()) {
            return node.has("blocks") ? blocksOf(node.get("blocks")) : null;
        }
        return node.isArray() ? node : null;
    }

    private static String renderBlock(JsonNode block) {
        String type = block.path("type").asText("");
        return switch (type) {
            case "header" -> header(textOf(block.get("text")));
            case "section" -> section(block);
            case "context" -> "  " + joinElements(block.path("elements"), " | ");
            case "divider" -> RULE;
            case "actions" -> joinElements(block.path("elements"), " ");
            case "input" -> input(block);
            case "image" -> "[image: " + imageLabel(block) + "]";
            case "rich_text" -> richText(block.path("elements"));
            case "video" -> "[video: " + textOf(block.get("title")) + "]";
            case "file" -> "[file]";
            default -> type.isEmpty() ? "" : "[" + type + "]";
        };
    }

    private static String header(String text) {
        return text + "\n" + "=".repeat(Math.max(3, Math.min(text.length(), 60)));
    }

    private static String section(JsonNode block) {
        List<String> lines = new ArrayList<>();
        String text = textOf(block.get("text"));
        if (!text.isEmpty()) {
            lines.add(text);
        }
        for (JsonNode field : block.path("fields")) {
            lines.add("  " + textOf(field).replace("\n", " "));
        }
        JsonNode accessory = block.get("accessory");
        if (accessory != null) {
            String rendered = element(accessory);
            if (lines.isEmpty()) {
                lines.add(rendered);
            } else {
                int last = lines.size() - 1;
                lines.set(last, lines.get(last) + "  " + rendered);
            }
        }
        return String.join("\n", lines);
    }

    private static String input(JsonNode block) {
        String label = textOf(block.get("label"));
        if (block.path("optional").asBoolean(false)) {
            label += " (optional)";
        }
        JsonNode element = block.path("element");
        String value = initialValue(element);
        return label + ": " + (value.isEmpty() ? "____" : value);
    }

    private static String initialValue(JsonNode element) {
        for (String field : new String[] {"initial_value", "initial_date", "initial_time", "initial_user"}) {
            String value = Json.text(element, field);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        JsonNode option = element.get("initial_option");
        return option == null ? "" : textOf(option.get("text"));
    }

    private static String joinElements(JsonNode elements, String separator) {
        List<String> rendered = new ArrayList<>();
        for (JsonNode element : elements) {
            rendered.add(element(element));
        }
        return String.join(separator, rendered);
    }

    private static String element(JsonNode element) {
        String type = element.path("type").asText("");
        return switch (type) {
            case "mrkdwn", "plain_text" -> textOf(element);
            case "image" -> "[image: " + imageLabel(element) + "]";
            case "button" -> "[" + textOf(element.get("text")) + "]";
            case "overflow" -> "[...]";
            case "datepicker" -> "[date: " + orPlaceholder(Json.text(element, "initial_date"), element) + "]";
            case "timepicker" -> "[time: " + orPlaceholder(Json.text(element, "initial_time"), element) + "]";
            case "checkboxes", "radio_buttons" -> choices(element, type.equals("checkboxes") ? "[ ] " : "( ) ");
            default -> selectLike(element);
        };
    }

    private static String selectLike(JsonNode element) {
        JsonNode initial = element.get("initial_option");
        String shown = initial != null ? textOf(initial.get("text")) : orPlaceholder(null, element);
        return "[" + (shown.isEmpty() ? element.path("type").asText("element") : shown) + " v]";
    }

    private static String orPlaceholder(String value, JsonNode element) {
        if (value != null && !value.isEmpty()) {
            return value;
        }
        return textOf(element.get("placeholder"));
    }

    private static String choices(JsonNode element, String marker) {
        List<String> rendered = new ArrayList<>();
        for (JsonNode option : element.path("options")) {
            rendered.add(marker + textOf(option.get("text")));
        }
        return String.join(" ", rendered);
    }

    private static String imageLabel(JsonNode image) {
        String alt = Json.text(image, "alt_text");
        String title = textOf(image.get("title"));
        if (alt == null || alt.isEmpty()) {
            return title.isEmpty() ? "image" : title;
        }
        return title.isEmpty() || title.equals(alt) ? alt : title + " - " + alt;
    }

    private static String textOf(JsonNode textObject) {
        if (textObject == null || textObject.isNull()) {
            return "";
        }
        if (textObject.isTextual()) {
            return textObject.asText();
        }
        String text = Json.text(textObject, "text");
        if (text == null) {
            return "";
        }
        return "mrkdwn".equals(Json.text(textObject, "type")) ? plainMrkdwn(text) : text;
    }

    private static String richText(JsonNode elements) {
        List<String> parts = new ArrayList<>();
        for (JsonNode element : elements) {
            String type = element.path("type").asText("");
            switch (type) {
                case "rich_text_list" -> parts.add(richList(element));
                case "rich_text_preformatted" -> parts.add("```\n" + inline(element.path("elements")) + "\n```");
                case "rich_text_quote" ->
                    parts.add("> " + inline(element.path("elements")).replace("\n", "\n> "));
                default -> parts.add(inline(element.path("elements")));
            }
        }
        return String.join("\n", parts).strip();
    }

    private static String richList(JsonNode list) {
        String indent = "  ".repeat(list.path("indent").asInt(0));
        boolean ordered = "ordered".equals(Json.text(list, "style"));
        List<String> items = new ArrayList<>();
        int number = 1;
        for (JsonNode item : list.path("elements")) {
            String marker = ordered ? (number++) + ". " : "- ";
            items.add(indent + marker + inline(item.path("elements")));
        }
        return String.join("\n", items);
    }

    private static String inline(JsonNode elements) {
        StringBuilder out = new StringBuilder();
        for (JsonNode element : elements) {
            String type = element.path("type").asText("");
            switch (type) {
                case "text" -> out.append(element.path("text").asText(""));
                case "link" -> out.append(linkText(element));
                case "user" -> out.append('@').append(element.path("user_id").asText(""));
                case "usergroup" ->
                    out.append('@').append(element.path("usergroup_id").asText(""));
                case "channel" ->
                    out.append('#').append(element.path("channel_id").asText(""));
                case "broadcast" -> out.append('@').append(element.path("range").asText(""));
                case "emoji" ->
                    out.append(':').append(element.path("name").asText("")).append(':');
                case "date" -> out.append(element.path("fallback").asText(""));
                default -> out.append(inline(element.path("elements")));
            }
        }
        return out.toString();
    }

    private static String linkText(JsonNode link) {
        String url = link.path("url").asText("");
        String label = link.path("text").asText("");
        return label.isEmpty() || label.equals(url) ? url : label + " (" + url + ")";
    }

    private static String displayedMarkup(String inner) {
        int bar = inner.indexOf('|');
        String target = bar < 0 ? inner : inner.substring(0, bar);
        String label = bar < 0 ? null : inner.substring(bar + 1);
        if (target.startsWith("@")) {
            return "@" + (label != null ? label : target.substring(1));
        }
        if (target.startsWith("#")) {
            return "#" + (label != null ? label : target.substring(1));
        }
        if (target.startsWith("!subteam^")) {
            return label != null ? label : "@" + target.substring("!subteam^".length());
        }
        if (target.startsWith("!date^")) {
            return label != null ? label : target;
        }
        if (target.startsWith("!")) {
            return "@" + target.substring(1);
        }
        if (label == null || label.equals(target)) {
            return target.startsWith("mailto:") ? target.substring("mailto:".length()) : target;
        }
        return label + " (" + target + ")";
    }
}
