package dev.ownership.bot.prompt;

import dev.ownership.scheduler.PromptCalendar;
import dev.ownership.scheduler.PromptTriggers;
import dev.ownership.storage.prompt.ScheduleRepository;
import dev.ownership.storage.prompt.TeamSchedule;
import dev.ownership.storage.workspace.MemberRepository;
import dev.ownership.storage.workspace.Team;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Teams' schedules for prompts and the digest: the defaults a newly watched team gets, the changes admins make,
 * and how {@code /ownership settings} shows them. Every change rebuilds the prompt triggers.
 *
 * <p>Thread-safe.
 */
public final class PromptSchedules {
    /** The kinds a team has a schedule of, in the order settings shows them. */
    public static final List<String> KINDS = List.of("learning", "risk", "impact", "digest");

    private final ScheduleRepository schedules;
    private final MemberRepository members;
    private final TeamMembership membership;
    private final PromptTriggers triggers;
    private final Executor background;

    public PromptSchedules(
            ScheduleRepository schedules,
            MemberRepository members,
            TeamMembership membership,
            PromptTriggers triggers,
            Executor background) {
        this.schedules = Objects.requireNonNull(schedules, "schedules");
        this.members = Objects.requireNonNull(members, "members");
        this.membership = Objects.requireNonNull(membership, "membership");
        this.triggers = Objects.requireNonNull(triggers, "triggers");
        this.background = Objects.requireNonNull(background, "background");
    }

    /**
     * The schedules a team starts with: a learning prompt on Fridays at 15:00 and a risk check-in on Mondays at
     * 10:00 (each member's own time), no impact prompt until an admin picks a time, and the digest on Mondays at
     * 09:00 (the team's time).
     */
    public static List<TeamSchedule> defaults(String channelId) {
        return List.of(
                new TeamSchedule(channelId, "learning", Set.of(DayOfWeek.FRIDAY), LocalTime.of(15, 0), true),
                new TeamSchedule(channelId, "risk", Set.of(DayOfWeek.MONDAY), LocalTime.of(10, 0), true),
                new TeamSchedule(channelId, "impact", Set.of(DayOfWeek.FRIDAY), LocalTime.of(16, 0), false),
                new TeamSchedule(channelId, "digest", Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), true));
    }

    /** The team's schedule of {@code kind}: the stored one, or the default. */
    public TeamSchedule of(String channelId, String kind) {
        return schedules.find(channelId, kind).orElseGet(() -> defaults(channelId).stream()
                .filter(schedule -> schedule.kind().equals(kind))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No schedule kind " + kind)));
    }

    /** The team's stored schedule of {@code kind}, for kinds without a default such as the standup. */
    public Optional<TeamSchedule> find(String channelId, String kind) {
        return schedules.find(channelId, kind);
    }

    /** Schedules {@code kind} on {@code days} at {@code at}, turning it on. */
    public void set(String channelId, String kind, Set<DayOfWeek> days, LocalTime at) {
        schedules.save(new TeamSchedule(channelId, kind, days, at, true));
        triggers.rebuild();
    }

    /** Turns {@code kind} off, keeping its days and time for later. */
    public void turnOff(String channelId, String kind) {
        TeamSchedule current = of(channelId, kind);
        schedules.save(new TeamSchedule(channelId, kind, current.days(), current.at(), false));
        triggers.rebuild();
    }

    /**
     * A channel was newly watched: it gets the default schedules it has none of yet (a team watched again keeps
     * its own), and its members are read from Slack in the background.
     */
    public void teamWatched(String channelId) {
        schedules.addMissing(defaults(channelId));
        triggers.rebuild();
        background.execute(() -> membership.sync(channelId, false));
    }

    /** A team's settings changed (unwatched, working days): the triggers follow. */
    public void teamChanged(String channelId) {
        triggers.rebuild();
    }

    /** Gives every team the default schedules it has none of yet, e.g. teams watched before prompts existed. */
    public void addMissingDefaults(List<Team> teams) {
        int added = 0;
        for (Team team : teams) {
            added += schedules.addMissing(defaults(team.channelId()));
        }
        if (added > 0) {
            triggers.rebuild();
        }
    }

    /** The team's schedules of every kind, stored or default, in {@link #KINDS} order. */
    public List<TeamSchedule> all(String channelId) {
        return KINDS.stream().map(kind -> of(channelId, kind)).toList();
    }

    /** How many people in the team's channel get its prompts. */
    public int memberCount(String channelId) {
        return members.of(channelId).size();
    }

    /** Whether a prompt schedule never fires because none of its days is one of the team's working days. */
    public static boolean neverFires(Team team, TeamSchedule schedule) {
        return schedule.enabled()
                && PromptType.fromWord(schedule.kind()).isPresent()
                && PromptCalendar.of(schedule.days(), team.workdays(), schedule.at())
                        .isEmpty();
    }
}
