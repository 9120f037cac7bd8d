package dev.ownership.bot.detection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("classify command")
class ClassifyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BlockerDetector DETECTOR = BlockerDetector.withDefaultLexicon();

    private static List<JsonNode> run(String input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exitCode =
                ClassifyCommand.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, DETECTOR);
        assertThat(exitCode).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException unreadable) {
                    throw new UncheckedIOException(unreadable);
                }
            }
        }
        return lines;
    }

    @Test
    void shouldAnswerOneLinePerInputInOrder() {
        List<JsonNode> answers = run(
                """
                {"id": 1, "text": "*Blockers:* none"}
                {"id": "b", "text": "Blocked on review for #412, will wait."}
                {"id": 3, "text": "Blocked on review for #412. <@U10|anna> could you review it today?"}
                """);

        assertThat(answers).hasSize(3);
        assertThat(answers.get(0).get("id").asInt()).isEqualTo(1);
        assertThat(answers.get(0).get("label").asText()).isEqualTo("none");
        assertThat(answers.get(0).get("category").isNull()).isTrue();
        assertThat(answers.get(1).get("id").asText()).isEqualTo("b");
        assertThat(answers.get(1).get("label").asText()).isEqualTo("blocker_without_proposal");
        assertThat(answers.get(1).get("category").asText()).isEqualTo("review_pending");
        assertThat(answers.get(2).get("label").asText()).isEqualTo("blocker_with_proposal");
        assertThat(answers.get(2).get("reasons").isArray()).isTrue();
        assertThat(answers.get(2).get("reasons")).isNotEmpty();
    }

    @Test
    void shouldAnswerABadJsonLineWithAnErrorAndGoOn() {
        List<JsonNode> answers = run(
                """
                {"id": 1, "text": "no blockers"}
                {not json
                {"id": 3, "text": "no blockers"}
                """);

        assertThat(answers).hasSize(3);
        assertThat(answers.get(1).get("id").isNull()).isTrue();
        assertThat(answers.get(1).get("error").asText()).contains("malformed JSON");
        assertThat(answers.get(2).get("id").asInt()).isEqualTo(3);
    }

    @Test
    void shouldKeepTheIdWhenTheTextIsMissing() {
        List<JsonNode> answers = run(
                """
                {"id": "x-7"}
                {"id": "x-8", "text": 42}
                [1, 2]
                """);

        assertThat(answers).hasSize(3);
        assertThat(answers.get(0).get("id").asText()).isEqualTo("x-7");
        assertThat(answers.get(0).get("error").asText()).contains("text");
        assertThat(answers.get(1).get("id").asText()).isEqualTo("x-8");
        assertThat(answers.get(2).get("id").isNull()).isTrue();
        assertThat(answers.get(2).has("label")).isFalse();
    }

    @Test
    void shouldSkipBlankLinesAndReadUtf8() {
        List<JsonNode> answers = run("\n   \n{\"id\": \"ü\", \"text\": \"Blockers: none ✅ — alles gut\"}\n\n");

        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).get("id").asText()).isEqualTo("ü");
        assertThat(answers.get(0).get("label").asText()).isEqualTo("none");
    }

    @Test
    void shouldAnswerNothingForNoInput() {
        assertThat(run("")).isEmpty();
    }
}
