package dev.ownership.benchmarks;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.model.event.MessageEvent;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The floor for the load test: a bare Bolt app that acknowledges message events and does nothing else, on the same
 * Jetty 12 set-up as the bot. Arguments: {@code PORT SIGNING_SECRET BOT_TOKEN API_URL}.
 */
public final class BareBoltServer {
    private BareBoltServer() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(args[3]);
        slackConfig.setStatsEnabled(false);
        App app = new App(AppConfig.builder()
                .slack(Slack.getInstance(slackConfig))
                .signingSecret(args[1])
                .singleTeamBotToken(args[2])
                .allEventsApiAutoAckEnabled(true)
                .build());
        app.event(MessageEvent.class, (payload, context) -> context.ack());

        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new SlackAppServlet(app)), "/slack/events");
        context.addServlet(
                new ServletHolder(new jakarta.servlet.http.HttpServlet() {
                    @Override
                    protected void doGet(
                            jakarta.servlet.http.HttpServletRequest request,
                            jakarta.servlet.http.HttpServletResponse response) {
                        response.setStatus(200);
                    }
                }),
                "/healthz");
        server.setHandler(context);
        server.start();
        server.join();
    }
}
