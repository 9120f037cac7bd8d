package dev.ownership.bot.home;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.view.View;
import dev.ownership.bot.learning.LibraryAnswer;
import dev.ownership.bot.learning.LibraryEntry;
import dev.ownership.bot.learning.LibraryScope;
import dev.ownership.bot.streak.Streak;
import dev.ownership.bot.streak.StreakKind;
import dev.ownership.bot.streak.TeamProgress;
import dev.ownership.bot.streak.WeekSummary;
import dev.ownership.storage.learning.SearchTerms;
import dev.ownership.storage.prompt.SharedItem;
import dev.ownership.storage.workspace.Team;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("App Home blocks")
class HomeSlackBlocksTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    private static Team team(int number) {
        return new Team(
                "C0TEAM" + number,
                "T1",
                "team-with-a-rather-long-channel-name-" + number,
                ZoneId.of("Europe/Berlin"),
                true,
                "U0ADMIN",
                NOW,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0),
                LocalTime.of(18, 0),
                false,
                List.of("U0ME"));
    }

    private static TeamProgress progress(Team team) {
        List<WeekSummary> weeks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            weeks.add(new WeekSummary(MONDAY.minusWeeks(i), 12, 9, 3, 2, 1, 2, 1, 1));
        }
        return new TeamProgress(
                team,
                List.of(
                        new Streak(StreakKind.OWNERSHIP, 27, 27, NOW, true),
                        new Streak(StreakKind.LEARNING, 4, 9, NOW, false),
                        new Streak(StreakKind.EARLY_RISK, 0, 2, null, false)),
                weeks);
    }

    @Test
    @DisplayName("a page with many teams, leads and a long notice stays within Slack's limits")
    void shouldStayWithinLimits() {
        List<Team> teams =
                IntStream.range(0, 12).mapToObj(HomeSlackBlocksTest::team).toList();
        HomePage page = new HomePage(
                "U0ME",
                NOW,
                MONDAY,
                true,
                null,
                true,
                true,
                teams.stream().map(HomeSlackBlocksTest::progress).toList(),
                false,
                teams,
                "x".repeat(5_000),
                learnings(teams));

        View view = HomeSlackBlocks.home(page);

        assertThat(view.getType()).isEqualTo("home");
        assertThat(view.getBlocks()).hasSizeLessThanOrEqualTo(100);
        assertThat(view.getBlocks().toString()).contains("*Team learnings*").contains("learnings_search_open");
        for (LayoutBlock block : view.getBlocks()) {
            if (block instanceof SectionBlock section && section.getText() != null) {
                assertThat(section.getText().getText()).hasSizeLessThanOrEqualTo(3_000);
            }
        }
    }

    @Test
    @DisplayName("shows streaks with a bar toward the next milestone, and a trophy past the last one")
    void shouldShowVisuals() {
        HomePage page = new HomePage(
                "U0ME",
                NOW,
                MONDAY,
                false,
                null,
                false,
                true,
                List.of(progress(team(1))),
                true,
                List.of(),
                null,
                learnings(List.of()));

        String text = HomeSlackBlocks.home(page).getBlocks().toString();

        assertThat(text)
                .contains("27 blockers in a row with a next step · best 27")
                .contains(":trophy: past every milestone")
                .contains("▰▰▰▰▰▰▰▰▱▱` 4/5 to the next milestone")
                .contains("home_pause_date")
                .contains("Leave")
                .contains("Nudges about blockers without a next step: *off*")
                .contains("Scheduled prompts (learnings, risks, impact): *on*")
                .doesNotContain("For leads")
                .doesNotContain("Team learnings")
                .doesNotContain("You're paused");
    }

    /** The latest learnings of {@code teams}, each far longer than a line shows; no section without teams. */
    private static LibraryAnswer learnings(List<Team> teams) {
        LibraryScope scope = teams.isEmpty() ? new LibraryScope(List.of(), "no team") : new LibraryScope(teams, null);
        List<LibraryEntry> entries = teams.stream()
                .limit(3)
                .map(team -> new LibraryEntry(
                        new SharedItem(1, team.channelId(), "U0ME", "y".repeat(2_000), NOW, "1.000100"),
                        team,
                        "https://example.slack.com/archives/" + team.channelId() + "/p1000100"))
                .toList();
        return new LibraryAnswer(
                scope,
                teams.isEmpty() ? LibraryAnswer.Kind.REFUSED : LibraryAnswer.Kind.LATEST,
                SearchTerms.of(""),
                entries);
    }
}
