package dev.ownership.bot.detection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The {@code classify} command: JSON lines {@code {"id":…, "text":…}} in, one JSON line
 * {@code {"id", "label", "category", "reasons":[…], "confidence"}} out per input line, in order, flushed line by
 * line.
 *
 * <p>A line that cannot be classified gets {@code {"id":…, "error":"…"}} in its place (the id kept when it could be
 * read) and the stream goes on. Blank lines are skipped.
 */
public final class ClassifyCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClassifyCommand() {}

    /**
     * Classifies every line of {@code in} onto {@code out} with the detector the environment names (see
     * {@link BlockerDetector#fromEnvironment}); returns the exit code 0.
     *
     * @throws IllegalArgumentException naming {@value BlockerDetector#LEXICON_VARIABLE} when its lexicon is invalid
     * @throws java.io.UncheckedIOException when the streams fail
     */
    public static int run(InputStream in, OutputStream out) {
        return run(in, out, BlockerDetector.fromEnvironment(System.getenv()));
    }

    /** Classifies every line of {@code in} onto {@code out} with the given detector; returns the exit code 0. */
    public static int run(InputStream in, OutputStream out, BlockerDetector detector) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    writer.write(JSON.writeValueAsString(answer(line, detector)));
                    writer.write('\n');
                    writer.flush();
                }
            }
            return 0;
        } catch (IOException broken) {
            throw new UncheckedIOException(broken);
        }
    }

    private static ObjectNode answer(String line, BlockerDetector detector) {
        JsonNode request;
        try {
            request = JSON.readTree(line);
        } catch (JsonProcessingException malformed) {
            return error(null, "malformed JSON: " + malformed.getOriginalMessage());
        }
        if (request == null || !request.isObject()) {
            return error(null, "expected a JSON object with \"id\" and \"text\"");
        }
        JsonNode id = request.get("id");
        JsonNode text = request.get("text");
        if (text == null || !text.isTextual()) {
            return error(id, "missing \"text\" (a string)");
        }
        return result(id, detector.classify(text.asText()));
    }

    private static ObjectNode result(JsonNode id, Classification classification) {
        ObjectNode node = JSON.createObjectNode();
        node.set("id", id);
        node.put("label", classification.label().wireName());
        if (classification.category() == null) {
            node.putNull("category");
        } else {
            node.put("category", classification.category().wireName());
        }
        classification.reasons().forEach(node.putArray("reasons")::add);
        node.put("confidence", Math.round(classification.confidence() * 1000) / 1000.0);
        return node;
    }

    private static ObjectNode error(JsonNode id, String message) {
        ObjectNode node = JSON.createObjectNode();
        node.set("id", id == null ? JSON.nullNode() : id);
        node.put("error", message);
        return node;
    }
}
