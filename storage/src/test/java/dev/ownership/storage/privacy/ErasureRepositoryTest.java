package dev.ownership.storage.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.storage.Database;
import dev.ownership.storage.pause.PauseRepository;
import dev.ownership.storage.pause.PersonalControlRepository;
import dev.ownership.storage.prompt.PromptDelivery;
import dev.ownership.storage.prompt.StandupDayRepository;
import dev.ownership.storage.streak.LeaderboardOptInRepository;
import dev.ownership.storage.streak.MilestoneRepository;
import dev.ownership.storage.testing.Rows;
import dev.ownership.storage.workspace.AdminRepository;
import dev.ownership.storage.workspace.IntroductionRepository;
import dev.ownership.storage.workspace.TeamRepository;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("forget-me erasure")
class ErasureRepositoryTest {
    private static final String FORGOTTEN = "U0FORGET1";
    private static final String OTHER = "U0STAYS01";
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path directory;

    private Database database;
    private Rows rows;
    private ErasureRepository erasure;

    @BeforeEach
    void open() {
        database = Database.open(directory.resolve("o.db"));
        rows = new Rows(database);
        erasure = new ErasureRepository(database);
        fillEveryTableFor(FORGOTTEN, "C1");
        fillEveryTableFor(OTHER, "C2");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void fillEveryTableFor(String userId, String channelId) {
        rows.team(channelId)
                .lead(channelId, userId)
                .member(channelId, userId, T0)
                .post(channelId, userId, "blocker_without_proposal", "nudged", T0, null)
                .blockerFollowUp(userId, userId.equals(FORGOTTEN) ? OTHER : FORGOTTEN, T0)
                .learning(channelId, userId, T0)
                .risk(channelId, userId, T0)
                .checkin(channelId, userId, T0.plusSeconds(1), 0)
                .impact(channelId, userId, T0)
                .prompt(channelId, userId, T0, T0.plusSeconds(60));
        new StandupDayRepository(database)
                .recordPost(
                        new PromptDelivery.Key(channelId, "standup", userId, "2026-01-01"), "1700000000.000100", T0);
        new PauseRepository(database).pause(userId, TODAY.minusDays(20), TODAY.minusDays(10), T0);
        new MilestoneRepository(database)
                .claim(new MilestoneRepository.Milestone(channelId, userId, "learning", 3, T0), TODAY, null, T0);
        new LeaderboardOptInRepository(database).setShown(userId, true, T0);
        new PersonalControlRepository(database).setNudges(userId, false, T0);
        new AdminRepository(database).add(userId, "U0WSADMIN", T0);
        new IntroductionRepository(database).claim(channelId, userId, T0);
        database.write(connection -> {
            try (var statement = connection.prepareStatement("UPDATE teams SET watched_by = ?")) {
                statement.setString(1, FORGOTTEN);
                statement.executeUpdate();
            }
        });
    }

    @Test
    @DisplayName("afterwards no table holds the person's id anywhere, except the pause that keeps them out")
    void shouldLeaveNoTrace() {
        erasure.eraseAndPause(FORGOTTEN, TODAY, T0);

        assertThat(rows.cellsContaining(FORGOTTEN)).containsExactly("pauses.user_id");
        assertThat(new PauseRepository(database).periods(FORGOTTEN))
                .containsExactly(new PauseRepository.Pause(FORGOTTEN, TODAY, null));
    }

    @Test
    @DisplayName("other people's rows stay, and a team set up by the person passes to a remaining lead")
    void shouldKeepOthers() {
        Map<String, Integer> erased = erasure.eraseAndPause(FORGOTTEN, TODAY, T0);

        assertThat(rows.cellsContaining(OTHER))
                .contains(
                        "standup_posts.user_id",
                        "learnings.user_id",
                        "learnings.text",
                        "risks.user_id",
                        "risk_checkins.user_id",
                        "impacts.user_id",
                        "prompt_deliveries.user_id",
                        "standup_days.user_id",
                        "pauses.user_id",
                        "team_leads.user_id",
                        "team_members.user_id",
                        "streak_milestones.user_id",
                        "leaderboard_optins.user_id",
                        "personal_controls.user_id",
                        "ownership_admins.user_id",
                        "introductions.user_id");
        assertThat(erased)
                .containsEntry("learnings", 1)
                .containsEntry("standup_posts", 1)
                .containsEntry("teams", 2);
        assertThat(new TeamRepository(database).find("C2").orElseThrow().watchedBy())
                .isEqualTo(OTHER);
        assertThat(new TeamRepository(database).find("C1").orElseThrow().watchedBy())
                .isEmpty();
    }
}
