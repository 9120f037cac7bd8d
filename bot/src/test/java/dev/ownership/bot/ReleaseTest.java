package dev.ownership.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.bot.ops.MetricName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The release's version and the operator documents agree with the code: one version everywhere (the Maven project's),
 * every metric documented, one Compose command.
 */
@DisplayName("release and operator documents")
class ReleaseTest {
    private static Path root;
    private static String version;

    @BeforeAll
    static void readTheProjectVersion() throws Exception {
        root = Path.of("").toAbsolutePath().getParent();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document pom =
                factory.newDocumentBuilder().parse(root.resolve("pom.xml").toFile());
        version = pom.getDocumentElement()
                .getElementsByTagName("version")
                .item(0)
                .getTextContent()
                .trim();
        assertThat(version).as("the root pom's version").matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?");
    }

    private static String read(String file) throws IOException {
        return Files.readString(root.resolve(file), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("--version prints the Maven project version")
    void shouldPrintTheProjectVersion() {
        assertThat(Main.version()).isEqualTo(version);
    }

    @Test
    @DisplayName("the image is labelled with the same version by default")
    void shouldLabelTheImageWithTheProjectVersion() throws IOException {
        String dockerfile = read("Dockerfile");
        Matcher arg = Pattern.compile("(?m)^ARG VERSION=(\\S+)$").matcher(dockerfile);
        assertThat(arg.find()).as("ARG VERSION=… before the first FROM").isTrue();
        assertThat(arg.group(1)).isEqualTo(version);
        assertThat(dockerfile).contains("org.opencontainers.image.version=\"${VERSION}\"");
    }

    @Test
    @DisplayName("CHANGELOG.md has an Unreleased section and an entry for this version")
    void shouldHaveAChangelogEntry() throws IOException {
        String changelog = read("CHANGELOG.md");
        assertThat(changelog).contains("## [Unreleased]");
        assertThat(changelog).containsPattern("(?m)^## \\[" + Pattern.quote(version) + "\\] - \\d{4}-\\d{2}-\\d{2}$");
    }

    @Test
    @DisplayName("docs/OPERATIONS.md names every metric as Prometheus shows it")
    void shouldDocumentEveryMetric() throws IOException {
        String operations = read("docs/OPERATIONS.md");
        for (MetricName metric : MetricName.values()) {
            assertThat(operations)
                    .as("docs/OPERATIONS.md names %s", metric)
                    .contains("`" + metric.key().replace('.', '_'));
        }
    }

    @Test
    @DisplayName("README, OPERATIONS and docker-compose.yml give one Compose command")
    void shouldGiveOneComposeCommand() throws IOException {
        Pattern up = Pattern.compile("docker compose up[^`\\n]*");
        for (String file : List.of("README.md", "docs/OPERATIONS.md", "docker-compose.yml")) {
            Matcher command = up.matcher(read(file));
            int found = 0;
            while (command.find()) {
                found++;
                assertThat(command.group().strip()).as("in %s", file).isEqualTo("docker compose up -d --build");
            }
            assertThat(found).as("Compose commands in %s", file).isPositive();
        }
    }

    @Test
    @DisplayName("docker-compose.yml publishes the port on loopback only")
    void shouldPublishOnLoopback() throws IOException {
        assertThat(read("docker-compose.yml")).contains("- \"127.0.0.1:3000:3000\"");
    }
}
