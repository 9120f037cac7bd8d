package dev.ownership.bot.prompt;

import dev.ownership.bot.ops.MetricName;
import dev.ownership.bot.ops.Metrics;
import dev.ownership.bot.pause.PersonalControls;
import dev.ownership.storage.prompt.PromptDelivery;
import dev.ownership.storage.prompt.PromptDelivery.Key;
import dev.ownership.storage.prompt.PromptDelivery.State;
import dev.ownership.storage.prompt.PromptDeliveryRepository;
import dev.ownership.storage.prompt.ScheduleRepository;
import dev.ownership.storage.prompt.StandupDayRepository;
import dev.ownership.storage.prompt.TeamSchedule;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reminders of the standup the bot runs, looked for on every tick of due work: one reminder, at the team's
 * reminder time in the person's own timezone, to whoever has neither answered nor skipped that day's standup, and one
 * more an hour after "Remind me in 1 h". Never to paused people, never past the team's working hours or the
 * person's day; each reminder is claimed in the database first, so it goes out at most once.
 *
 * <p>Thread-safe.
 */
public final class StandupReminders {
    private static final Logger log = LoggerFactory.getLogger(StandupReminders.class);
    /** Standups sent longer ago than this are past their day in every timezone. */
    private static final Duration LOOK_BACK = Duration.ofHours(40);

    private final PromptDeliveryRepository deliveries;
    private final StandupDayRepository days;
    private final ScheduleRepository schedules;
    private final TeamRepository teams;
    private final StandupPlan plan;
    private final StandupActions actions;
    private final PersonalControls controls;
    private final StandupMessenger messenger;
    private final Clock clock;
    private final Metrics metrics;

    public StandupReminders(
            PromptDeliveryRepository deliveries,
            StandupDayRepository days,
            ScheduleRepository schedules,
            TeamRepository teams,
            StandupPlan plan,
            StandupActions actions,
            PersonalControls controls,
            StandupMessenger messenger,
            Clock clock,
            Metrics metrics) {
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.days = Objects.requireNonNull(days, "days");
        this.schedules = Objects.requireNonNull(schedules, "schedules");
        this.teams = Objects.requireNonNull(teams, "teams");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.controls = Objects.requireNonNull(controls, "controls");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** Sends the reminders due now. */
    public void deliverDue() {
        Instant now = clock.instant();
        for (PromptDelivery delivery : deliveries.awaitingAnswer(PromptType.STANDUP.word(), now.minus(LOOK_BACK))) {
            try {
                remindIfDue(delivery.key(), now);
            } catch (RuntimeException e) {
                log.error(
                        "The standup reminder to {} failed; going on with the others",
                        delivery.key().userId(),
                        e);
            }
        }
        for (Key key : days.snoozesDue(now)) {
            try {
                remindAgain(key, now);
            } catch (RuntimeException e) {
                log.error("The snoozed standup reminder to {} failed", key.userId(), e);
            }
        }
    }

    private void remindIfDue(Key key, Instant now) {
        Optional<Team> team = teams.find(key.channelId()).filter(Team::watched);
        Optional<TeamSchedule> schedule =
                schedules.find(key.channelId(), PromptType.STANDUP.word()).filter(TeamSchedule::enabled);
        Optional<LocalDate> date = date(key);
        if (team.isEmpty() || schedule.isEmpty() || date.isEmpty()) {
            return;
        }
        Optional<LocalTime> remindAt =
                plan.reminderTime(key.channelId(), schedule.get().at());
        ZoneId zone = actions.zoneOf(key);
        if (remindAt.isEmpty() || !withinDay(team.get(), date.get(), zone, now)) {
            return;
        }
        Instant due = date.get().atTime(remindAt.get()).atZone(zone).toInstant();
        if (now.isBefore(due)
                || controls.whyNoPrompt(key.userId(), zone).isPresent()
                || !days.claimReminder(key, now)) {
            return;
        }
        send(key, team.get(), true);
    }

    private void remindAgain(Key key, Instant now) {
        Optional<Team> team = teams.find(key.channelId()).filter(Team::watched);
        boolean open = deliveries
                .find(key)
                .filter(delivery -> delivery.state() == State.SENT)
                .isPresent();
        Optional<LocalDate> date = date(key);
        if (!days.claimSnooze(key, now)) {
            return;
        }
        ZoneId zone = actions.zoneOf(key);
        if (team.isEmpty()
                || !open
                || date.isEmpty()
                || !withinDay(team.get(), date.get(), zone, now)
                || controls.whyNoPrompt(key.userId(), zone).isPresent()) {
            return; // answered, skipped or past the day meanwhile: the claim drops it
        }
        send(key, team.get(), false);
    }

    private void send(Key key, Team team, boolean canSnooze) {
        PromptMessenger.Sent sent = messenger.remind(key, team.channelName(), canSnooze);
        metrics.count(MetricName.STANDUP_REMINDERS, "outcome", sent.ok() ? "sent" : "failed");
        if (sent.ok()) {
            days.recordReminderDm(key, sent.dmChannel(), sent.dmTs());
        } else {
            log.warn("The standup reminder to {} failed: {}; not retrying", key.userId(), sent.error());
        }
    }

    /** Whether it is still the standup's day where the person lives, within the team's working hours. */
    private static boolean withinDay(Team team, LocalDate date, ZoneId zone, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        return local.toLocalDate().equals(date)
                && !local.toLocalTime().isBefore(team.workStart())
                && local.toLocalTime().isBefore(team.workEnd());
    }

    private static Optional<LocalDate> date(Key key) {
        try {
            return Optional.of(LocalDate.parse(key.occurrence()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
