package dev.ownership.bot.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("lexicon")
class LexiconTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEW_CUE_MESSAGE = "Snagged on the partner sandbox since Monday";

    @TempDir
    Path directory;

    private static ObjectNode defaultLexicon() throws IOException {
        try (InputStream in = LexiconTest.class.getResourceAsStream("/detection/lexicon.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private Path write(ObjectNode lexicon) throws IOException {
        Path file = directory.resolve("lexicon.json");
        JSON.writeValue(file.toFile(), lexicon);
        return file;
    }

    private Path lexiconWithNewCue() throws IOException {
        ObjectNode lexicon = defaultLexicon();
        ObjectNode family = ((ArrayNode) lexicon.get("blockerCues")).addObject();
        family.put("kind", "explicit");
        family.putNull("category");
        family.put("weight", 0);
        family.putArray("phrases").add("snagged");
        return write(lexicon);
    }

    @Nested
    @DisplayName("an operator can override it")
    class Override {

        @Test
        void shouldUseTheCuesOfAnOverrideFile() throws IOException {
            assertThat(BlockerDetector.rulesOnly().classify(NEW_CUE_MESSAGE).isBlocker())
                    .isFalse();
            assertThat(BlockerDetector.fromLexicon(lexiconWithNewCue())
                            .withoutModel()
                            .classify(NEW_CUE_MESSAGE)
                            .isBlocker())
                    .isTrue();
        }

        @Test
        void shouldReadTheFileNamedByTheEnvironment() throws IOException {
            Map<String, String> env =
                    Map.of(BlockerDetector.LEXICON_VARIABLE, lexiconWithNewCue().toString());
            assertThat(BlockerDetector.fromEnvironment(env)
                            .withoutModel()
                            .classify(NEW_CUE_MESSAGE)
                            .isBlocker())
                    .isTrue();
        }

        @Test
        void shouldUseTheDefaultWhenTheVariableIsUnsetOrBlank() {
            assertThat(BlockerDetector.fromEnvironment(Map.of())
                            .classify("Blockers: none")
                            .label())
                    .isEqualTo(Label.NONE);
            assertThat(BlockerDetector.fromEnvironment(Map.of(BlockerDetector.LEXICON_VARIABLE, " "))
                            .classify("stuck on the flaky test, any ideas?")
                            .label())
                    .isEqualTo(Label.BLOCKER_WITHOUT_PROPOSAL);
        }

        @Test
        void shouldNameTheVariableWhenItsFileIsMissing() {
            Map<String, String> env = Map.of(BlockerDetector.LEXICON_VARIABLE, "/no/such/lexicon.json");
            assertThatThrownBy(() -> BlockerDetector.fromEnvironment(env))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(BlockerDetector.LEXICON_VARIABLE);
        }

        @Test
        void shouldNameTheVariableWhenItsFileIsInvalid() throws IOException {
            Path broken = Files.writeString(directory.resolve("broken.json"), "{\"thresholds\": ");
            Map<String, String> env = Map.of(BlockerDetector.LEXICON_VARIABLE, broken.toString());
            assertThatThrownBy(() -> BlockerDetector.fromEnvironment(env))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(BlockerDetector.LEXICON_VARIABLE)
                    .hasMessageContaining("malformed JSON");
        }
    }

    @Nested
    @DisplayName("a lexicon file is checked when it is read")
    class Validation {

        @Test
        void shouldRefuseAnUnknownKey() throws IOException {
            ObjectNode lexicon = defaultLexicon();
            lexicon.putArray("negations");
            Path file = write(lexicon);
            assertThatThrownBy(() -> BlockerDetector.fromLexicon(file))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown key 'negations'");
        }

        @Test
        void shouldRefuseAMissingKey() throws IOException {
            ObjectNode lexicon = defaultLexicon();
            lexicon.remove("passive");
            Path file = write(lexicon);
            assertThatThrownBy(() -> BlockerDetector.fromLexicon(file))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("missing 'passive'");
        }

        @Test
        void shouldRefuseAPhraseWithAnUnknownWordClass() throws IOException {
            ObjectNode lexicon = defaultLexicon();
            ((ArrayNode) lexicon.get("negation")).add("no {nonsense}");
            Path file = write(lexicon);
            assertThatThrownBy(() -> BlockerDetector.fromLexicon(file))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("{nonsense}");
        }

        @Test
        void shouldRefuseAnUnknownCueKind() throws IOException {
            ObjectNode lexicon = defaultLexicon();
            ((ObjectNode) lexicon.get("blockerCues").get(0)).put("kind", "loud");
            Path file = write(lexicon);
            assertThatThrownBy(() -> BlockerDetector.fromLexicon(file))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("loud");
        }
    }
}
