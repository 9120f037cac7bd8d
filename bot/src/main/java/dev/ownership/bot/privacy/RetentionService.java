package dev.ownership.bot.privacy;

import dev.ownership.bot.ops.MetricName;
import dev.ownership.bot.ops.Metrics;
import dev.ownership.storage.privacy.RetentionRepository;
import io.micrometer.core.instrument.Counter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes records older than the retention period ({@code OWNERSHIP_RETENTION}), once a day from the scheduler's
 * maintenance. Streaks and summaries are derived from what is left, so they never reach further back.
 *
 * <p>Thread-safe.
 */
public final class RetentionService {
    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);

    private final RetentionRepository records;
    private final Duration retention;
    private final Clock clock;
    private final Metrics metrics;

    public RetentionService(RetentionRepository records, Duration retention, Clock clock, Metrics metrics) {
        this.records = Objects.requireNonNull(records, "records");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * Deletes what is older than the retention period now.
     *
     * @return the number of rows deleted, by table
     */
    public Map<String, Integer> prune() {
        Instant cutoff = clock.instant().minus(retention);
        Map<String, Integer> deleted = records.deleteBefore(cutoff);
        deleted.forEach((table, rows) -> Counter.builder(MetricName.RETENTION_DELETED.key())
                .description(MetricName.RETENTION_DELETED.description())
                .tag("table", table)
                .register(metrics.registry())
                .increment(rows));
        log.info("Retention: deleted records from before {}: {}", cutoff, deleted);
        return deleted;
    }
}
