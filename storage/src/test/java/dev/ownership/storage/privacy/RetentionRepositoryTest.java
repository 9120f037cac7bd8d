package dev.ownership.storage.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.storage.Database;
import dev.ownership.storage.nudge.FirstVerdict;
import dev.ownership.storage.nudge.PostLabel;
import dev.ownership.storage.nudge.StandupPost;
import dev.ownership.storage.nudge.StandupRepository;
import dev.ownership.storage.pause.PauseRepository;
import dev.ownership.storage.pause.PersonalControlRepository;
import dev.ownership.storage.prompt.PromptDelivery;
import dev.ownership.storage.prompt.StandupDayRepository;
import dev.ownership.storage.streak.LeaderboardOptInRepository;
import dev.ownership.storage.streak.MilestoneRepository;
import dev.ownership.storage.testing.Rows;
import dev.ownership.storage.workspace.AdminRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("retention")
class RetentionRepositoryTest {
    private static final Instant CUTOFF = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant OLD = CUTOFF.minus(Duration.ofMillis(1));
    private static final Instant KEPT = CUTOFF;

    @TempDir
    Path directory;

    private Database database;
    private Rows rows;
    private RetentionRepository retention;

    @BeforeEach
    void open() {
        database = Database.open(directory.resolve("o.db"));
        rows = new Rows(database);
        retention = new RetentionRepository(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void recordEverythingAt(Instant at, String userId) {
        rows.post("C1", userId, "blocker_without_proposal", "nudged", at, null)
                .blockerFollowUp(userId, userId + "H", at)
                .learning("C1", userId, at)
                .risk("C1", userId, at)
                .impact("C1", userId, at)
                .prompt("C1", userId, at, null);
        new StandupDayRepository(database)
                .recordPost(new PromptDelivery.Key("C1", "standup", userId, "2026-01-01"), "1700000000.000100", at);
        new MilestoneRepository(database)
                .claim(
                        new MilestoneRepository.Milestone("C1", userId, "learning", 3, at),
                        LocalDate.of(2026, 1, 1),
                        null,
                        at);
        new StandupRepository(database)
                .recordArrival(
                        "C1",
                        userId + ".report",
                        at,
                        new FirstVerdict(PostLabel.NONE, null, List.of(), StandupPost.State.CLEAR, null, null),
                        at);
    }

    @Test
    @DisplayName("records from before the cutoff are deleted from every table of records; later ones stay")
    void shouldDeleteOldRecords() {
        recordEverythingAt(OLD, "U1");
        recordEverythingAt(KEPT, "U2");

        Map<String, Integer> deleted = retention.deleteBefore(CUTOFF);

        assertThat(deleted)
                .containsEntry("standup_posts", 1)
                .containsEntry("learnings", 1)
                .containsEntry("risks", 1)
                .containsEntry("risk_checkins", 1)
                .containsEntry("impacts", 1)
                .containsEntry("prompt_deliveries", 1)
                .containsEntry("standup_days", 1)
                .containsEntry("streak_milestones", 1)
                .containsEntry("report_arrivals", 1);
        for (String table : deleted.keySet()) {
            if (!table.equals("pauses")) {
                assertThat(rows.count(table)).as(table).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest(name = "{0} old rows in batches of 100")
    @ValueSource(ints = {250, 200, 99})
    @DisplayName("deletes in batches until none is left, across batch boundaries, keeping what is recent")
    void shouldDeleteInBatches(int old) {
        for (int i = 0; i < old; i++) {
            rows.post("C1", "U1", "none", "clear", OLD.minusSeconds(i), null);
        }
        for (int i = 0; i < 10; i++) {
            rows.post("C1", "U2", "none", "clear", KEPT.plusSeconds(i), null);
        }

        Map<String, Integer> deleted = new RetentionRepository(database, 100).deleteBefore(CUTOFF);

        assertThat(deleted).containsEntry("standup_posts", old);
        assertThat(rows.count("standup_posts")).isEqualTo(10);
    }

    @Test
    @DisplayName("pauses that ended before the cutoff go; an open pause stays however old")
    void shouldKeepCurrentPauses() {
        PauseRepository pauses = new PauseRepository(database);
        pauses.pause("U1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 8), OLD);
        pauses.pause("U2", LocalDate.of(2026, 1, 1), null, OLD);
        pauses.pause("U3", LocalDate.of(2026, 5, 20), LocalDate.of(2026, 6, 10), OLD);

        assertThat(retention.deleteBefore(CUTOFF)).containsEntry("pauses", 1);

        assertThat(pauses.periods("U1")).isEmpty();
        assertThat(pauses.periods("U2")).hasSize(1);
        assertThat(pauses.periods("U3")).hasSize(1);
    }

    @Test
    @DisplayName("teams, members and preferences are current state, not records: they stay")
    void shouldKeepState() {
        rows.team("C1").lead("C1", "U1").member("C1", "U1", OLD);
        new LeaderboardOptInRepository(database).setShown("U1", true, OLD);
        new PersonalControlRepository(database).setPrompts("U1", false, OLD);
        new AdminRepository(database).add("U1", "U2", OLD);

        retention.deleteBefore(CUTOFF);

        assertThat(rows.count("teams")).isEqualTo(1);
        assertThat(rows.count("team_leads")).isEqualTo(1);
        assertThat(rows.count("team_members")).isEqualTo(1);
        assertThat(rows.count("leaderboard_optins")).isEqualTo(1);
        assertThat(rows.count("personal_controls")).isEqualTo(1);
        assertThat(rows.count("ownership_admins")).isEqualTo(1);
    }
}
