package dev.ownership.bot.slack;

import static dev.ownership.bot.BotHarness.ALICE;
import static dev.ownership.bot.BotHarness.SECRET;
import static dev.ownership.bot.BotHarness.STANDUP;
import static dev.ownership.bot.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import dev.ownership.bot.BotHarness;
import dev.ownership.simulator.EventDelivery;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("hostile requests to /slack/events")
class HostileInputTest {
    @RegisterExtension
    final BotHarness harness = new BotHarness();

    private final HttpClient http = HttpClient.newHttpClient();

    private long now() {
        return System.currentTimeMillis() / 1000;
    }

    private HttpResponse<String> signed(String body, String contentType) {
        return harness.slack().postSigned(body.getBytes(StandardCharsets.UTF_8), contentType, now(), Map.of());
    }

    private static String event(String id, String text) {
        return "{\"type\":\"event_callback\",\"event_id\":\"" + id
                + "\",\"team_id\":\"T0SIM\",\"api_app_id\":\"A0SIM\","
                + "\"event\":{\"type\":\"message\",\"channel\":\"" + STANDUP + "\",\"user\":\"" + ALICE
                + "\",\"text\":\"" + text + "\",\"ts\":\"1795420000.000100\",\"channel_type\":\"channel\"}}";
    }

    @AfterEach
    void stillHealthy() throws Exception {
        HttpResponse<String> health = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + harness.bot().port() + "/healthz"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(harness.command(ALICE, STANDUP, "help")).contains("/ownership");
    }

    @Test
    @DisplayName("timestamps more than five minutes off either way are refused")
    void shouldRefuseSkewedTimestamps() {
        byte[] body = event("Ev1", "hi").getBytes(StandardCharsets.UTF_8);

        assertThat(harness.slack()
                        .postSigned(body, "application/json", now() - 301, Map.of())
                        .statusCode())
                .isEqualTo(401);
        assertThat(harness.slack()
                        .postSigned(body, "application/json", now() + 301, Map.of())
                        .statusCode())
                .isEqualTo(401);
        assertThat(harness.slack()
                        .postSigned(body, "application/json", now() - 10, Map.of())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("a signature over other bytes, or a missing or garbled header, is refused")
    void shouldRefuseBadSignatures() {
        String body = event("Ev2", "hi");
        long timestamp = now();
        String signature = new SlackSignature.Generator(SECRET).generate(Long.toString(timestamp), body);
        Map<String, String> headers =
                Map.of("X-Slack-Request-Timestamp", Long.toString(timestamp), "X-Slack-Signature", signature);

        assertThat(harness.slack()
                        .post(event("Ev2", "tampered").getBytes(StandardCharsets.UTF_8), "application/json", headers)
                        .statusCode())
                .isEqualTo(401);
        assertThat(harness.slack()
                        .post(
                                body.getBytes(StandardCharsets.UTF_8),
                                "application/json",
                                Map.of("X-Slack-Request-Timestamp", "soon", "X-Slack-Signature", signature))
                        .statusCode())
                .isEqualTo(401);
        assertThat(harness.slack()
                        .post(
                                body.getBytes(StandardCharsets.UTF_8),
                                "application/json",
                                Map.of(
                                        "X-Slack-Request-Timestamp",
                                        Long.toString(timestamp),
                                        "X-Slack-Signature",
                                        "v0=00"))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    @DisplayName("a replayed body has one effect")
    void shouldIgnoreReplays() {
        harness.watchStandup();
        EventDelivery post = harness.slack().message(STANDUP, ALICE, "*Blockers:* waiting on the data team");
        for (int i = 0; i < 3; i++) {
            assertThat(harness.slack().redeliver(post, i + 1, "http_timeout").statusCode())
                    .isEqualTo(200);
        }
        harness.advance(Duration.ofMinutes(11));
        harness.sim().awaitCall("chat.postMessage", call -> ALICE.equals(call.param("channel")), WAIT);
        harness.advance(Duration.ofMinutes(1));

        assertThat(harness.sim().dmsTo(ALICE)).hasSize(1);
    }

    @Test
    @DisplayName("a body over 1 MiB is refused with 413, with or without a Content-Length")
    void shouldRefuseHugeBodies() throws Exception {
        byte[] huge = new byte[1024 * 1024 + 10];
        java.util.Arrays.fill(huge, (byte) ' ');

        assertThat(harness.slack()
                        .postSigned(huge, "application/json", now(), Map.of())
                        .statusCode())
                .isEqualTo(413);
        HttpResponse<String> chunked = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + harness.bot().port() + "/slack/events"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "multipart/form-data; boundary=x"})
    @DisplayName("content types Slack never sends are refused with 415")
    void shouldRefuseWrongContentTypes(String contentType) {
        assertThat(signed(event("Ev3", "hi"), contentType).statusCode()).isEqualTo(415);
    }

    @Test
    @DisplayName("truncated, non-Slack, deeply nested and huge JSON get 400 or a harmless ack, never a crash")
    void shouldSurviveStrangeJson() {
        assertThat(signed(event("Ev4", "hi").substring(0, 60), "application/json")
                        .statusCode())
                .isEqualTo(400);
        assertThat(signed("{\"hello\":\"world\"}", "application/json").statusCode())
                .isEqualTo(400);
        assertThat(signed("[]", "application/json").statusCode()).isEqualTo(400);
        assertThat(signed("payload=%7Bnot-json", "application/x-www-form-urlencoded")
                        .statusCode())
                .isEqualTo(400);
        String nested = "{\"type\":\"event_callback\",\"event_id\":\"Ev5\",\"event\":{\"type\":\"message\",\"x\":"
                + "[".repeat(20_000) + "]".repeat(20_000) + "}}";
        assertThat(signed(nested, "application/json").statusCode()).isIn(200, 400);
        String big = event("Ev6", "x".repeat(900_000));
        assertThat(signed(big, "application/json").statusCode()).isEqualTo(200);
    }
}
