package dev.ownership.bot.prompt;

import dev.ownership.bot.prompt.PromptSender.Recipient;
import dev.ownership.bot.prompt.PromptSender.Tally;
import dev.ownership.scheduler.PromptCalendar;
import dev.ownership.scheduler.PromptWork;
import dev.ownership.storage.prompt.PromptFanOut;
import dev.ownership.storage.prompt.PromptFanOutRepository;
import dev.ownership.storage.prompt.ScheduleRepository;
import dev.ownership.storage.prompt.TeamSchedule;
import dev.ownership.storage.workspace.MemberRepository;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamMember;
import dev.ownership.storage.workspace.TeamRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who gets which prompt when: the scheduled prompts (fired by the scheduler per team, prompt and member timezone),
 * the catch-up after downtime, and {@code /ownership prompt}.
 *
 * <p>A scheduled prompt's occurrence is the member's local date, so a person gets it at most once that day, even
 * if they change timezone or the bot restarts. A prompt is owed only for occurrences after the team was watched
 * and the person joined it. A prompt sent to the team now is recorded as a fan-out until its last DM, so that the
 * catch-up finishes one that a crash or a stop cut short, for the members whose day it still is. Thread-safe; all
 * times come from the injected clock.
 */
public final class Prompting implements PromptWork {
    private static final Logger log = LoggerFactory.getLogger(Prompting.class);
    private static final Duration INTERRUPTED_CLAIM = Duration.ofMinutes(5);

    private final TeamRepository teams;
    private final ScheduleRepository schedules;
    private final MemberRepository members;
    private final TeamMembership membership;
    private final PromptSender sender;
    private final PromptFanOutRepository fanOuts;
    private final Executor background;
    private final Clock clock;

    public Prompting(
            TeamRepository teams,
            ScheduleRepository schedules,
            MemberRepository members,
            TeamMembership membership,
            PromptSender sender,
            PromptFanOutRepository fanOuts,
            Executor background,
            Clock clock) {
        this.teams = Objects.requireNonNull(teams, "teams");
        this.schedules = Objects.requireNonNull(schedules, "schedules");
        this.members = Objects.requireNonNull(members, "members");
        this.membership = Objects.requireNonNull(membership, "membership");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.fanOuts = Objects.requireNonNull(fanOuts, "fanOuts");
        this.background = Objects.requireNonNull(background, "background");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Sends the prompt scheduled for {@code scheduledAt} to the team's members in {@code zone}, if it is still that
     * day where they live (a trigger that fires late, past midnight, sends nothing).
     */
    @Override
    public void sendDue(String channelId, String kind, ZoneId zone, Instant scheduledAt) {
        Optional<Scheduled> scheduled = scheduled(channelId, kind);
        if (scheduled.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        LocalDate date = scheduledAt.atZone(zone).toLocalDate();
        if (!now.atZone(zone).toLocalDate().equals(date)) {
            log.info(
                    "The {} prompt of {} for {} on {} fired after that day ended there; skipped",
                    kind,
                    channelId,
                    zone,
                    date);
            return;
        }
        Optional<Instant> occurrence = scheduled.get().calendar().occurrenceOn(date, zone);
        if (occurrence.isEmpty()) {
            return;
        }
        List<Recipient> recipients = members.of(channelId).stream()
                .filter(member -> member.timezone().equals(zone))
                .filter(member -> owed(scheduled.get().team(), member, occurrence.get()))
                .map(member -> new Recipient(member.userId(), zone, date.toString()))
                .toList();
        sender.send(scheduled.get().team(), scheduled.get().type(), recipients);
    }

    /**
     * Brings the teams' members up to date with joins and leaves missed while the bot was down, then sends each
     * member's prompts of today whose time has passed and that they have not had, and finishes the prompts sent to a
     * team now whose fan-out was cut short.
     */
    @Override
    public void catchUp() {
        membership.catchUp();
        Instant now = clock.instant();
        sender.recoverInterrupted(now.minus(INTERRUPTED_CLAIM));
        for (PromptFanOut fanOut : fanOuts.unfinished()) {
            resume(fanOut, now);
        }
        for (Team team : teams.watched()) {
            for (TeamSchedule schedule : schedules.forTeam(team.channelId())) {
                scheduled(team.channelId(), schedule.kind()).ifPresent(scheduled -> catchUp(scheduled, now));
            }
        }
    }

    @Override
    public void refreshMembers() {
        membership.refreshAll();
    }

    /**
     * Sends a prompt to every member of the team now ({@code /ownership prompt}), in the background, reading the
     * channel's members first so that newcomers are included.
     *
     * @return how many members it goes to (paused ones are skipped when it is sent)
     */
    public int sendNow(Team team, PromptType type) {
        try {
            membership.sync(team.channelId(), false);
        } catch (RuntimeException e) {
            log.warn(
                    "Could not read the members of #{}; prompting the ones known: {}",
                    team.channelName(),
                    e.toString());
        }
        Instant now = clock.instant();
        PromptFanOut fanOut = new PromptFanOut(team.channelId(), type.word(), "now-" + now.toEpochMilli(), now);
        List<Recipient> recipients = members.of(team.channelId()).stream()
                .map(member -> new Recipient(member.userId(), member.timezone(), fanOut.occurrence()))
                .toList();
        if (recipients.isEmpty()) {
            return 0;
        }
        fanOuts.start(fanOut);
        try {
            background.execute(() -> fanOut(team, type, fanOut, recipients));
        } catch (RuntimeException e) {
            // The person who asked is told it failed: nothing to finish after a restart.
            fanOuts.finish(fanOut);
            throw e;
        }
        return recipients.size();
    }

    /** Sends the prompt to the recipients; the fan-out is finished once all were gone through, uninterrupted. */
    private void fanOut(Team team, PromptType type, PromptFanOut fanOut, List<Recipient> recipients) {
        Tally tally = sender.send(team, type, recipients);
        if (tally.total() == recipients.size()) {
            fanOuts.finish(fanOut);
        }
    }

    /**
     * Finishes a fan-out a crash or a stop cut short: to the members who had joined when it was asked for and for
     * whom it is still that day, except those it reached (or was being sent to) before.
     */
    private void resume(PromptFanOut fanOut, Instant now) {
        Optional<Team> team = teams.find(fanOut.channelId()).filter(Team::watched);
        Optional<PromptType> type = PromptType.fromWord(fanOut.kind());
        if (team.isEmpty() || type.isEmpty()) {
            fanOuts.finish(fanOut);
            return;
        }
        List<Recipient> recipients = members.of(fanOut.channelId()).stream()
                .filter(member -> !member.joinedAt().isAfter(fanOut.requestedAt()))
                .filter(member -> sameDay(fanOut.requestedAt(), now, member.timezone()))
                .map(member -> new Recipient(member.userId(), member.timezone(), fanOut.occurrence()))
                .toList();
        log.info(
                "Finishing the {} prompt sent to #{} at {}, cut short by a restart ({} members whose day it still is)",
                type.get().word(),
                team.get().channelName(),
                fanOut.requestedAt(),
                recipients.size());
        fanOut(team.get(), type.get(), fanOut, recipients);
    }

    private static boolean sameDay(Instant first, Instant second, ZoneId zone) {
        return first.atZone(zone).toLocalDate().equals(second.atZone(zone).toLocalDate());
    }

    private void catchUp(Scheduled scheduled, Instant now) {
        List<Recipient> recipients = members.of(scheduled.team().channelId()).stream()
                .flatMap(member -> dueToday(scheduled, member, now).stream())
                .toList();
        sender.send(scheduled.team(), scheduled.type(), recipients);
    }

    private static Optional<Recipient> dueToday(Scheduled scheduled, TeamMember member, Instant now) {
        LocalDate today = now.atZone(member.timezone()).toLocalDate();
        return scheduled
                .calendar()
                .occurrenceOn(today, member.timezone())
                .filter(occurrence -> !occurrence.isAfter(now) && owed(scheduled.team(), member, occurrence))
                .map(occurrence -> new Recipient(member.userId(), member.timezone(), today.toString()));
    }

    private static boolean owed(Team team, TeamMember member, Instant occurrence) {
        return occurrence.isAfter(team.watchedAt()) && occurrence.isAfter(member.joinedAt());
    }

    private Optional<Scheduled> scheduled(String channelId, String kind) {
        Optional<PromptType> type = PromptType.fromWord(kind);
        Optional<Team> team = teams.find(channelId).filter(Team::watched);
        Optional<TeamSchedule> schedule = schedules.find(channelId, kind).filter(TeamSchedule::enabled);
        if (type.isEmpty() || team.isEmpty() || schedule.isEmpty()) {
            return Optional.empty();
        }
        PromptCalendar calendar = PromptCalendar.of(
                schedule.get().days(), team.get().workdays(), schedule.get().at());
        return Optional.of(new Scheduled(team.get(), type.get(), calendar));
    }

    private record Scheduled(Team team, PromptType type, PromptCalendar calendar) {}
}
