package dev.ownership.bot.streak;

import dev.ownership.bot.pause.Pauses;
import dev.ownership.bot.workspace.Person;
import dev.ownership.bot.workspace.Workspace;
import dev.ownership.storage.streak.LeaderboardOptInRepository;
import dev.ownership.storage.workspace.Team;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The per-person leaderboard a team may turn on. It lists only people who opted in, and never those who are paused
 * (a forgotten person is paused until they resume), or whom the bot could not message (bots, deactivated accounts).
 *
 * <p>Thread-safe. Looks people up in the workspace, so it may block on Slack.
 */
public final class Leaderboard {
    /** How many people are listed at most. */
    public static final int SHOWN = 10;

    private static final Comparator<Standing> ORDER = Comparator.comparingInt(
                    (Standing standing) -> standing.streaks().get(0).current())
            .thenComparingInt(standing -> standing.streaks().get(1).current())
            .thenComparingInt(standing -> standing.streaks().get(2).current())
            .reversed()
            .thenComparing(Standing::userId);

    private final StreakService streaks;
    private final LeaderboardOptInRepository optIns;
    private final Pauses pauses;
    private final Workspace workspace;

    public Leaderboard(StreakService streaks, LeaderboardOptInRepository optIns, Pauses pauses, Workspace workspace) {
        this.streaks = Objects.requireNonNull(streaks, "streaks");
        this.optIns = Objects.requireNonNull(optIns, "optIns");
        this.pauses = Objects.requireNonNull(pauses, "pauses");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    /** The team's standings by current streaks (ownership first), at most {@link #SHOWN} people. */
    public List<Standing> standings(Team team) {
        return streaks.peopleIn(team).stream()
                .filter(optIns::isShown)
                .map(workspace::person)
                .flatMap(Optional::stream)
                .filter(person -> person.isReachableHuman() && !pauses.isPaused(person.id(), person.timezone()))
                .map(Person::id)
                .map(userId -> new Standing(userId, streaks.streaks(team, userId)))
                .sorted(ORDER)
                .limit(SHOWN)
                .toList();
    }

    /** One person's current streaks: ownership, learning, early risk. */
    public record Standing(String userId, List<Streak> streaks) {
        public Standing {
            Objects.requireNonNull(userId, "userId");
            streaks = List.copyOf(streaks);
        }
    }
}
