package dev.ownership.bot.streak;

import dev.ownership.storage.pause.PauseRepository;
import dev.ownership.storage.streak.ActivityRepository;
import dev.ownership.storage.streak.ActivityRepository.Activity;
import dev.ownership.storage.streak.ActivityRepository.Event;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Derives streaks and weekly summaries from the recorded facts. Nothing is cached or counted up: the same facts
 * always give the same answer, so a value seen as facts arrive equals one recomputed later from scratch.
 *
 * <p>Thread-safe.
 */
public final class StreakService {
    /** How long after the nudge's grace period a next step still counts for the ownership streak. */
    public static final Duration AFTER_GRACE = Duration.ofHours(24);
    /** How many weeks the summaries cover, the current one included. */
    public static final int WEEKS_SHOWN = 4;

    private final TeamRepository teams;
    private final ActivityRepository activity;
    private final PauseRepository pauses;
    private final Duration window;
    private final Clock clock;

    /**
     * @param nudgeGrace the nudge's grace period; a next step counts until it plus {@link #AFTER_GRACE} have passed
     */
    public StreakService(
            TeamRepository teams,
            ActivityRepository activity,
            PauseRepository pauses,
            Duration nudgeGrace,
            Clock clock) {
        this.teams = Objects.requireNonNull(teams, "teams");
        this.activity = Objects.requireNonNull(activity, "activity");
        this.pauses = Objects.requireNonNull(pauses, "pauses");
        this.window = Objects.requireNonNull(nudgeGrace, "nudgeGrace").plus(AFTER_GRACE);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The watched teams in which {@code userId} posted, shared, answered or is a member, by channel name. */
    public List<Team> teamsOf(String userId) {
        List<Team> found = new ArrayList<>();
        for (String channelId : activity.channelsOf(userId)) {
            teams.find(channelId).filter(Team::watched).ifPresent(found::add);
        }
        found.sort(Comparator.comparing(Team::channelName).thenComparing(Team::channelId));
        return found;
    }

    /** The person's progress in each of their teams, now. */
    public List<TeamProgress> progress(String userId) {
        return teamsOf(userId).stream().map(team -> progress(team, userId)).toList();
    }

    /** The person's progress in one team, now. */
    public TeamProgress progress(Team team, String userId) {
        Instant now = clock.instant();
        return new TeamProgress(team, streaks(team, userId, now), lastWeeks(team, userId, now));
    }

    /** The team's weekly summaries, newest first, counting everyone. */
    public List<WeekSummary> teamWeeks(Team team) {
        return lastWeeks(team, null, clock.instant());
    }

    /** Everyone with anything recorded in the team. */
    public List<String> peopleIn(Team team) {
        return List.copyOf(activity.peopleIn(team.channelId()));
    }

    /** How many members the team's channel has, if membership is recorded. */
    public Optional<Integer> memberCount(Team team) {
        int members = activity.memberCount(team.channelId());
        return members == 0 ? Optional.empty() : Optional.of(members);
    }

    /** The person's three streaks in the team now: ownership, learning, early risk. */
    public List<Streak> streaks(Team team, String userId) {
        return streaks(team, userId, clock.instant());
    }

    /** The person's three streaks in the team as they stood at {@code asOf}. */
    public List<Streak> streaks(Team team, String userId, Instant asOf) {
        Activity history = activity.inTeam(team.channelId(), userId, Instant.EPOCH, asOf.plusMillis(1));
        PausedWeeks paused = new PausedWeeks(pauses.periods(userId), team.workdays());
        return List.of(
                OwnershipStreak.compute(history.blockers(), window, asOf),
                WeeklyStreak.compute(StreakKind.LEARNING, times(history.learnings()), paused, team.timezone(), asOf),
                WeeklyStreak.compute(
                        StreakKind.EARLY_RISK, times(history.riskCheckins()), paused, team.timezone(), asOf));
    }

    private List<WeekSummary> lastWeeks(Team team, String userId, Instant now) {
        LocalDate currentWeek = TeamWeeks.weekOf(now, team.timezone());
        LocalDate shownFrom = currentWeek.minusWeeks(WEEKS_SHOWN - 1L);
        // Weeks before the team was watched say nothing about anyone: they are left out, not shown as empty.
        LocalDate watchedWeek = TeamWeeks.weekOf(team.watchedAt(), team.timezone());
        LocalDate firstWeek = watchedWeek.isAfter(shownFrom) ? watchedWeek : shownFrom;
        Activity recent = activity.inTeam(
                team.channelId(),
                userId,
                TeamWeeks.startOf(firstWeek, team.timezone()),
                TeamWeeks.endOf(currentWeek, team.timezone()));
        List<WeekSummary> weeks = new ArrayList<>();
        for (LocalDate week = currentWeek; !week.isBefore(firstWeek); week = week.minusWeeks(1)) {
            weeks.add(WeekSummary.of(recent, week, team.timezone()));
        }
        return weeks;
    }

    private static List<Instant> times(List<Event> events) {
        return events.stream().map(Event::at).toList();
    }
}
