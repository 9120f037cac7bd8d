package dev.ownership.storage.streak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.storage.Database;
import dev.ownership.storage.testing.Rows;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("activity")
class ActivityRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant END = T0.plus(Duration.ofDays(7));

    @TempDir
    Path directory;

    private Database database;
    private Rows rows;
    private ActivityRepository activity;

    @BeforeEach
    void open() {
        database = Database.open(directory.resolve("o.db"));
        rows = new Rows(database);
        activity = new ActivityRepository(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    @DisplayName("blockers that count exclude posts without a blocker, dismissed and deleted ones")
    void shouldCountOnlyRealBlockers() {
        rows.post("C1", "U1", "none", "clear", T0, null)
                .post("C1", "U1", "blocker_with_proposal", "proposed", T0.plusSeconds(1), T0.plusSeconds(1))
                .post("C1", "U1", "blocker_without_proposal", "nudged", T0.plusSeconds(2), null)
                .post("C1", "U1", "blocker_without_proposal", "dismissed", T0.plusSeconds(3), null)
                .post("C1", "U1", "blocker_without_proposal", "deleted", T0.plusSeconds(4), null);

        ActivityRepository.Activity found = activity.inTeam("C1", "U1", T0, END);

        assertThat(found.blockers())
                .extracting(ActivityRepository.Blocker::postedAt)
                .containsExactly(T0.plusSeconds(1), T0.plusSeconds(2));
        assertThat(found.blockers().get(0).proposedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(found.posts()).hasSize(4);
    }

    @Test
    @DisplayName("facts are read for one person or everyone, in one team, within the range")
    void shouldFilterByPersonTeamAndRange() {
        rows.learning("C1", "U1", T0)
                .learning("C1", "U2", T0.plusSeconds(5))
                .learning("C2", "U1", T0)
                .learning("C1", "U1", END)
                .risk("C1", "U1", T0)
                .checkin("C1", "U2", T0, 0)
                .prompt("C1", "U1", T0, T0.plusSeconds(60))
                .prompt("C1", "U2", T0, null);

        ActivityRepository.Activity mine = activity.inTeam("C1", "U1", T0, END);
        ActivityRepository.Activity everyone = activity.inTeam("C1", null, T0, END);

        assertThat(mine.learnings()).extracting(ActivityRepository.Event::at).containsExactly(T0);
        assertThat(mine.risks()).hasSize(1);
        assertThat(mine.riskCheckins()).hasSize(1);
        assertThat(mine.prompts()).singleElement().satisfies(prompt -> assertThat(prompt.answeredAt())
                .isEqualTo(T0.plusSeconds(60)));
        assertThat(everyone.learnings())
                .extracting(ActivityRepository.Event::userId)
                .containsExactly("U1", "U2");
        assertThat(everyone.riskCheckins()).hasSize(2);
        assertThat(everyone.prompts()).hasSize(2);
    }

    @Test
    @DisplayName("a person's teams are the channels of anything recorded about them, or their membership")
    void shouldFindChannelsOfAPerson() {
        rows.team("C4")
                .post("C1", "U1", "none", "clear", T0, null)
                .learning("C2", "U1", T0)
                .impact("C3", "U1", T0)
                .member("C4", "U1", T0)
                .learning("C5", "U2", T0);

        assertThat(activity.channelsOf("U1")).containsExactly("C1", "C2", "C3", "C4");
        assertThat(activity.peopleIn("C5")).containsExactly("U2");
    }

    @Test
    @DisplayName("the member count is what membership recorded")
    void shouldCountMembers() {
        rows.team("C1").team("C2").member("C1", "U1", T0).member("C1", "U2", T0).member("C2", "U3", T0);

        assertThat(activity.memberCount("C1")).isEqualTo(2);
        assertThat(activity.memberCount("C9")).isZero();
    }
}
