package dev.ownership.bot.streak;

import dev.ownership.storage.workspace.Team;
import java.util.List;
import java.util.Objects;

/**
 * A person's progress in one team: their streaks and their last weeks, newest first.
 *
 * @param team the team
 * @param streaks ownership, learning and early risk, in that order
 * @param weeks the current week and the ones before it, newest first
 */
public record TeamProgress(Team team, List<Streak> streaks, List<WeekSummary> weeks) {
    public TeamProgress {
        Objects.requireNonNull(team, "team");
        streaks = List.copyOf(streaks);
        weeks = List.copyOf(weeks);
    }

    /** The streak of that kind. */
    public Streak streak(StreakKind kind) {
        return streaks.stream()
                .filter(streak -> streak.kind() == kind)
                .findFirst()
                .orElse(Streak.none(kind));
    }
}
