package dev.ownership.bot.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import dev.ownership.bot.ops.Metrics;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/** Counts Slack requests by type and outcome and records how long the app took to acknowledge them. */
final class RequestMetrics implements Middleware {
    private final Metrics metrics;

    RequestMetrics(Metrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    @SuppressWarnings("rawtypes") // Bolt's Middleware interface declares the raw Request.
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        long started = System.nanoTime();
        String type = req.getRequestType().name().toLowerCase(Locale.ROOT);
        try {
            Response response = chain.next(req);
            metrics.request(type, outcome(response.getStatusCode()));
            return response;
        } catch (Exception e) {
            metrics.request(type, "error");
            throw e;
        } finally {
            metrics.ackLatency(type, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    static String outcome(int status) {
        if (status >= 200 && status < 300) {
            return "ok";
        }
        if (status == 401) {
            return "unauthorized";
        }
        return status >= 500 ? "error" : "rejected";
    }
}
