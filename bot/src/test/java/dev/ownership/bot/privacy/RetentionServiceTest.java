package dev.ownership.bot.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.bot.ops.Metrics;
import dev.ownership.simulator.ManualClock;
import dev.ownership.storage.Database;
import dev.ownership.storage.privacy.RetentionRepository;
import dev.ownership.storage.testing.Rows;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("retention")
class RetentionServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(180);

    @TempDir
    Path directory;

    private Database database;
    private Rows facts;
    private ManualClock clock;
    private Metrics metrics;
    private RetentionService retention;

    @BeforeEach
    void open() {
        database = Database.open(directory.resolve("o.db"));
        facts = new Rows(database);
        clock = new ManualClock(NOW);
        metrics = new Metrics();
        retention = new RetentionService(new RetentionRepository(database), RETENTION, clock, metrics);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    @DisplayName("deletes what is older than the retention period, keeps the rest, and counts it by table")
    void shouldPruneByAge() {
        facts.learning("C1", "U1", NOW.minus(RETENTION).minusSeconds(1))
                .learning("C1", "U1", NOW.minus(RETENTION))
                .riskCheckin("C1", "U1", NOW.minus(Duration.ofDays(200)), true);

        assertThat(retention.prune())
                .containsEntry("learnings", 1)
                .containsEntry("risks", 1)
                .containsEntry("risk_checkins", 1);

        assertThat(facts.count("learnings")).isEqualTo(1);
        assertThat(metrics.scrape()).contains("ownership_retention_deleted_total{table=\"learnings\"} 1.0");
    }

    @Test
    @DisplayName("runs again a day later and deletes what aged out meanwhile")
    void shouldPruneAsTimePasses() {
        facts.learning("C1", "U1", NOW.minus(RETENTION).plus(Duration.ofHours(12)));
        retention.prune();
        assertThat(facts.count("learnings")).isEqualTo(1);

        clock.advance(Duration.ofDays(1));
        retention.prune();

        assertThat(facts.count("learnings")).isZero();
    }
}
