package dev.ownership.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code manifest.yml} in step with what the code relies on: an app installed from it must grant every
 * scope the bot calls Slack with and deliver every event it listens to.
 *
 * <p>A feature that needs a new scope or event adds it to the constants below and to the manifest together.
 * The sets are compared exactly, so the manifest never asks a workspace for more than the code uses.
 */
@DisplayName("manifest.yml")
class ManifestTest {

    static final String COMMAND = "/ownership";

    static final Set<String> BOT_SCOPES = Set.of(
            "channels:history",
            "groups:history",
            "channels:read",
            "groups:read",
            "channels:join",
            "chat:write",
            "commands",
            "im:write",
            "users:read",
            "files:write",
            "team:read");

    static final Set<String> BOT_EVENTS = Set.of(
            "message.channels",
            "message.groups",
            "app_home_opened",
            "member_joined_channel",
            "member_left_channel",
            "user_change",
            "app_uninstalled",
            "tokens_revoked");

    private static final String MANIFEST_FILE = "manifest.yml";

    private static JsonNode manifest;

    @BeforeAll
    static void readManifest() throws IOException {
        manifest = new YAMLMapper().readTree(locateManifest().toFile());
    }

    @Test
    @DisplayName("declares the /ownership command, arriving escaped so that channels and users come as ids")
    void shouldDeclareTheEscapedCommand() {
        assertThat(commandNames()).contains(COMMAND);
        assertThat(ownershipCommand().path("should_escape").asBoolean(false))
                .as("should_escape of %s", COMMAND)
                .isTrue();
    }

    @Test
    @DisplayName("describes the /ownership command and hints at its usage")
    void shouldDescribeTheCommand() {
        assertThat(ownershipCommand().path("description").asText()).isNotBlank();
        assertThat(ownershipCommand().path("usage_hint").asText()).contains("help");
    }

    @Test
    @DisplayName("grants exactly the bot scopes the code uses")
    void shouldGrantTheBotScopes() {
        assertThat(texts("/oauth_config/scopes/bot"))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(BOT_SCOPES);
    }

    @Test
    @DisplayName("subscribes to exactly the bot events the code listens to")
    void shouldSubscribeToTheBotEvents() {
        assertThat(texts("/settings/event_subscriptions/bot_events"))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(BOT_EVENTS);
    }

    @Test
    @DisplayName("turns interactivity on, for buttons and modals")
    void shouldEnableInteractivity() {
        assertThat(manifest.at("/settings/interactivity/is_enabled").asBoolean(false))
                .isTrue();
    }

    @Test
    @DisplayName("runs in Socket Mode, with no request URL to expose")
    void shouldUseSocketMode() {
        assertThat(manifest.at("/settings/socket_mode_enabled").asBoolean(false))
                .isTrue();
        assertThat(manifest.at("/settings/event_subscriptions/request_url").isMissingNode())
                .as("event_subscriptions.request_url")
                .isTrue();
        assertThat(manifest.at("/settings/interactivity/request_url").isMissingNode())
                .as("interactivity.request_url")
                .isTrue();
        assertThat(ownershipCommand().path("url").isMissingNode())
                .as("url of %s", COMMAND)
                .isTrue();
    }

    @Test
    @DisplayName("shows the App Home tab")
    void shouldEnableTheHomeTab() {
        assertThat(manifest.at("/features/app_home/home_tab_enabled").asBoolean(false))
                .isTrue();
    }

    @Test
    @DisplayName("keeps the Messages tab read-only, since the bot does not read direct messages")
    void shouldKeepTheMessagesTabReadOnly() {
        assertThat(manifest.at("/features/app_home/messages_tab_read_only_enabled")
                        .asBoolean(false))
                .isTrue();
        assertThat(BOT_EVENTS).doesNotContain("message.im");
    }

    /**
     * Walks up from the working directory, which Maven sets to the module, and stops at the repository root
     * (the folder holding {@code .mvn}) so that no file outside the repository is ever read.
     */
    private static Path locateManifest() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(MANIFEST_FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            if (Files.isDirectory(dir.resolve(".mvn"))) {
                break;
            }
        }
        throw new IllegalStateException(
                "No " + MANIFEST_FILE + " between " + start + " and the repository root (the folder with .mvn)");
    }

    private static JsonNode ownershipCommand() {
        for (JsonNode command : manifest.at("/features/slash_commands")) {
            if (COMMAND.equals(command.path("command").asText())) {
                return command;
            }
        }
        throw new AssertionError("manifest.yml declares no " + COMMAND + " command");
    }

    private static List<String> commandNames() {
        List<String> names = new ArrayList<>();
        manifest.at("/features/slash_commands")
                .forEach(command -> names.add(command.path("command").asText()));
        return names;
    }

    private static List<String> texts(String pointer) {
        JsonNode array = manifest.at(pointer);
        assertThat(array.isArray()).as("%s is a list", pointer).isTrue();
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
