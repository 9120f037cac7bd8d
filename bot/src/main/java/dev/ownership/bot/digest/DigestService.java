package dev.ownership.bot.digest;

import dev.ownership.bot.ops.MetricName;
import dev.ownership.bot.ops.Metrics;
import dev.ownership.bot.streak.TeamWeeks;
import dev.ownership.storage.digest.DigestRepository;
import dev.ownership.storage.digest.DigestRepository.DigestSchedule;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers each team's weekly digest to its leads (or, without leads, to the admin who watched the channel) at
 * the team's {@code schedule digest} time in the team's timezone, once per recipient per week across restarts,
 * and composes previews of the week so far.
 *
 * <p>A digest covers the team week that contains the day before its scheduled time: a Monday 09:00 digest covers
 * the week just ended, a Friday 17:00 one the week about to end. A digest missed while the bot was down goes out
 * when it comes back, within the week. Thread-safe.
 */
public final class DigestService {
    private static final Logger log = LoggerFactory.getLogger(DigestService.class);
    /** The schedule of a team that has none stored: Mondays at 09:00. */
    public static final DigestSchedule DEFAULT_SCHEDULE =
            new DigestSchedule(Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), true);

    private final TeamRepository teams;
    private final DigestRepository digests;
    private final DigestComposer composer;
    private final DigestMessenger messenger;
    private final Clock clock;
    private final Metrics metrics;

    public DigestService(
            TeamRepository teams,
            DigestRepository digests,
            DigestComposer composer,
            DigestMessenger messenger,
            Clock clock,
            Metrics metrics) {
        this.teams = Objects.requireNonNull(teams, "teams");
        this.digests = Objects.requireNonNull(digests, "digests");
        this.composer = Objects.requireNonNull(composer, "composer");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** Sends every digest that is due now and not yet sent. */
    public void deliverDue() {
        for (Team team : teams.watched()) {
            try {
                dueWeek(team).ifPresent(week -> deliver(team, week));
            } catch (RuntimeException e) {
                log.error("Delivering the digest of #{} failed; will retry on the next tick", team.channelName(), e);
            }
        }
    }

    /** The digest of the current week so far, for a preview. */
    public Digest preview(Team team) {
        return composer.compose(team, TeamWeeks.weekOf(clock.instant(), team.timezone()));
    }

    /** Who receives the team's digest: its leads, or the admin who watched the channel when it has none. */
    public static List<String> recipients(Team team) {
        List<String> recipients = team.leads().isEmpty() ? List.of(team.watchedBy()) : team.leads();
        // The admin who watched the channel may have asked to be forgotten: nobody is left to receive it then.
        return recipients.stream().filter(id -> !id.isBlank()).toList();
    }

    /** The week whose digest is due for {@code team} now, if any. */
    Optional<LocalDate> dueWeek(Team team) {
        DigestSchedule schedule = digests.schedule(team.channelId()).orElse(DEFAULT_SCHEDULE);
        if (!schedule.enabled() || schedule.days().isEmpty()) {
            return Optional.empty();
        }
        ZonedDateTime now = clock.instant().atZone(team.timezone());
        for (int daysBack = 0; daysBack < 7; daysBack++) {
            LocalDate day = now.toLocalDate().minusDays(daysBack);
            if (!schedule.days().contains(day.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime occurrence = day.atTime(schedule.time()).atZone(team.timezone());
            if (occurrence.isAfter(now)) {
                continue;
            }
            LocalDate week = TeamWeeks.weekOf(occurrence.minusDays(1).toInstant(), team.timezone());
            if (occurrence.toInstant().isBefore(team.watchedAt())
                    || !TeamWeeks.endOf(week, team.timezone()).isAfter(team.watchedAt())) {
                // Nothing was watched in that week: no digest of an empty week before the team existed.
                return Optional.empty();
            }
            return Optional.of(week);
        }
        return Optional.empty();
    }

    private void deliver(Team team, LocalDate week) {
        Digest digest = null;
        byte[] chart = null;
        for (String recipient : recipients(team)) {
            Instant now = clock.instant();
            if (!digests.claim(team.channelId(), recipient, week, now)) {
                continue;
            }
            if (digest == null) {
                digest = composer.compose(team, week);
                chart = chart(digest);
            }
            DigestMessenger.Delivery delivery;
            try {
                delivery = messenger.send(recipient, digest, chart);
            } catch (RuntimeException e) {
                delivery = DigestMessenger.Delivery.failed(e.getMessage());
            }
            if (delivery.sent()) {
                digests.markSent(team.channelId(), recipient, week, delivery.dmChannel(), delivery.dmTs(), now);
                metrics.count(MetricName.DIGESTS_SENT);
            } else {
                digests.markFailed(team.channelId(), recipient, week, delivery.error());
                metrics.count(MetricName.DIGESTS_FAILED);
                log.warn(
                        "The digest of #{} for {} could not reach {}: {}",
                        team.channelName(),
                        week,
                        recipient,
                        delivery.error());
            }
        }
    }

    private static byte[] chart(Digest digest) {
        try {
            return TrendChart.png(digest.trend());
        } catch (RuntimeException | Error e) {
            log.warn("Drawing the digest chart failed; sending the digest without it: {}", e.toString());
            return null;
        }
    }
}
