package dev.ownership.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for Slack's Socket Mode endpoint on loopback: greets each connection with {@code hello}, sends
 * envelopes and completes a future with the client's acknowledgement.
 *
 * <p>{@code apps.connections.open} (with {@link SlackSimulator#APP_TOKEN}) answers with this server's URL plus a
 * ticket, as Slack does. Envelopes go to the most recently opened connection. Thread-safe: connections are tracked
 * under the instance's lock and pending acknowledgements in a concurrent map.
 */
public final class SocketModeServer {
    private static final Logger LOG = LoggerFactory.getLogger(SocketModeServer.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Endpoint endpoint;
    private final Map<String, CompletableFuture<JsonNode>> pendingAcks = new ConcurrentHashMap<>();
    private final Set<WebSocket> connections = new LinkedHashSet<>();
    private final List<CompletableFuture<Void>> connectionWaiters = new ArrayList<>();
    private final List<JsonNode> unmatchedMessages = new ArrayList<>();

    private SocketModeServer() {
        this.endpoint = new Endpoint();
    }

    static SocketModeServer start() {
        SocketModeServer server = new SocketModeServer();
        server.endpoint.start();
        try {
            server.endpoint.started.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the Socket Mode server", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the Socket Mode server did not start", e);
        }
        return server;
    }

    /** The server's base URL, {@code ws://127.0.0.1:<port>/link/}; clients may connect to it directly. */
    public String url() {
        return "ws://127.0.0.1:" + endpoint.getPort() + "/link/";
    }

    /** A URL as {@code apps.connections.open} hands it out, with a fresh ticket. */
    String connectionUrl() {
        return url() + "?ticket=" + UUID.randomUUID() + "&app_id=" + SlackSimulator.APP_ID;
    }

    /**
     * Sends an envelope ({@code events_api}, {@code slash_commands} or {@code interactive}) and completes with the
     * client's acknowledgement, the whole JSON message that carries the envelope id; fails at once when no
     * connection is open.
     */
    public CompletableFuture<JsonNode> send(String type, JsonNode payload) {
        return send(type, payload, 0, null);
    }

    /** Sends an envelope as a redelivery, with {@code retry_attempt} and {@code retry_reason} set. */
    public CompletableFuture<JsonNode> send(String type, JsonNode payload, int retryAttempt, String retryReason) {
        String envelopeId = UUID.randomUUID().toString();
        ObjectNode envelope = Json.object().put("envelope_id", envelopeId).put("type", type);
        envelope.set("payload", payload);
        envelope.put("accepts_response_payload", !"events_api".equals(type))
                .put("retry_attempt", retryAttempt)
                .put("retry_reason", retryReason == null ? "" : retryReason);
        WebSocket connection = newestConnection();
        if (connection == null) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("no Socket Mode connection is open; see awaitConnection"));
        }
        CompletableFuture<JsonNode> ack = new CompletableFuture<>();
        pendingAcks.put(envelopeId, ack);
        ack.whenComplete((result, failure) -> pendingAcks.remove(envelopeId));
        connection.send(Json.write(envelope));
        return ack;
    }

    /** Sends an Events API envelope wrapping the event, as {@link SlackRequests#event} builds it over HTTP. */
    public CompletableFuture<JsonNode> sendEvent(ObjectNode eventCallback) {
        return send("events_api", eventCallback);
    }

    public synchronized int openConnections() {
        return (int) connections.stream().filter(WebSocket::isOpen).count();
    }

    /** Closes every connection abruptly, as when Slack's edge goes away, to test reconnects. */
    public void dropConnections() {
        for (WebSocket connection : snapshot()) {
            connection.close(CloseFrame.GOING_AWAY, "simulated drop");
        }
    }

    /** Asks every client to reconnect, with the {@code disconnect} message Slack sends before rotating hosts. */
    public void requestRefresh() {
        ObjectNode disconnect = Json.object().put("type", "disconnect").put("reason", "refresh_requested");
        disconnect.set("debug_info", Json.object().put("host", "sim-socket-mode"));
        for (WebSocket connection : snapshot()) {
            connection.send(Json.write(disconnect));
        }
    }

    /** Completes once a connection is open (at once if one already is), or fails after the timeout. */
    public CompletableFuture<Void> awaitConnection(Duration timeout) {
        CompletableFuture<Void> connected = new CompletableFuture<>();
        synchronized (this) {
            if (openConnections() > 0) {
                return CompletableFuture.completedFuture(null);
            }
            connectionWaiters.add(connected);
        }
        return connected.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Messages from clients that were not acknowledgements of a pending envelope. */
    public synchronized List<JsonNode> unmatchedMessages() {
        return List.copyOf(unmatchedMessages);
    }

    void stop() {
        try {
            endpoint.stop(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pendingAcks.values().forEach(ack -> ack.cancel(false));
    }

    private synchronized List<WebSocket> snapshot() {
        return List.copyOf(connections);
    }

    private synchronized WebSocket newestConnection() {
        WebSocket newest = null;
        for (WebSocket connection : connections) {
            if (connection.isOpen()) {
                newest = connection;
            }
        }
        return newest;
    }

    private void opened(WebSocket connection) {
        List<CompletableFuture<Void>> waiters;
        int count;
        synchronized (this) {
            connections.add(connection);
            count = openConnections();
            waiters = List.copyOf(connectionWaiters);
            connectionWaiters.clear();
        }
        ObjectNode hello = Json.object().put("type", "hello").put("num_connections", count);
        hello.set(
                "debug_info",
                Json.object()
                        .put("host", "sim-socket-mode")
                        .put("build_number", 1)
                        .put("approximate_connection_time", 18060));
        hello.set("connection_info", Json.object().put("app_id", SlackSimulator.APP_ID));
        connection.send(Json.write(hello));
        waiters.forEach(waiter -> waiter.complete(null));
    }

    private synchronized void closed(WebSocket connection) {
        connections.remove(connection);
    }

    private void received(String message) {
        JsonNode json;
        try {
            json = Json.parse(message);
        } catch (IllegalArgumentException notJson) {
            LOG.warn("Socket Mode client sent something that is not JSON: {}", Json.abbreviate(message, 200));
            return;
        }
        String envelopeId = Json.text(json, "envelope_id");
        CompletableFuture<JsonNode> ack = envelopeId == null ? null : pendingAcks.get(envelopeId);
        if (ack != null) {
            ack.complete(json);
            return;
        }
        synchronized (this) {
            unmatchedMessages.add(json);
        }
    }

    /** The Java-WebSocket server underneath, forwarding its callbacks. */
    private final class Endpoint extends WebSocketServer {
        private final CompletableFuture<Void> started = new CompletableFuture<>();

        private Endpoint() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
            setDaemon(true);
        }

        @Override
        public void onOpen(WebSocket connection, ClientHandshake handshake) {
            opened(connection);
        }

        @Override
        public void onClose(WebSocket connection, int code, String reason, boolean remote) {
            closed(connection);
        }

        @Override
        public void onMessage(WebSocket connection, String message) {
            received(message);
        }

        @Override
        public void onError(WebSocket connection, Exception error) {
            if (connection == null) {
                started.completeExceptionally(error);
            } else {
                LOG.debug("Socket Mode connection error", error);
            }
        }

        @Override
        public void onStart() {
            started.complete(null);
        }
    }
}
