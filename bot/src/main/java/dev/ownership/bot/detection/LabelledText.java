package dev.ownership.bot.detection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A message with its true label (and, for a blocker, optionally its category): one line of a training corpus or of a
 * team's examples file, JSON lines {@code {"text": …, "label": …, "category": …}}.
 *
 * @param text the raw Slack text
 * @param label the label a person gave it
 * @param category the blocker's category, or {@code null} when unknown or when the label is {@link Label#NONE}
 * @param rulesTunedOn whether the rules were developed on this message, so that their verdict on it says nothing of
 *     how they do on new text (the model then does not see that verdict as a feature when it learns from it)
 */
record LabelledText(String text, Label label, Category category, boolean rulesTunedOn) {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> KNOWN_KEYS = Set.of("id", "text", "label", "category", "note");

    LabelledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
        if (label == Label.NONE && category != null) {
            throw new IllegalArgumentException("a message labelled none has no category");
        }
    }

    LabelledText(String text, Label label, Category category) {
        this(text, label, category, false);
    }

    /** The same message, marked as one the rules were developed on. */
    LabelledText tunedOn() {
        return new LabelledText(text, label, category, true);
    }

    /**
     * Reads JSON lines; blank lines are skipped.
     *
     * @param source names the input in error messages
     * @throws IllegalArgumentException naming the source and line of the first malformed line
     */
    static List<LabelledText> readLines(InputStream in, String source) {
        Objects.requireNonNull(in, "in");
        List<LabelledText> messages = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (!line.isBlank()) {
                    messages.add(parse(line, source + " line " + number));
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return messages;
    }

    /** Error messages are one line: control characters from the file are shown as spaces. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", " ");
    }

    private static LabelledText parse(String line, String where) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException malformed) {
            throw new IllegalArgumentException(where + ": not JSON (" + oneLine(malformed.getOriginalMessage()) + ")");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + ": expected an object {\"text\": …, \"label\": …}");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN_KEYS.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown key \"" + oneLine(name) + "\"");
            }
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": \"text\" must be a non-empty string");
        }
        JsonNode label = node.get("label");
        if (label == null || !label.isTextual()) {
            throw new IllegalArgumentException(
                    where + ": \"label\" must be none, blocker_with_proposal or " + "blocker_without_proposal");
        }
        Label parsedLabel;
        Category parsedCategory;
        try {
            parsedLabel = Label.fromWireName(label.asText());
            JsonNode category = node.get("category");
            parsedCategory = category == null || category.isNull() ? null : Category.fromWireName(category.asText());
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(where + ": " + oneLine(unknown.getMessage()));
        }
        if (parsedLabel == Label.NONE && parsedCategory != null) {
            throw new IllegalArgumentException(where + ": a message labelled none has no category");
        }
        return new LabelledText(text.asText(), parsedLabel, parsedCategory);
    }
}
