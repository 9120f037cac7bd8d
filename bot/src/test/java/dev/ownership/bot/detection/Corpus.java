package dev.ownership.bot.detection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A labelled standup corpus from the test resources: JSON lines {@code {"id","text","label","category"}}. */
final class Corpus {

    /** One hand-labelled message. */
    record LabelledMessage(String id, String text, Label label, Category category) {}

    static final String TUNING = "/detection/tuning.jsonl";
    static final String HELD_OUT = "/detection/heldout.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Corpus() {}

    static List<LabelledMessage> load(String resource) {
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing corpus " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<LabelledMessage> messages = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    messages.add(parse(JSON.readTree(line)));
                }
            }
            return messages;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static LabelledMessage parse(JsonNode node) {
        JsonNode category = node.get("category");
        return new LabelledMessage(
                node.get("id").asText(),
                node.get("text").asText(),
                Label.fromWireName(node.get("label").asText()),
                category == null || category.isNull() ? null : Category.fromWireName(category.asText()));
    }
}
