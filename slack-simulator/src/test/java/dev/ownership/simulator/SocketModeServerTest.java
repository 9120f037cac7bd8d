package dev.ownership.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.response.AckResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Socket Mode server")
class SocketModeServerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private SimulatorFixture fixture;
    private SlackSimulator sim;

    @BeforeEach
    void start() {
        fixture = SimulatorFixture.frozen();
        sim = fixture.sim;
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private static ObjectNode messageEvent() {
        ObjectNode payload = MAPPER.createObjectNode().put("type", "event_callback");
        payload.set("event", MAPPER.createObjectNode().put("type", "message").put("text", "Blocked"));
        return payload;
    }

    @Nested
    @DisplayName("with a plain WebSocket client")
    class PlainClient {
        private RecordingClient client;

        @BeforeEach
        void connect() throws Exception {
            client = new RecordingClient(URI.create(sim.socketMode().url()));
            assertThat(client.connectBlocking(10, TimeUnit.SECONDS)).isTrue();
        }

        @AfterEach
        void disconnect() throws Exception {
            client.closeBlocking();
        }

        @Test
        void greetsEachConnectionWithHello() throws Exception {
            JsonNode hello = client.nextMessage();

            assertThat(hello.get("type").asText()).isEqualTo("hello");
            assertThat(hello.get("num_connections").asInt()).isEqualTo(1);
            assertThat(hello.at("/connection_info/app_id").asText()).isEqualTo(SlackSimulator.APP_ID);
            assertThat(sim.socketMode().openConnections()).isEqualTo(1);
        }

        @Test
        void anEnvelopeIsCompletedByTheClientsAck() throws Exception {
            client.nextMessage();

            CompletableFuture<JsonNode> ack = sim.socketMode().send("events_api", messageEvent());

            JsonNode envelope = client.nextMessage();
            assertThat(envelope.get("type").asText()).isEqualTo("events_api");
            assertThat(envelope.get("accepts_response_payload").asBoolean()).isFalse();
            assertThat(envelope.get("retry_attempt").asInt()).isZero();
            assertThat(envelope.at("/payload/event/text").asText()).isEqualTo("Blocked");
            assertThat(ack).isNotDone();

            String envelopeId = envelope.get("envelope_id").asText();
            client.send("{\"envelope_id\":\"" + envelopeId + "\",\"payload\":{\"text\":\"ok\"}}");

            JsonNode acknowledged = ack.get(10, TimeUnit.SECONDS);
            assertThat(acknowledged.get("envelope_id").asText()).isEqualTo(envelopeId);
            assertThat(acknowledged.at("/payload/text").asText()).isEqualTo("ok");
        }

        @Test
        void slashCommandsAcceptAResponsePayloadAndRetriesSayWhy() throws Exception {
            client.nextMessage();

            sim.socketMode().send("slash_commands", MAPPER.createObjectNode(), 2, "timeout");

            JsonNode envelope = client.nextMessage();
            assertThat(envelope.get("accepts_response_payload").asBoolean()).isTrue();
            assertThat(envelope.get("retry_attempt").asInt()).isEqualTo(2);
            assertThat(envelope.get("retry_reason").asText()).isEqualTo("timeout");
        }

        @Test
        void droppingConnectionsClosesTheSocket() throws Exception {
            sim.socketMode().dropConnections();

            assertThat(client.closed.get(10, TimeUnit.SECONDS)).isNotNull();
            assertThat(sim.socketMode().openConnections()).isZero();
        }

        @Test
        void awaitConnectionCompletesAtOnceWhenConnected() {
            assertThat(sim.socketMode().awaitConnection(Duration.ofMillis(1))).succeedsWithin(WAIT);
        }
    }

    @Nested
    @DisplayName("without a client")
    class WithoutClient {
        @Test
        void sendingFailsAtOnce() {
            assertThat(sim.socketMode().send("events_api", messageEvent()))
                    .failsWithin(WAIT)
                    .withThrowableOfType(ExecutionException.class)
                    .withMessageContaining("no Socket Mode connection is open");
        }

        @Test
        void awaitConnectionTimesOut() {
            assertThatThrownBy(() -> sim.socketMode()
                            .awaitConnection(Duration.ofMillis(50))
                            .get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TimeoutException.class);
        }
    }

    @Nested
    @DisplayName("with the Slack SDK's Socket Mode client")
    class SdkClient {
        @Test
        void connectsThroughAppsConnectionsOpenAcksAndReconnectsAfterADrop() throws Exception {
            try (SocketModeClient client =
                    fixture.slack.socketMode(SlackSimulator.APP_TOKEN, SocketModeClient.Backend.JavaWebSocket)) {
                client.addEventsApiEnvelopeListener(envelope -> client.sendSocketModeResponse(AckResponse.builder()
                        .envelopeId(envelope.getEnvelopeId())
                        .build()));
                client.connect();
                sim.socketMode().awaitConnection(WAIT).get(10, TimeUnit.SECONDS);

                JsonNode ack =
                        sim.socketMode().send("events_api", messageEvent()).get(10, TimeUnit.SECONDS);
                assertThat(ack.get("envelope_id").asText()).isNotBlank();

                sim.socketMode().dropConnections();
                sim.awaitCalls("apps.connections.open", 2, WAIT);
                sim.socketMode().awaitConnection(WAIT).get(10, TimeUnit.SECONDS);
                assertThat(sim.calls("apps.connections.open"))
                        .allSatisfy(call -> assertThat(call.token()).isEqualTo(SlackSimulator.APP_TOKEN));
            }
        }
    }

    @Nested
    @DisplayName("with SlackRequests over Socket Mode")
    class RequestsOverSocketMode {
        @Test
        void eventsCommandsAndInteractionsGoAsEnvelopesAndWaitForTheAck() throws Exception {
            try (SocketModeClient client =
                    fixture.slack.socketMode(SlackSimulator.APP_TOKEN, SocketModeClient.Backend.JavaWebSocket)) {
                BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
                client.addWebSocketMessageListener(message -> {
                    try {
                        JsonNode envelope = MAPPER.readTree(message);
                        if (envelope.has("envelope_id")) {
                            received.add(envelope);
                            client.sendSocketModeResponse("{\"envelope_id\":\""
                                    + envelope.get("envelope_id").asText() + "\",\"payload\":{\"text\":\"got it\"}}");
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                client.connect();
                sim.socketMode().awaitConnection(WAIT).get(10, TimeUnit.SECONDS);
                SlackRequests slack = SlackRequests.overSocketMode(sim, WAIT);

                EventDelivery delivery = slack.message(SimulatorFixture.STANDUP, SimulatorFixture.ANNA, "Blocked");
                CommandReply reply = slack.slashCommand(SimulatorFixture.ANNA, SimulatorFixture.STANDUP, "me");

                JsonNode event = received.poll(10, TimeUnit.SECONDS);
                assertThat(event.get("type").asText()).isEqualTo("events_api");
                assertThat(event.at("/payload/event_id").asText()).isEqualTo(delivery.eventId());
                assertThat(event.at("/payload/event/text").asText()).isEqualTo("Blocked");
                JsonNode command = received.poll(10, TimeUnit.SECONDS);
                assertThat(command.get("type").asText()).isEqualTo("slash_commands");
                assertThat(command.at("/payload/command").asText()).isEqualTo("/ownership");
                assertThat(command.at("/payload/response_url").asText()).isEqualTo(reply.responseUrl());
                assertThat(reply.body()).isEqualTo("{\"text\":\"got it\"}");
                assertThat(sim.history(SimulatorFixture.STANDUP))
                        .extracting(SimMessage::text)
                        .containsExactly("Blocked");
                assertThatThrownBy(() -> slack.urlVerification("x")).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    /** A Java-WebSocket client that queues what it receives. */
    private static final class RecordingClient extends WebSocketClient {
        private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();

        private RecordingClient(URI uri) {
            super(uri);
        }

        JsonNode nextMessage() throws Exception {
            String message = messages.poll(10, TimeUnit.SECONDS);
            assertThat(message)
                    .as("a message from the server within 10 seconds")
                    .isNotNull();
            return MAPPER.readTree(message);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {}

        @Override
        public void onMessage(String message) {
            messages.add(message);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closed.complete(code);
        }

        @Override
        public void onError(Exception error) {}
    }
}
