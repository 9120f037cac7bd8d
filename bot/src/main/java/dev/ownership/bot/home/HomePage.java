package dev.ownership.bot.home;

import dev.ownership.bot.learning.LibraryAnswer;
import dev.ownership.bot.streak.TeamProgress;
import dev.ownership.storage.workspace.Team;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything one person's App Home shows.
 *
 * @param userId whose page it is
 * @param at when it was put together
 * @param today the person's own date, for the pause date picker
 * @param paused whether the person is paused now
 * @param pausedUntil the first day back, or {@code null} for a pause until they resume (or no pause)
 * @param nudgesOn whether they get nudges (their own switch, apart from a pause)
 * @param promptsOn whether they get scheduled prompts (their own switch, apart from a pause)
 * @param teams their progress in each of their teams
 * @param onLeaderboard whether they opted in to leaderboards their teams turn on
 * @param ledTeams the teams they lead, for the digest preview
 * @param notice what their last action did, or {@code null}
 * @param unblocks the line about the teammates they helped unblock, or {@code null}
 * @param learnings the latest learnings of their teams, for the "Team learnings" section
 */
public record HomePage(
        String userId,
        Instant at,
        LocalDate today,
        boolean paused,
        LocalDate pausedUntil,
        boolean nudgesOn,
        boolean promptsOn,
        List<TeamProgress> teams,
        boolean onLeaderboard,
        List<Team> ledTeams,
        String notice,
        String unblocks,
        LibraryAnswer learnings) {

    public HomePage {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(today, "today");
        teams = List.copyOf(teams);
        ledTeams = List.copyOf(ledTeams);
        Objects.requireNonNull(learnings, "learnings");
    }

    /** A page without the unblocks line. */
    public HomePage(
            String userId,
            Instant at,
            LocalDate today,
            boolean paused,
            LocalDate pausedUntil,
            boolean nudgesOn,
            boolean promptsOn,
            List<TeamProgress> teams,
            boolean onLeaderboard,
            List<Team> ledTeams,
            String notice,
            LibraryAnswer learnings) {
        this(
                userId,
                at,
                today,
                paused,
                pausedUntil,
                nudgesOn,
                promptsOn,
                teams,
                onLeaderboard,
                ledTeams,
                notice,
                null,
                learnings);
    }
}
