package dev.ownership.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("command line")
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return Main.run(
                args,
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("--help and --version answer on stdout")
    void shouldPrintHelpAndVersion() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("serve")
                .contains("demo")
                .contains("classify")
                .contains("backup FILE");
        assertThat(run(Map.of(), "--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ownership ");
    }

    @Test
    @DisplayName("an unknown command or wrong arguments exit 2 with usage")
    void shouldRefuseUnknownCommands() {
        assertThat(run(Map.of(), "launch")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("unknown command 'launch'")
                .contains("Usage");
        assertThat(run(Map.of(), "backup")).isEqualTo(2);
    }

    @Test
    @DisplayName("serve with malformed configuration exits 2 with one line naming the variable")
    void shouldExitTwoOnMalformedConfiguration() {
        int code = run(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s", "PORT", "eighty"), "serve");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .startsWith("ownership: PORT:")
                .doesNotContain("\n");
    }

    @Test
    @DisplayName(".env.example copied as it is exits 2 with one line naming its first placeholder")
    void shouldRefuseTheExampleEnvironmentAsItIs() throws IOException {
        Map<String, String> env = new HashMap<>();
        Path example = Path.of("").toAbsolutePath().getParent().resolve(".env.example");
        for (String line : Files.readAllLines(example, StandardCharsets.UTF_8)) {
            int equals = line.indexOf('=');
            if (!line.isBlank() && !line.startsWith("#") && equals > 0) {
                env.put(
                        line.substring(0, equals).trim(),
                        line.substring(equals + 1).trim());
            }
        }
        assertThat(env).as("the uncommented lines of %s", example).containsKeys("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN");

        assertThat(run(env, "serve")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .startsWith("ownership: SLACK_APP_TOKEN: still a placeholder")
                .doesNotContain("\n");

        env.put("SLACK_APP_TOKEN", "xapp-1-real");
        err.reset();
        assertThat(run(env, "serve")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .startsWith("ownership: SLACK_BOT_TOKEN: still a placeholder")
                .doesNotContain("\n");
    }

    @Test
    @DisplayName("a lexicon file that cannot be read exits 2 naming OWNERSHIP_DETECTION_LEXICON")
    void shouldExitTwoOnBadLexicon() {
        assertThat(run(Map.of("OWNERSHIP_DETECTION_LEXICON", "/no/such/lexicon.json"), "classify"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("ownership: OWNERSHIP_DETECTION_LEXICON");
    }

    @Test
    @DisplayName("serve with a malformed examples file exits 2 with one line naming the variable and the problem")
    void shouldExitTwoOnMalformedExamples(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory)
            throws java.io.IOException {
        java.nio.file.Path examples = java.nio.file.Files.writeString(
                directory.resolve("examples.jsonl"), "{\"text\": \"stuck on CI\", \"label\": \"stuck\"}\n");
        int code = run(
                Map.of(
                        "SLACK_BOT_TOKEN", "xoxb-1",
                        "SLACK_SIGNING_SECRET", "s",
                        "OWNERSHIP_DETECTION_EXAMPLES", examples.toString()),
                "serve");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .startsWith("ownership: OWNERSHIP_DETECTION_EXAMPLES: ")
                .contains("line 1")
                .contains("Unknown label: stuck")
                .doesNotContain("\n");
    }

    @Test
    @DisplayName("train needs EXAMPLES and MODEL, and names the line of a malformed examples file")
    void shouldExplainTrainUsage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory)
            throws java.io.IOException {
        assertThat(run(Map.of(), "train", "examples.jsonl")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("train takes EXAMPLES and MODEL");
        err.reset();
        java.nio.file.Path examples =
                java.nio.file.Files.writeString(directory.resolve("examples.jsonl"), "{\"text\": \"stuck\"}\n");

        assertThat(run(
                        Map.of(),
                        "train",
                        examples.toString(),
                        directory.resolve("m.bin").toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .startsWith("ownership: ")
                .contains("line 1")
                .doesNotContain("\n");
        assertThat(directory.resolve("m.bin")).doesNotExist();
    }

    @Test
    @DisplayName("backup without a database says where it looked")
    void shouldExplainMissingDatabase() {
        assertThat(run(Map.of("OWNERSHIP_DB", "/no/such/ownership.db"), "backup", "/tmp/x.db"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("OWNERSHIP_DB")
                .contains("/no/such/ownership.db");
    }
}
