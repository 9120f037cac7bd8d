package dev.ownership.bot.risk;

import dev.ownership.bot.nudge.WorkingHours;
import dev.ownership.bot.ops.MetricName;
import dev.ownership.bot.ops.Metrics;
import dev.ownership.bot.pause.PersonalControls;
import dev.ownership.bot.workspace.Person;
import dev.ownership.bot.workspace.Workspace;
import dev.ownership.storage.risk.RegisterEntry;
import dev.ownership.storage.risk.RiskRegisterRepository;
import dev.ownership.storage.risk.RiskRegisterRepository.Claim;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the check-ins that are due, looked for on every tick of due work: to the author of each open or mitigating
 * risk, once per follow-up period, within the team's working days and hours in the author's own timezone, at most
 * one a person a day. A paused author is asked the day after the pause ends; an author who turned prompts off is
 * not asked this period (the check-in is a prompt about something they shared). Each check-in is claimed in the
 * database first, so it goes out at most once across ticks, restarts and replicas; its due time lives there too, so
 * a bot that was down sends it when it is back.
 *
 * <p>Thread-safe.
 */
public final class RiskCheckins {
    private static final Logger log = LoggerFactory.getLogger(RiskCheckins.class);
    private static final int BATCH = 200;
    private static final Duration INTERRUPTED_CLAIM = Duration.ofMinutes(5);

    private final RiskRegisterRepository entries;
    private final TeamRepository teams;
    private final Workspace workspace;
    private final PersonalControls controls;
    private final RiskMessenger messenger;
    private final Clock clock;
    private final Metrics metrics;

    public RiskCheckins(
            RiskRegisterRepository entries,
            TeamRepository teams,
            Workspace workspace,
            PersonalControls controls,
            RiskMessenger messenger,
            Clock clock,
            Metrics metrics) {
        this.entries = Objects.requireNonNull(entries, "entries");
        this.teams = Objects.requireNonNull(teams, "teams");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.controls = Objects.requireNonNull(controls, "controls");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** Settles check-ins left half-sent by a crash; called once at start-up. */
    public void recoverInterrupted() {
        int settled = entries.failInterrupted(clock.instant().minus(INTERRUPTED_CLAIM));
        if (settled > 0) {
            log.warn(
                    "{} risk check-in(s) were interrupted by a crash while sending; asking again next period", settled);
        }
    }

    /** Sends every check-in due now. */
    public void deliverDue() {
        Instant now = clock.instant();
        for (RegisterEntry entry : entries.due(now, BATCH)) {
            try {
                deliver(entry, now);
            } catch (RuntimeException e) {
                log.error("The check-in of risk {} failed; will retry on the next tick", entry.riskId(), e);
            }
        }
    }

    private void deliver(RegisterEntry entry, Instant now) {
        Duration period = Duration.ofDays(entries.followupDays(entry.channelId()));
        Optional<Team> team = teams.find(entry.channelId()).filter(Team::watched);
        if (team.isEmpty()) {
            skip(entry, "unwatched", now, period);
            return;
        }
        Optional<Person> author = workspace.person(entry.userId()).filter(Person::isReachableHuman);
        if (author.isEmpty()) {
            skip(entry, "unreachable", now, period);
            return;
        }
        ZoneId zone = author.get().timezone();
        WorkingHours hours = new WorkingHours(
                team.get().workdays(), team.get().workStart(), team.get().workEnd());
        ZonedDateTime local = now.atZone(zone);
        Optional<String> leftOut = controls.whyNoPrompt(entry.userId(), zone);
        if (leftOut.filter(PersonalControls.PAUSED::equals).isPresent()) {
            entries.hold(entry, nextDay(hours, local));
            return;
        }
        if (leftOut.isPresent()) {
            skip(entry, leftOut.get(), now, period);
            return;
        }
        ZonedDateTime opening = hours.nextOpening(local);
        if (opening.isAfter(local)) {
            entries.hold(entry, opening.toInstant());
            return;
        }
        Claim claim = entries.claim(entry, local.toLocalDate(), now, now.plus(period));
        if (claim == Claim.OVER_DAILY_LIMIT) {
            entries.hold(entry, nextDay(hours, local));
        } else if (claim == Claim.CLAIMED) {
            send(entry, team.get(), zone, now);
        }
    }

    private void send(RegisterEntry entry, Team team, ZoneId zone, Instant now) {
        RiskMessenger.Sent sent;
        try {
            sent = messenger.sendCheckin(new RiskMessenger.Checkin(
                    entry.userId(), entry.riskId(), RiskText.checkin(entry, team.channelName(), now, zone)));
        } catch (RuntimeException e) {
            sent = RiskMessenger.Sent.failed(e.getMessage());
        }
        if (sent.ok()) {
            entries.markSent(entry.riskId(), sent.dmChannel(), sent.dmTs());
            metrics.count(MetricName.RISK_CHECKINS, "outcome", "sent");
        } else {
            entries.markFailed(entry.riskId(), sent.error());
            metrics.count(MetricName.RISK_CHECKINS, "outcome", "failed");
            log.warn("The check-in of risk {} failed: {}; asking again next period", entry.riskId(), sent.error());
        }
    }

    private void skip(RegisterEntry entry, String reason, Instant now, Duration period) {
        if (entries.skip(entry, reason, now, now.plus(period))) {
            metrics.count(MetricName.RISK_CHECKINS, "outcome", reason);
        }
    }

    /** The start of working hours on the next working day after {@code local}'s date. */
    private static Instant nextDay(WorkingHours hours, ZonedDateTime local) {
        return hours.nextOpening(local.toLocalDate().plusDays(1).atStartOfDay(local.getZone()))
                .toInstant();
    }
}
