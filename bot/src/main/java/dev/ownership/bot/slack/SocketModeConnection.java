package dev.ownership.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.io.IOException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the Bolt app to Slack over Socket Mode (the Java-WebSocket backend). The SDK's client reconnects by
 * itself when the socket drops and monitors the session for silent disconnections.
 */
public final class SocketModeConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SocketModeConnection.class);

    private final SocketModeApp socketModeApp;

    public SocketModeConnection(String appToken, App app) {
        Objects.requireNonNull(appToken, "appToken");
        try {
            this.socketModeApp = new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open a Socket Mode connection: " + e.getMessage(), e);
        }
    }

    /** Opens the connection without blocking; events start flowing once Slack says hello. */
    public void start() {
        try {
            socketModeApp.startAsync();
            log.info("Socket Mode connection opened");
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start Socket Mode: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            socketModeApp.stop();
        } catch (Exception e) {
            log.warn("Socket Mode did not stop cleanly: {}", e.getMessage());
        }
    }
}
