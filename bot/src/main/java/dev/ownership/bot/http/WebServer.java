package dev.ownership.bot.http;

import dev.ownership.bot.ops.Metrics;
import dev.ownership.bot.ops.SlackAccess;
import jakarta.servlet.http.HttpServlet;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty 12 serving the bot's HTTP endpoints. In Socket Mode only {@code /healthz} and {@code /metrics} are served.
 *
 * <p>Stopping is graceful: the connector stops accepting, requests in flight finish (up to the stop timeout).
 */
public final class WebServer implements AutoCloseable {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Server server;
    private final ServerConnector connector;

    /**
     * @param port the port to listen on, 0 for any free one
     * @param slackEvents the servlet for {@code POST /slack/events}, or {@code null} in Socket Mode
     * @param access what {@code /healthz} reports about the bot's access to Slack
     */
    public WebServer(int port, HttpServlet slackEvents, BooleanSupplier healthy, SlackAccess access, Metrics metrics) {
        Objects.requireNonNull(healthy, "healthy");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(metrics, "metrics");
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("ownership-http");
        this.server = new Server(threads);
        this.connector = new ServerConnector(server);
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        if (slackEvents != null) {
            context.addServlet(new ServletHolder("slack-events", slackEvents), "/slack/events");
        }
        context.addServlet(new ServletHolder("health", new HealthServlet(healthy, access)), "/healthz");
        context.addServlet(new ServletHolder("metrics", new MetricsServlet(metrics)), "/metrics");

        server.setHandler(new GracefulHandler(context));
        server.setStopTimeout(STOP_TIMEOUT.toMillis());
        server.setStopAtShutdown(false);
    }

    /** Starts listening. */
    public void start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Cannot start the HTTP server on port " + connector.getPort() + ": " + e.getMessage(), e);
        }
    }

    /** The port actually bound (useful when started with 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Stops accepting requests and lets those in flight finish. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("The HTTP server did not stop cleanly", e);
        }
    }
}
