package dev.ownership.bot;

import static dev.ownership.bot.BotHarness.ADMIN;
import static dev.ownership.bot.BotHarness.ALICE;
import static dev.ownership.bot.BotHarness.LEAD;
import static dev.ownership.bot.BotHarness.STANDUP;
import static dev.ownership.bot.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.bot.config.Config;
import dev.ownership.simulator.EventDelivery;
import dev.ownership.simulator.Fault;
import dev.ownership.simulator.RecordedCall;
import dev.ownership.simulator.SimChannel;
import dev.ownership.simulator.SimUser;
import dev.ownership.simulator.SlackRequests;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("foundation, end to end through the simulator")
class FoundationEndToEndTest {
    @RegisterExtension
    final BotHarness harness = new BotHarness();

    @Test
    @DisplayName("answers Slack's url_verification challenge")
    void shouldAnswerUrlVerification() {
        HttpResponse<String> response =
                harness.slack().urlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    @DisplayName("/ownership help answers privately with the command table")
    void shouldAnswerHelpPrivately() {
        String help = harness.command(ALICE, STANDUP, "help");

        assertThat(help)
                .contains("/ownership learned TEXT")
                .contains("/ownership nudges off|on")
                .contains("/ownership pause")
                .doesNotContain("/ownership watch");
        RecordedCall answer = harness.sim().calls("response_url").get(0);
        assertThat(answer.param("response_type")).isEqualTo("ephemeral");
        assertThat(harness.sim().history(STANDUP)).isEmpty();
    }

    @Test
    @DisplayName("an unknown command gets a short private explanation")
    void shouldExplainUnknownCommand() {
        assertThat(harness.command(ALICE, STANDUP, "wacth")).contains("Did you mean `/ownership watch`");
    }

    @Nested
    @DisplayName("admin commands")
    class AdminCommands {
        @Test
        @DisplayName("watch joins the public channel and sets the team up with the admin's timezone")
        void shouldWatchAndJoin() {
            String answer = harness.command(ADMIN, STANDUP, "watch");

            assertThat(answer).contains("Now watching #standup").contains("Europe/Berlin");
            assertThat(harness.sim().calls("conversations.join")).hasSize(1);
            String again = harness.command(ADMIN, STANDUP, "watch");
            assertThat(again).contains("already watching");
        }

        @Test
        @DisplayName("watch explains how to invite the bot to a private channel")
        void shouldExplainPrivateChannel() {
            harness.sim().workspace().addChannel(SimChannel.privateChannel("G0SECRET1", "secret", ADMIN, ALICE));

            String answer = harness.command(ADMIN, "G0SECRET1", "watch");

            assertThat(answer).contains("/invite @ownership");
            assertThat(harness.command(ADMIN, STANDUP, "settings <#G0SECRET1|secret>"))
                    .contains("not watching");
        }

        @Test
        @DisplayName("leads and settings work with escaped and plain arguments")
        void shouldSetLeadsAndShowSettings() {
            harness.command(ADMIN, STANDUP, "watch");

            assertThat(harness.command(ADMIN, "D0ADMIN1", "leads <@" + LEAD + "|lee> <#" + STANDUP + "|standup>"))
                    .contains("Leads of #standup: <@" + LEAD + ">");
            assertThat(harness.command(ADMIN, STANDUP, "schedule hours 08:30-17:00"))
                    .contains("08:30–17:00");
            String settings = harness.command(ADMIN, "D0ADMIN1", "settings " + STANDUP);

            assertThat(settings)
                    .contains("Settings of #standup")
                    .contains("Timezone: Europe/Berlin")
                    .contains("Working days: mon-fri")
                    .contains("08:30–17:00")
                    .contains("Leads: @" + LEAD);
        }

        @Test
        @DisplayName("are refused for a non-admin, and nothing changes")
        void shouldRefuseNonAdmin() {
            String refused = harness.command(ALICE, STANDUP, "watch");

            assertThat(refused)
                    .contains("Starting to watch a new channel is up to an Ownership admin")
                    .doesNotContain("OWNERSHIP_ADMINS");
            assertThat(harness.sim().calls("conversations.join")).isEmpty();
            assertThat(harness.command(ADMIN, STANDUP, "settings")).contains("not watching");
            harness.command(ADMIN, STANDUP, "watch");
            assertThat(harness.command(ALICE, STANDUP, "leads <@" + ALICE + ">"))
                    .contains("Only the people who look after #standup")
                    .contains("ask <@" + ADMIN + ">, who set up #standup");
            assertThat(harness.command(ADMIN, STANDUP, "settings")).contains("Leads: none yet");
        }
    }

    @Nested
    @DisplayName("hostile requests")
    class HostileRequests {
        private final HttpClient http = HttpClient.newHttpClient();

        private HttpResponse<String> signed(String body, long timestamp) {
            return harness.slack()
                    .postSigned(body.getBytes(StandardCharsets.UTF_8), "application/json", timestamp, Map.of());
        }

        private String event() {
            return "{\"type\":\"event_callback\",\"event_id\":\"Ev0HOSTILE\",\"team_id\":\"T0SIM\","
                    + "\"event\":{\"type\":\"message\",\"channel\":\"" + STANDUP + "\",\"user\":\"" + ALICE
                    + "\",\"text\":\"hi\",\"ts\":\"1.0\"}}";
        }

        @Test
        @DisplayName(
                "forged, stale, oversized and malformed requests get 401, 401, 413 and 400, and the bot stays healthy")
        void shouldRejectHostileRequests() throws Exception {
            long now = System.currentTimeMillis() / 1000;
            SlackRequests forger = new SlackRequests(
                    URI.create("http://127.0.0.1:" + harness.bot().port() + "/slack/events"),
                    "not-the-secret",
                    harness.sim(),
                    Clock.systemUTC());

            assertThat(forger.urlVerification("x").statusCode()).isEqualTo(401);
            assertThat(signed(event(), now - 600).statusCode()).isEqualTo(401);
            assertThat(signed(event(), now + 600).statusCode()).isEqualTo(401);
            assertThat(harness.slack()
                            .post(event().getBytes(StandardCharsets.UTF_8), "application/json", Map.of())
                            .statusCode())
                    .isEqualTo(401);
            byte[] huge = new byte[1024 * 1024 + 1];
            java.util.Arrays.fill(huge, (byte) 'a');
            assertThat(harness.slack()
                            .postSigned(huge, "application/json", now, Map.of())
                            .statusCode())
                    .isEqualTo(413);
            assertThat(signed("{\"type\":\"event_callback\",\"event\":", now).statusCode())
                    .isEqualTo(400);
            assertThat(harness.slack()
                            .postSigned(
                                    new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}, "application/json", now, Map.of())
                            .statusCode())
                    .isEqualTo(400);

            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://127.0.0.1:" + harness.bot().port() + "/healthz"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(harness.command(ALICE, STANDUP, "help")).contains("/ownership");
        }
    }

    @Test
    @DisplayName("serves Prometheus metrics with requests by type and outcome")
    void shouldServeMetrics() throws Exception {
        harness.command(ALICE, STANDUP, "help");

        HttpResponse<String> metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + harness.bot().port() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("ownership_requests_total{outcome=\"ok\",type=\"command\"}")
                .contains("ownership_ack_latency_seconds")
                .contains("ownership_slack_api_calls_total");
    }

    @Test
    @DisplayName("a Web API 429 is answered by waiting for Retry-After, then the command completes")
    void shouldWaitForRetryAfter() {
        harness.sim().faults().failNext("users.info", Fault.rateLimited(1));

        String answer = harness.command(ADMIN, STANDUP, "watch");

        assertThat(answer).contains("Now watching");
        assertThat(harness.sim().calls("users.info"))
                .extracting(RecordedCall::httpStatus)
                .startsWith(429, 200);
    }

    @Test
    @DisplayName("a retried event is processed once, also after a restart")
    void shouldProcessRetriedEventOnce() {
        harness.watchStandup();
        EventDelivery post = harness.slack().message(STANDUP, ALICE, "*Blockers:* waiting on the security review");
        assertThat(post.status()).isEqualTo(200);
        assertThat(harness.slack().redeliver(post, 1, "http_timeout").statusCode())
                .isEqualTo(200);

        harness.restart();
        assertThat(harness.slack().redeliver(post, 2, "http_timeout").statusCode())
                .isEqualTo(200);
        harness.advance(Duration.ofMinutes(11));

        harness.sim().awaitCall("chat.postMessage", call -> ALICE.equals(call.param("channel")), WAIT);
        harness.probe().awaitDueWorkPass(WAIT);
        assertThat(harness.sim().dmsTo(ALICE)).hasSize(1);
    }

    @Test
    @DisplayName("Slack's three retries, minutes apart and after the nudge went out, have one effect")
    void shouldIgnoreRetriesMinutesLater() throws Exception {
        harness.watchStandup();
        harness.sim().workspace().addUser(SimUser.person("U0DANA001", "dana", "Europe/Berlin"));
        EventDelivery post = harness.slack().message(STANDUP, ALICE, "*Blockers:* waiting on the security review");
        EventDelivery joined = harness.slack().memberJoined(STANDUP, "U0DANA001");
        assertThat(post.status()).isEqualTo(200);
        assertThat(joined.status()).isEqualTo(200);

        // Slack retries at once, after a minute and after five: here the last one comes after the nudge.
        harness.advance(Duration.ofMinutes(1));
        assertThat(harness.slack().redeliver(post, 1, "http_timeout").statusCode())
                .isEqualTo(200);
        assertThat(harness.slack().redeliver(joined, 1, "http_timeout").statusCode())
                .isEqualTo(200);
        harness.advance(Duration.ofMinutes(5));
        assertThat(harness.slack().redeliver(post, 2, "http_timeout").statusCode())
                .isEqualTo(200);
        assertThat(harness.slack().redeliver(joined, 2, "http_timeout").statusCode())
                .isEqualTo(200);
        harness.advance(Duration.ofMinutes(5));
        harness.sim().awaitCall("chat.postMessage", call -> ALICE.equals(call.param("channel")), WAIT);
        assertThat(harness.slack().redeliver(post, 3, "http_timeout").statusCode())
                .isEqualTo(200);
        assertThat(harness.slack().redeliver(joined, 3, "http_timeout").statusCode())
                .isEqualTo(200);
        harness.advance(Duration.ofMinutes(15));

        assertThat(harness.sim().dmsTo(ALICE)).hasSize(1);
        String metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + harness.bot().port() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        // The join's retries are recognised by its event id; the post's by its channel and ts, in the write itself.
        assertThat(metrics).containsPattern("(?m)^ownership_events_duplicates_total(\\{[^}]*})? 3\\.0$");
        try (var connection = DriverManager.getConnection(
                        "jdbc:sqlite:" + harness.directory().resolve("ownership.db"));
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery("SELECT count(*) FROM standup_posts WHERE user_id = '" + ALICE + "'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("backup writes a readable copy while the bot runs")
    void shouldBackUpWhileRunning() throws Exception {
        harness.watchStandup();
        Path copy = harness.directory().resolve("backup/copy.db");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = Main.run(
                new String[] {"backup", copy.toString()},
                Map.of(Config.OWNERSHIP_DB, harness.environment().get(Config.OWNERSHIP_DB)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(code).isZero();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + copy);
                ResultSet rows = connection.createStatement().executeQuery("SELECT channel_name FROM teams")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("standup");
        }
        assertThat(harness.command(ALICE, STANDUP, "help")).contains("/ownership");
    }

    @Test
    @DisplayName("acknowledges every event, subtype and interaction, handled or not")
    void shouldAcknowledgeEverything() {
        harness.watchStandup();
        assertThat(harness.slack().channelJoin(STANDUP, ALICE).status()).isEqualTo(200);
        assertThat(harness.slack().memberJoined(STANDUP, ALICE).status()).isEqualTo(200);
        assertThat(harness.slack().memberLeft(STANDUP, ALICE).status()).isEqualTo(200);
        assertThat(harness.slack().appHomeOpened(ALICE).status()).isEqualTo(200);
        assertThat(harness.slack().userChange(ALICE).status()).isEqualTo(200);
        var botPost = harness.slack().botMessage(STANDUP, "deploy finished");
        assertThat(botPost.status()).isEqualTo(200);
        var tokensRevoked = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        tokensRevoked.put("type", "tokens_revoked").put("event_ts", "1.0");
        assertThat(harness.slack().event(tokensRevoked).status()).isEqualTo(200);
        String linkClick = "{\"type\":\"block_actions\",\"user\":{\"id\":\"" + ALICE + "\"},\"team\":{\"id\":"
                + "\"T0SIM\"},\"api_app_id\":\"A0SIM\",\"trigger_id\":\"1.2.3\",\"actions\":[{\"type\":\"button\","
                + "\"action_id\":\"some_link_button\",\"block_id\":\"b\",\"value\":\"x\",\"action_ts\":\"1.0\"}],"
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"" + botPost.ts() + "\",\"channel_id\":\""
                + STANDUP + "\"},\"channel\":{\"id\":\"" + STANDUP + "\"}}";
        byte[] form = ("payload=" + java.net.URLEncoder.encode(linkClick, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(harness.slack()
                        .postSigned(
                                form, "application/x-www-form-urlencoded", System.currentTimeMillis() / 1000, Map.of())
                        .statusCode())
                .isEqualTo(200);
    }
}
