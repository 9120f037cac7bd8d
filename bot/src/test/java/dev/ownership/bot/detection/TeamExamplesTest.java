package dev.ownership.bot.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team with a house style of its own (emoji-keyed lines, trucking slang for being blocked and for next steps) that no
 * training batch uses. A few dozen of its posts, given as {@value BlockerDetector#EXAMPLES_VARIABLE}, must improve the
 * team's other posts without hurting everyone else's.
 */
@DisplayName("a team teaches the detector its own language")
class TeamExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXAMPLES = 45;

    @Nested
    @DisplayName("with a few dozen labelled examples")
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Taught {

        private final List<Corpus.LabelledMessage> team = Corpus.load("/detection/team/E1A.jsonl");
        private final List<Corpus.LabelledMessage> examples = team.subList(0, EXAMPLES);
        private final List<LabelledText> heldBack = Corpus.labelled(team.subList(EXAMPLES, team.size()));
        private final List<LabelledText> validation = Corpus.labelled(Corpus.validation());
        private final BlockerDetector builtIn = BlockerDetector.withDefaultLexicon();
        private BlockerDetector taught;

        @BeforeAll
        void teach(@TempDir Path directory) throws IOException {
            Path file = directory.resolve("examples.jsonl");
            List<String> lines = new ArrayList<>();
            for (Corpus.LabelledMessage example : examples) {
                ObjectNode line = JSON.createObjectNode();
                line.put("text", example.text());
                line.put("label", example.label().wireName());
                lines.add(JSON.writeValueAsString(line));
            }
            Files.write(file, lines, StandardCharsets.UTF_8);
            taught = BlockerDetector.fromEnvironment(Map.of(BlockerDetector.EXAMPLES_VARIABLE, file.toString()));
        }

        @Test
        void shouldImproveTheTeamsOtherPosts() {
            CorpusMetrics before = CorpusMetrics.measure(builtIn, heldBack);
            CorpusMetrics after = CorpusMetrics.measure(taught, heldBack);
            System.out.println(before.summary("team style, built-in model"));
            System.out.println(after.summary("team style, taught with " + EXAMPLES + " examples"));
            // With 8,700 corpus messages the built-in model already reads this team fairly well; the examples add a
            // little on its other posts (docs/BENCHMARKS.md), and the test holds them to that.
            assertThat(after.accuracy()).isGreaterThan(before.accuracy());
            assertThat(after.missedNudgeRate()).isLessThanOrEqualTo(before.missedNudgeRate());
            assertThat(after.falseNudgeRate()).isLessThanOrEqualTo(before.falseNudgeRate());
        }

        @Test
        void shouldLearnTheExamplesThemselves() {
            List<LabelledText> given = Corpus.labelled(examples);
            CorpusMetrics before = CorpusMetrics.measure(builtIn, given);
            CorpusMetrics after = CorpusMetrics.measure(taught, given);
            assertThat(after.accuracy()).isGreaterThan(before.accuracy()).isGreaterThanOrEqualTo(0.95);
        }

        @Test
        void shouldNotHurtEveryoneElse() {
            CorpusMetrics before = CorpusMetrics.measure(builtIn, validation);
            CorpusMetrics after = CorpusMetrics.measure(taught, validation);
            System.out.println(after.summary("validation, taught"));
            assertThat(after.macroF1()).isGreaterThanOrEqualTo(before.macroF1() - 0.01);
            assertThat(after.falseNudgeRate()).isLessThanOrEqualTo(before.falseNudgeRate() + 0.01);
        }
    }

    @Nested
    @DisplayName("a file that cannot be used")
    class Malformed {

        @TempDir
        Path directory;

        @Test
        void shouldNameTheVariableTheFileAndTheLine() throws IOException {
            Path file = directory.resolve("examples.jsonl");
            Files.writeString(
                    file,
                    "{\"text\": \"blocked on review\", \"label\": \"blocker_without_proposal\"}\n"
                            + "{\"text\": \"all good\", \"label\": \"fine\"}\n");
            assertThatThrownBy(() -> BlockerDetector.checkEnvironment(
                            Map.of(BlockerDetector.EXAMPLES_VARIABLE, file.toString())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(BlockerDetector.EXAMPLES_VARIABLE + ": ")
                    .hasMessageContaining("line 2")
                    .hasMessageContaining("fine");
        }

        @Test
        void shouldRefuseAMissingFile() {
            assertThatThrownBy(() -> BlockerDetector.checkEnvironment(Map.of(
                            BlockerDetector.EXAMPLES_VARIABLE,
                            directory.resolve("nope.jsonl").toString())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(BlockerDetector.EXAMPLES_VARIABLE + ": cannot read");
        }

        @Test
        void shouldRefuseAnEmptyFileAndAnUnknownKey() throws IOException {
            Path empty = Files.writeString(directory.resolve("empty.jsonl"), "\n");
            Path typo = Files.writeString(directory.resolve("typo.jsonl"), "{\"text\": \"x\", \"lable\": \"none\"}\n");
            assertThatThrownBy(() -> BlockerDetector.checkEnvironment(
                            Map.of(BlockerDetector.EXAMPLES_VARIABLE, empty.toString())))
                    .hasMessageContaining("holds no examples");
            assertThatThrownBy(() -> BlockerDetector.checkEnvironment(
                            Map.of(BlockerDetector.EXAMPLES_VARIABLE, typo.toString())))
                    .hasMessageContaining("unknown key \"lable\"");
        }

        @Test
        void shouldRefuseTextAfterTheObjectOnALine() throws IOException {
            Path glued = Files.writeString(
                    directory.resolve("glued.jsonl"),
                    "{\"text\": \"a\", \"label\": \"none\"}{\"text\": \"b\", \"label\": \"none\"}\n");
            assertThatThrownBy(() -> BlockerDetector.checkEnvironment(
                            Map.of(BlockerDetector.EXAMPLES_VARIABLE, glued.toString())))
                    .hasMessageContaining("line 1: not JSON");
        }

        @Test
        void shouldRefuseANudgeConfidenceOutsideZeroToOne() {
            assertThatThrownBy(
                            () -> BlockerDetector.checkEnvironment(Map.of(BlockerDetector.CONFIDENCE_VARIABLE, "1.5")))
                    .hasMessageStartingWith(BlockerDetector.CONFIDENCE_VARIABLE + ": expected a number from 0 to 1");
            assertThat(BlockerDetector.fromEnvironment(Map.of(BlockerDetector.CONFIDENCE_VARIABLE, "0.9"))
                            .nudgeConfidence())
                    .isEqualTo(0.9);
        }
    }
}
