package dev.ownership.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("configuration")
class ConfigTest {
    private static Map<String, String> http() {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-123-secret");
        env.put("SLACK_SIGNING_SECRET", "shh");
        return env;
    }

    @Test
    @DisplayName("applies the documented defaults")
    void shouldApplyDefaults() {
        Config config = Config.fromEnvironment(http());

        assertThat(config.socketMode()).isFalse();
        assertThat(config.apiUrl()).isEqualTo("https://slack.com/api/");
        assertThat(config.port()).isEqualTo(3000);
        assertThat(config.database()).isEqualTo(Path.of("data/ownership.db"));
        assertThat(config.admins()).isEmpty();
        assertThat(config.nudgeGrace()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.nudgeDailyLimit()).isEqualTo(1);
        assertThat(config.retention()).isEqualTo(Duration.ofDays(180));
    }

    @Test
    @DisplayName("selects Socket Mode when an app token is set, without a signing secret")
    void shouldSelectSocketMode() {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-1");
        env.put("SLACK_APP_TOKEN", "xapp-1");

        assertThat(Config.fromEnvironment(env).socketMode()).isTrue();
    }

    @Test
    @DisplayName("reads every variable")
    void shouldReadEverything() {
        Map<String, String> env = http();
        env.put("SLACK_API_URL", "http://127.0.0.1:9999/api");
        env.put("PORT", "8080");
        env.put("OWNERSHIP_DB", "/tmp/x.db");
        env.put("OWNERSHIP_ADMINS", "U012ABC, W0ADMIN2");
        env.put("OWNERSHIP_NUDGE_GRACE", "PT2M");
        env.put("OWNERSHIP_NUDGE_DAILY_LIMIT", "3");
        env.put("OWNERSHIP_RETENTION", "P30D");

        Config config = Config.fromEnvironment(env);

        assertThat(config.apiUrl()).isEqualTo("http://127.0.0.1:9999/api/");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.admins()).containsExactlyInAnyOrder("U012ABC", "W0ADMIN2");
        assertThat(config.nudgeGrace()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.nudgeDailyLimit()).isEqualTo(3);
        assertThat(config.retention()).isEqualTo(Duration.ofDays(30));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "SLACK_BOT_TOKEN, xoxb-...",
        "SLACK_BOT_TOKEN, xoxb-…",
        "SLACK_BOT_TOKEN, xoxb-",
        "SLACK_BOT_TOKEN, xoxb-xxxx-xxxx",
        "SLACK_APP_TOKEN, xapp-...",
        "SLACK_APP_TOKEN, xapp-<token>"
    })
    @DisplayName("refuses a placeholder token, naming the variable")
    void shouldRefusePlaceholders(String variable, String placeholder) {
        Map<String, String> env = http();
        env.put("SLACK_APP_TOKEN", "xapp-1-real");
        env.put(variable, placeholder);

        assertThatThrownBy(() -> Config.fromEnvironment(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(variable + ": still a placeholder")
                .extracting(e -> ((ConfigException) e).variable())
                .isEqualTo(variable);
    }

    @Test
    @DisplayName("never shows tokens or the signing secret")
    void shouldMaskSecrets() {
        Map<String, String> env = http();
        env.put("SLACK_APP_TOKEN", "xapp-1-very-secret");

        String shown = Config.fromEnvironment(env).toString();

        assertThat(shown).contains("xoxb-****").contains("xapp-****");
        assertThat(shown)
                .doesNotContain("123-secret")
                .doesNotContain("very-secret")
                .doesNotContain("shh");
    }

    @Nested
    @DisplayName("refuses to start, naming the variable, when")
    class Refusals {
        @ParameterizedTest(name = "{0}={1}")
        @CsvSource({
            "SLACK_BOT_TOKEN, xoxp-user-token",
            "SLACK_APP_TOKEN, xoxb-wrong-kind",
            "SLACK_API_URL, ftp://example.com",
            "SLACK_API_URL, not a url",
            "PORT, 70000",
            "PORT, http",
            "OWNERSHIP_ADMINS, 'U012ABC,alice'",
            "OWNERSHIP_NUDGE_GRACE, 10 minutes",
            "OWNERSHIP_NUDGE_GRACE, -PT5M",
            "OWNERSHIP_NUDGE_DAILY_LIMIT, -1",
            "OWNERSHIP_NUDGE_DAILY_LIMIT, lots",
            "OWNERSHIP_RETENTION, P6M"
        })
        @DisplayName("a value is malformed")
        void shouldNameMalformedVariable(String variable, String value) {
            Map<String, String> env = http();
            env.put(variable, value);

            assertThatThrownBy(() -> Config.fromEnvironment(env))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(variable + ": ")
                    .extracting(e -> ((ConfigException) e).variable())
                    .isEqualTo(variable);
        }

        @Test
        @DisplayName("the bot token is missing")
        void shouldRequireBotToken() {
            Map<String, String> env = http();
            env.remove("SLACK_BOT_TOKEN");

            assertThatThrownBy(() -> Config.fromEnvironment(env)).hasMessageStartingWith("SLACK_BOT_TOKEN: required");
        }

        @Test
        @DisplayName("HTTP mode has no signing secret")
        void shouldRequireSigningSecretInHttpMode() {
            Map<String, String> env = http();
            env.remove("SLACK_SIGNING_SECRET");

            assertThatThrownBy(() -> Config.fromEnvironment(env))
                    .hasMessageStartingWith("SLACK_SIGNING_SECRET: required in HTTP mode");
        }
    }
}
