package dev.ownership.bot.detection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The labelled corpus in its three splits: training (in the jar, {@code detection/corpus/}), validation and the frozen
 * test split (test resources). JSON lines {@code {"id","text","label","category"}}, one file per batch; a batch's
 * file name starts with the code of the helper who wrote it (P0 is the project's own first corpus).
 */
final class Corpus {

    /** One hand-labelled message and the batch it came from. */
    record LabelledMessage(String batch, String id, String text, Label label, Category category) {
        LabelledText labelled() {
            return new LabelledText(text, label, category);
        }

        /** The code of whoever wrote the batch: "T3" for batch T3B, "P0" for the project's own. */
        String author() {
            return batch.replaceAll("^([A-Z]+\\d+).*", "$1");
        }
    }

    static final String VALIDATION = "/detection/validation/";
    static final String TEST = "/detection/test/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Corpus() {}

    static List<LabelledMessage> training() {
        List<LabelledMessage> messages = new ArrayList<>();
        BlockerDetector.corpusFiles().forEach(resource -> messages.addAll(load(resource)));
        return messages;
    }

    static List<LabelledMessage> validation() {
        return loadDirectory(VALIDATION);
    }

    static List<LabelledMessage> test() {
        return loadDirectory(TEST);
    }

    static List<LabelledText> labelled(List<LabelledMessage> messages) {
        return messages.stream().map(LabelledMessage::labelled).toList();
    }

    /** Every batch file of a test-resource directory, in name order. */
    static List<LabelledMessage> loadDirectory(String directory) {
        URL url = Corpus.class.getResource(directory);
        if (url == null) {
            throw new IllegalStateException("Missing corpus directory " + directory);
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            List<LabelledMessage> messages = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".jsonl"))
                    .sorted()
                    .toList()) {
                messages.addAll(load(directory + file.getFileName()));
            }
            return messages;
        } catch (IOException | URISyntaxException unreadable) {
            throw new IllegalStateException("Cannot list " + directory, unreadable);
        }
    }

    static List<LabelledMessage> load(String resource) {
        String batch = resource.substring(resource.lastIndexOf('/') + 1).replace(".jsonl", "");
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing corpus " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<LabelledMessage> messages = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    messages.add(parse(batch, JSON.readTree(line)));
                }
            }
            return messages;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static LabelledMessage parse(String batch, JsonNode node) {
        JsonNode category = node.get("category");
        return new LabelledMessage(
                batch,
                node.get("id").asText(),
                node.get("text").asText(),
                Label.fromWireName(node.get("label").asText()),
                category == null || category.isNull() ? null : Category.fromWireName(category.asText()));
    }
}
