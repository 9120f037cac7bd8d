package dev.ownership.bot.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * The bot's metrics, served as Prometheus text on {@code /metrics}.
 *
 * <p>Meter names follow Prometheus conventions once rendered ({@code ownership_requests_total}, ...). Thread-safe.
 */
public final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /** The underlying registry, for meters a feature defines itself. */
    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** Counts one Slack request by its type (event, command, action, ...) and outcome (ok, unauthorized, ...). */
    public void request(String type, String outcome) {
        Counter.builder(MetricName.REQUESTS.key())
                .description(MetricName.REQUESTS.description())
                .tag("type", type)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /** Records how long the bot took to acknowledge a Slack request. */
    public void ackLatency(String type, Duration latency) {
        Timer.builder(MetricName.ACK_LATENCY.key())
                .description(MetricName.ACK_LATENCY.description())
                .tag("type", type)
                .publishPercentileHistogram()
                .register(registry)
                .record(latency);
    }

    /** Counts one Web API call by method and result (ok, error, ratelimited, server_error, io_error). */
    public void slackCall(String method, String result) {
        Counter.builder(MetricName.SLACK_API_CALLS.key())
                .description(MetricName.SLACK_API_CALLS.description())
                .tag("method", method)
                .tag("result", result)
                .register(registry)
                .increment();
    }

    /** Increments a feature counter such as {@link MetricName#NUDGES_SENT}. */
    public void count(MetricName name) {
        Counter.builder(name.key())
                .description(name.description())
                .register(registry)
                .increment();
    }

    /** Increments a feature counter with one tag. */
    public void count(MetricName name, String tag, String value) {
        Counter.builder(name.key())
                .description(name.description())
                .tag(tag, value)
                .register(registry)
                .increment();
    }
}
