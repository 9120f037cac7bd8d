package dev.ownership.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ownership.bot.config.Config;
import dev.ownership.simulator.CommandReply;
import dev.ownership.simulator.EventDelivery;
import dev.ownership.simulator.ManualClock;
import dev.ownership.simulator.SimChannel;
import dev.ownership.simulator.SimUser;
import dev.ownership.simulator.SlackRequests;
import dev.ownership.simulator.SlackSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Socket Mode, end to end through the simulator")
class SocketModeEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ADMIN = "U0ADMIN1";
    private static final String ALICE = "U0ALICE1";
    private static final String STANDUP = "C0STANDUP";

    @TempDir
    Path directory;

    private SlackSimulator sim;
    private Application bot;
    private ManualClock clock;

    @BeforeEach
    void start() {
        clock = new ManualClock(BotHarness.MONDAY_MORNING);
        sim = SlackSimulator.start(clock);
        sim.workspace().addUser(SimUser.person(ADMIN, "ada", "Europe/Berlin").asAdmin());
        sim.workspace().addUser(SimUser.person(ALICE, "alice", "Europe/Berlin"));
        sim.workspace().addChannel(SimChannel.publicChannel(STANDUP, "standup", ADMIN, ALICE));
        sim.socketMode();
        Map<String, String> env = new HashMap<>();
        env.put(Config.SLACK_BOT_TOKEN, SlackSimulator.BOT_TOKEN);
        env.put(Config.SLACK_APP_TOKEN, SlackSimulator.APP_TOKEN);
        env.put(Config.SLACK_API_URL, sim.apiUrl());
        env.put(Config.PORT, "0");
        env.put(Config.OWNERSHIP_DB, directory.resolve("ownership.db").toString());
        bot = Application.start(
                Config.fromEnvironment(env),
                clock,
                new Application.Options(Duration.ofMillis(40), Duration.ofMillis(20), 4, env));
    }

    @AfterEach
    void stop() {
        bot.close();
        sim.close();
    }

    @Test
    @DisplayName("connects through apps.connections.open, and acks commands and events it then handles")
    void shouldReceiveAndAck() throws Exception {
        sim.socketMode().awaitConnection(WAIT).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(sim.calls("apps.connections.open")).isNotEmpty();
        SlackRequests slack = SlackRequests.overSocketMode(sim, WAIT);

        CommandReply watch = slack.slashCommand(ADMIN, STANDUP, "watch");
        assertThat(watch.status()).isEqualTo(200);
        assertThat(sim.awaitCall("response_url", WAIT).text()).contains("Now watching #standup");

        EventDelivery post = slack.message(STANDUP, ALICE, "*Blockers:* waiting on the design review");
        assertThat(post.status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(11));
        bot.probe().awaitDueWorkPass(WAIT);
        sim.awaitCall("chat.postMessage", call -> ALICE.equals(call.param("channel")), WAIT);
    }

    @Test
    @DisplayName("reconnects after the socket drops, and keeps serving health on PORT")
    void shouldReconnect() throws Exception {
        sim.socketMode().awaitConnection(WAIT).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        int opened = sim.calls("apps.connections.open").size();

        sim.socketMode().dropConnections();
        sim.awaitCalls("apps.connections.open", opened + 1, Duration.ofSeconds(30));
        sim.socketMode().awaitConnection(Duration.ofSeconds(30)).get(30, TimeUnit.SECONDS);
        JsonNode ack = sim.socketMode()
                .sendEvent(SlackRequests.overSocketMode(sim, WAIT).envelope(memberJoined()))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(ack.path("envelope_id").asText()).isNotEmpty();

        HttpResponse<String> health = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/healthz"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        HttpResponse<String> events = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/slack/events"))
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(events.statusCode())
                .as("no HTTP events endpoint in Socket Mode")
                .isIn(404, 405);
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode memberJoined() {
        var event = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        event.put("type", "member_joined_channel")
                .put("user", ALICE)
                .put("channel", STANDUP)
                .put("event_ts", "1.0");
        return event;
    }
}
