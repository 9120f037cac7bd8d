package dev.ownership.bot.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("train EXAMPLES MODEL, then OWNERSHIP_DETECTION_MODEL")
class TrainCommandTest {

    @TempDir
    Path directory;

    @Test
    void shouldWriteTheModelThatTrainingAtStartWouldBuild() throws IOException {
        Path examples = directory.resolve("examples.jsonl");
        List<String> lines = Files.readAllLines(
                        Path.of("src/test/resources/detection/team/E1A.jsonl"), StandardCharsets.UTF_8)
                .subList(0, 20);
        Files.write(examples, lines, StandardCharsets.UTF_8);
        Path model = directory.resolve("team-model.bin");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int code = TrainCommand.trainExamples(
                Map.of(), examples, model, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(code).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("20 of your examples")
                .contains(BlockerDetector.MODEL_VARIABLE + "=");
        BlockerDetector loaded =
                BlockerDetector.fromEnvironment(Map.of(BlockerDetector.MODEL_VARIABLE, model.toString()));
        BlockerDetector trainedAtStart =
                BlockerDetector.fromEnvironment(Map.of(BlockerDetector.EXAMPLES_VARIABLE, examples.toString()));
        for (Corpus.LabelledMessage message :
                Corpus.load("/detection/team/E1A.jsonl").subList(20, 60)) {
            assertThat(loaded.classify(message.text()))
                    .as(message.id())
                    .isEqualTo(trainedAtStart.classify(message.text()));
        }
    }

    @Test
    void shouldRefuseAFileThatIsNotAModel() throws IOException {
        Path garbage = Files.writeString(directory.resolve("model.bin"), "not a model");

        assertThatThrownBy(() ->
                        BlockerDetector.checkEnvironment(Map.of(BlockerDetector.MODEL_VARIABLE, garbage.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(BlockerDetector.MODEL_VARIABLE + ": cannot use ")
                .hasMessageContaining("train EXAMPLES MODEL")
                .hasMessageNotContaining("\n");
    }

    @Test
    void shouldRefuseAModelAndExamplesTogether() throws IOException {
        Path examples = Files.writeString(
                directory.resolve("examples.jsonl"),
                "{\"text\": \"blocked on CI\", \"label\": \"blocker_without_proposal\"}\n");
        Path model = directory.resolve("model.bin");
        try (var file = Files.newOutputStream(model)) {
            BlockerDetector.builtInModel().write(file);
        }

        assertThatThrownBy(() -> BlockerDetector.checkEnvironment(Map.of(
                        BlockerDetector.MODEL_VARIABLE, model.toString(),
                        BlockerDetector.EXAMPLES_VARIABLE, examples.toString())))
                .hasMessageContaining("set only one");
    }
}
