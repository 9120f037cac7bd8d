package dev.ownership.storage.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.storage.Database;
import dev.ownership.storage.privacy.ErasureRepository;
import dev.ownership.storage.privacy.RetentionRepository;
import dev.ownership.storage.prompt.RiskRepository;
import dev.ownership.storage.prompt.ShareSource;
import dev.ownership.storage.risk.RiskRegisterRepository.Claim;
import dev.ownership.storage.testing.Rows;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the risk register's storage")
class RiskRegisterRepositoryTest {
    private static final Instant FLAGGED = Instant.parse("2026-11-23T09:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-11-30");
    private static final Duration WEEK = Duration.ofDays(7);

    @TempDir
    Path directory;

    private Database database;
    private RiskRepository risks;
    private RiskRegisterRepository register;

    @BeforeEach
    void open() {
        database = Database.open(directory.resolve("o.db"));
        risks = new RiskRepository(database);
        register = new RiskRegisterRepository(database);
        new Rows(database).team("C1");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private long flag(String userId, Instant at) {
        return risks.flag("C1", userId, "the vendor retires v1 on Dec 15", ShareSource.COMMAND, at);
    }

    private RegisterEntry entry(long id) {
        return register.find(id).orElseThrow();
    }

    @Nested
    @DisplayName("a risk flagged")
    class Flagged {
        @Test
        @DisplayName("is an open entry with its text, its first check-in due one follow-up period later")
        void shouldEnterFlaggedRisksAsOpen() {
            long id = flag("U1", FLAGGED);

            RegisterEntry entry = entry(id);
            assertThat(entry.status()).isEqualTo(RiskStatus.OPEN);
            assertThat(entry.text()).isEqualTo("the vendor retires v1 on Dec 15");
            assertThat(entry.openedAt()).isEqualTo(FLAGGED);
            assertThat(entry.checkinDue()).isEqualTo(FLAGGED.plus(WEEK));
            assertThat(register.changes(id))
                    .extracting(RiskRegisterRepository.Change::status, RiskRegisterRepository.Change::via)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(RiskStatus.OPEN, "flagged"));
        }

        @Test
        @DisplayName("uses the team's follow-up period, and a new period moves the check-ins already scheduled")
        void shouldFollowTheTeamsPeriod() {
            long before = flag("U1", FLAGGED);
            assertThat(register.setFollowupDays("C1", 3)).isEqualTo(1);
            long after = flag("U2", FLAGGED);

            assertThat(entry(before).checkinDue()).isEqualTo(FLAGGED.plus(Duration.ofDays(3)));
            assertThat(entry(after).checkinDue()).isEqualTo(FLAGGED.plus(Duration.ofDays(3)));
            assertThat(register.followupDays("C1")).isEqualTo(3);
            assertThat(register.followupDays("C2")).isEqualTo(RiskRegisterRepository.DEFAULT_FOLLOWUP_DAYS);
        }
    }

    @Nested
    @DisplayName("a check-in")
    class Checkins {
        @Test
        @DisplayName("is claimed once, however many runs find it due, and schedules the next period")
        void shouldClaimOnce() {
            long id = flag("U1", FLAGGED);
            Instant now = FLAGGED.plus(WEEK);
            RegisterEntry due = register.due(now, 10).get(0);

            assertThat(register.claim(due, DAY, now, now.plus(WEEK))).isEqualTo(Claim.CLAIMED);
            assertThat(register.claim(due, DAY, now, now.plus(WEEK))).isEqualTo(Claim.TAKEN);
            assertThat(register.due(now, 10)).isEmpty();
            assertThat(entry(id).checkinDue()).isEqualTo(now.plus(WEEK));
            assertThat(entry(id).checkinState()).isEqualTo("sending");
        }

        @Test
        @DisplayName("goes to a person at most once a day: the second stays due")
        void shouldSendOneCheckinAPersonADay() {
            flag("U1", FLAGGED);
            flag("U1", FLAGGED.plusSeconds(60));
            Instant now = FLAGGED.plus(WEEK).plusSeconds(120);
            List<RegisterEntry> due = register.due(now, 10);

            assertThat(register.claim(due.get(0), DAY, now, now.plus(WEEK))).isEqualTo(Claim.CLAIMED);
            assertThat(register.claim(due.get(1), DAY, now, now.plus(WEEK))).isEqualTo(Claim.OVER_DAILY_LIMIT);
            assertThat(register.claim(due.get(1), DAY.plusDays(1), now, now.plus(WEEK)))
                    .isEqualTo(Claim.CLAIMED);
        }

        @Test
        @DisplayName("interrupted by a crash is settled as failed, not sent again")
        void shouldSettleInterruptedClaims() {
            long id = flag("U1", FLAGGED);
            Instant now = FLAGGED.plus(WEEK);
            register.claim(register.due(now, 10).get(0), DAY, now, now.plus(WEEK));

            assertThat(register.failInterrupted(now.plusSeconds(1))).isEqualTo(1);
            assertThat(entry(id).checkinState()).isEqualTo("failed");
            assertThat(register.due(now.plus(Duration.ofDays(1)), 10)).isEmpty();
        }
    }

    @Nested
    @DisplayName("a change")
    class Changes {
        @Test
        @DisplayName("to mitigating keeps a note and starts a new period; resolved is final and stops check-ins")
        void shouldMoveThroughTheStatuses() {
            long id = flag("U1", FLAGGED);
            Instant later = FLAGGED.plus(Duration.ofDays(2));

            RegisterEntry mitigating = register.change(id, RiskStatus.MITIGATING, "U1", "checkin", "plan B", later)
                    .orElseThrow();
            assertThat(mitigating.note()).isEqualTo("plan B");
            assertThat(mitigating.statusAt()).isEqualTo(later);
            assertThat(mitigating.checkinDue()).isEqualTo(later.plus(WEEK));

            RegisterEntry resolved = register.change(
                            id, RiskStatus.RESOLVED, "LEAD", "register", null, later.plusSeconds(5))
                    .orElseThrow();
            assertThat(resolved.checkinDue()).isNull();
            assertThat(resolved.note()).isEqualTo("plan B");
            assertThat(register.change(id, RiskStatus.ACCEPTED, "U1", "register", null, later.plusSeconds(9)))
                    .isEmpty();
            assertThat(register.closedIn("C1", FLAGGED, later.plus(WEEK)))
                    .extracting(RegisterEntry::riskId)
                    .containsExactly(id);
            assertThat(register.liveIn("C1")).isEmpty();
            assertThat(register.changes(id))
                    .extracting(RiskRegisterRepository.Change::changedBy)
                    .containsExactly("U1", "U1", "LEAD");
        }
    }

    @Nested
    @DisplayName("privacy")
    class Privacy {
        @Test
        @DisplayName("forget-me erases the author's entries and changes, and the changes a lead made to others' risks")
        void shouldEraseTheRegister() {
            long alices = flag("U1", FLAGGED);
            long bobs = flag("U2", FLAGGED);
            register.change(bobs, RiskStatus.MITIGATING, "U1", "register", null, FLAGGED.plusSeconds(60));

            new ErasureRepository(database).eraseAndPause("U1", DAY, FLAGGED.plusSeconds(120));

            Rows rows = new Rows(database);
            assertThat(register.find(alices)).isEmpty();
            assertThat(rows.cellsContaining("U1")).containsExactly("pauses.user_id");
            assertThat(register.find(bobs).orElseThrow().status()).isEqualTo(RiskStatus.MITIGATING);
            assertThat(register.changes(bobs))
                    .extracting(RiskRegisterRepository.Change::changedBy)
                    .containsExactly("U2");
        }

        @Test
        @DisplayName("retention ages a risk from its last activity: an old risk still being worked on is kept")
        void shouldPruneByLastActivity() {
            Instant cutoff = FLAGGED.plus(Duration.ofDays(180));
            long untouched = flag("U1", FLAGGED);
            long worked = flag("U2", FLAGGED);
            register.change(worked, RiskStatus.OPEN, "U2", "checkin", null, cutoff.plusSeconds(1));

            new RetentionRepository(database).deleteBefore(cutoff);

            assertThat(register.find(untouched)).isEmpty();
            assertThat(register.find(worked)).isPresent();
            assertThat(new Rows(database).count("risk_changes")).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("migration V11")
    class Migration {
        @Test
        @DisplayName("enters the risks recorded before it as open, from their original dates")
        void shouldMigrateExistingRisks() throws Exception {
            Path file = directory.resolve("before.db");
            String url = "jdbc:sqlite:" + file;
            Flyway.configure()
                    .dataSource(url, null, null)
                    .locations("classpath:db/migration")
                    .target("9")
                    .load()
                    .migrate();
            try (var connection = DriverManager.getConnection(url);
                    var statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO teams (channel_id, workspace_id, channel_name, timezone, watched,"
                        + " watched_by, watched_at) VALUES ('C1', 'T1', 'standup', 'UTC', 1, 'U0', 0)");
                statement.executeUpdate("INSERT INTO risks (channel_id, user_id, text, created_at, source) VALUES"
                        + " ('C1', 'U1', 'old risk', " + FLAGGED.toEpochMilli() + ", 'prompt'),"
                        + " ('C1', 'U2', 'older risk', " + FLAGGED.minus(WEEK).toEpochMilli() + ", 'command')");
            }

            try (Database migrated = Database.open(file)) {
                RiskRegisterRepository entries = new RiskRegisterRepository(migrated);
                List<RegisterEntry> open = entries.liveIn("C1");
                assertThat(open).extracting(RegisterEntry::text).containsExactly("older risk", "old risk");
                assertThat(open).allSatisfy(entry -> {
                    assertThat(entry.status()).isEqualTo(RiskStatus.OPEN);
                    assertThat(entry.statusAt()).isEqualTo(entry.openedAt());
                    assertThat(entry.checkinDue()).isEqualTo(entry.openedAt().plus(WEEK));
                });
                assertThat(open.get(1).openedAt()).isEqualTo(FLAGGED);
                assertThat(entries.changes(open.get(0).riskId()))
                        .extracting(RiskRegisterRepository.Change::changedBy)
                        .containsExactly("U2");
            }
        }
    }
}
