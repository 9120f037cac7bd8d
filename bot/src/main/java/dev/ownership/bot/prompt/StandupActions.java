package dev.ownership.bot.prompt;

import dev.ownership.bot.nudge.StandupService;
import dev.ownership.bot.ops.MetricName;
import dev.ownership.bot.ops.Metrics;
import dev.ownership.storage.prompt.PromptDelivery;
import dev.ownership.storage.prompt.PromptDelivery.Key;
import dev.ownership.storage.prompt.PromptDelivery.State;
import dev.ownership.storage.prompt.PromptDeliveryRepository;
import dev.ownership.storage.prompt.StandupDayRepository;
import dev.ownership.storage.prompt.StandupDayRepository.StandupDay;
import dev.ownership.storage.workspace.MemberRepository;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamMember;
import dev.ownership.storage.workspace.TeamRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What people do with the standup the bot runs for their team: write it in the modal (the answers are posted in the
 * team's channel in their name and judged by {@link StandupService} like any standup post), edit it the same day,
 * skip it, or ask to be reminded in an hour.
 *
 * <p>A standup is a prompt delivery of kind {@code standup}, keyed by its recipient, so a person acts on their own
 * only; the first answer claims it, so a double submit posts once. The answers are never stored: an edit reads them
 * back from the post. Thread-safe.
 */
public final class StandupActions {
    /** How much later "Remind me in 1 h" reminds. */
    public static final Duration SNOOZE = Duration.ofHours(1);

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final PromptDeliveryRepository deliveries;
    private final StandupDayRepository days;
    private final TeamRepository teams;
    private final MemberRepository members;
    private final StandupPlan plan;
    private final StandupService standups;
    private final StandupMessenger messenger;
    private final Clock clock;
    private final Metrics metrics;

    public StandupActions(
            PromptDeliveryRepository deliveries,
            StandupDayRepository days,
            TeamRepository teams,
            MemberRepository members,
            StandupPlan plan,
            StandupService standups,
            StandupMessenger messenger,
            Clock clock,
            Metrics metrics) {
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.days = Objects.requireNonNull(days, "days");
        this.teams = Objects.requireNonNull(teams, "teams");
        this.members = Objects.requireNonNull(members, "members");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.standups = Objects.requireNonNull(standups, "standups");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** The modal for a standup still awaiting its answers, if {@code key} names one. */
    public Optional<StandupForm> open(Key key) {
        Optional<Team> team = teams.find(key.channelId());
        boolean open = deliveries
                .find(key)
                .filter(delivery -> delivery.state() == State.SENT
                        || delivery.state() == State.SENDING
                        || delivery.state() == State.FAILED)
                .isPresent();
        if (!open || team.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StandupForm(
                plan.questions(key.channelId()), List.of(), team.get().channelName(), false));
    }

    /**
     * The modal for editing answers posted today, filled with them as the post shows them now (read back from
     * Slack), if {@code key} names a standup its person answered today.
     */
    public Optional<StandupForm> openEdit(Key key) {
        Optional<Posted> posted = postedToday(key);
        if (posted.isEmpty()) {
            return Optional.empty();
        }
        return messenger
                .read(key.channelId(), posted.get().postTs(), key.userId())
                .map(answers -> new StandupForm(
                        answers.answers().stream()
                                .map(StandupAnswers.Answer::question)
                                .toList(),
                        answers.answers().stream()
                                .map(StandupAnswers.Answer::text)
                                .toList(),
                        posted.get().team().channelName(),
                        true));
    }

    /**
     * Posts the answers of an open standup in the team's channel and records the post like a standup its author
     * wrote there; the DMs then show it was posted, with an edit button.
     *
     * @return false if the standup is not open (not theirs, answered or skipped already)
     */
    public boolean answer(Key key, StandupAnswers answers) {
        Optional<PromptDelivery> delivery = deliveries.find(key);
        Optional<Team> team = teams.find(key.channelId());
        if (delivery.isEmpty()
                || team.isEmpty()
                || !key.kind().equals(PromptType.STANDUP.word())
                || !deliveries.answer(key, clock.instant())) {
            return false;
        }
        metrics.count(MetricName.PROMPTS_ANSWERED, "kind", key.kind());
        String channelName = team.get().channelName();
        Optional<String> ts = messenger.post(key.channelId(), answers);
        if (ts.isEmpty()) {
            settle(
                    delivery.get(),
                    key,
                    "I couldn't post your standup in #" + channelName
                            + " just now, sorry. Here is what you wrote, so nothing is lost:\n" + answers.body(),
                    false);
            return true;
        }
        days.recordPost(key, ts.get(), clock.instant());
        standups.posted(key.channelId(), ts.get(), key.userId(), answers.body());
        settle(
                delivery.get(),
                key,
                "Posted your standup in #" + channelName + ". You can edit it until the end of " + "your day.",
                true);
        return true;
    }

    /**
     * Replaces the answers posted today with edited ones; the post is judged again, as an edit of a standup post
     * is (a next step added now settles a blocker before its nudge).
     *
     * @return false if the person has no standup posted today
     */
    public boolean edit(Key key, StandupAnswers answers) {
        Optional<Posted> posted = postedToday(key);
        if (posted.isEmpty() || !messenger.update(key.channelId(), posted.get().postTs(), answers)) {
            return false;
        }
        standups.edited(key.channelId(), posted.get().postTs(), key.userId(), answers.body());
        deliveries
                .find(key)
                .ifPresent(delivery -> settle(
                        delivery,
                        key,
                        "Updated your standup in #" + posted.get().team().channelName() + ".",
                        true));
        return true;
    }

    /**
     * "Skip today": no reminder, and the day counts as skipped rather than missing.
     *
     * @return false if the standup is not open
     */
    public boolean skip(Key key) {
        Optional<PromptDelivery> delivery = deliveries.find(key);
        if (delivery.isEmpty()
                || !key.kind().equals(PromptType.STANDUP.word())
                || !deliveries.skip(key, clock.instant())) {
            return false;
        }
        metrics.count(MetricName.PROMPTS_SKIPPED, "kind", key.kind());
        settle(delivery.get(), key, "Skipped today's standup. See you next time.", false);
        return true;
    }

    /**
     * "Remind me in 1 h" on the reminder: one more reminder an hour later, if that is still within the person's
     * working hours today; the reminder DM says which.
     *
     * @return false if the standup is not open or was snoozed before
     */
    public boolean snooze(Key key) {
        Optional<PromptDelivery> delivery = deliveries.find(key).filter(found -> found.state() == State.SENT);
        Optional<Team> team = teams.find(key.channelId());
        Optional<StandupDay> day = days.find(key);
        if (delivery.isEmpty() || team.isEmpty() || day.isEmpty() || day.get().snoozeDue() != null) {
            return false;
        }
        ZoneId zone = zoneOf(key);
        Instant due = clock.instant().plus(SNOOZE);
        ZonedDateTime localDue = due.atZone(zone);
        boolean today = localDue.toLocalDate().toString().equals(key.occurrence());
        String outcome;
        if (today && !localDue.toLocalTime().isAfter(team.get().workEnd())) {
            if (!days.snooze(key, due)) {
                return false;
            }
            outcome = "Sure, I'll remind you at " + CLOCK_TIME.format(localDue) + ".";
        } else {
            outcome = "An hour from now is past your working day, so no more reminders today. The standup stays "
                    + "open until then.";
        }
        if (day.get().reminderChannel() != null) {
            messenger.settle(day.get().reminderChannel(), day.get().reminderTs(), outcome, null);
        }
        return true;
    }

    /** The person's timezone as the team knows it (UTC if they left the channel). */
    ZoneId zoneOf(Key key) {
        return members.of(key.channelId()).stream()
                .filter(member -> member.userId().equals(key.userId()))
                .map(TeamMember::timezone)
                .findFirst()
                .orElse(ZoneOffset.UTC);
    }

    private Optional<Posted> postedToday(Key key) {
        if (!key.kind().equals(PromptType.STANDUP.word())) {
            return Optional.empty();
        }
        Optional<PromptDelivery> delivery = deliveries.find(key).filter(found -> found.state() == State.ANSWERED);
        Optional<StandupDay> day = days.find(key).filter(found -> found.postTs() != null);
        Optional<Team> team = teams.find(key.channelId());
        LocalDate today = clock.instant().atZone(zoneOf(key)).toLocalDate();
        if (delivery.isEmpty()
                || day.isEmpty()
                || team.isEmpty()
                || !today.toString().equals(key.occurrence())) {
            return Optional.empty();
        }
        return Optional.of(new Posted(team.get(), day.get().postTs()));
    }

    /** Shows the outcome in the standup's DM and, if the person was reminded, in the reminder. */
    private void settle(PromptDelivery delivery, Key key, String outcome, boolean editable) {
        Key edit = editable ? key : null;
        if (delivery.dmChannel() != null && delivery.dmTs() != null) {
            messenger.settle(delivery.dmChannel(), delivery.dmTs(), outcome, edit);
        }
        days.find(key)
                .filter(day -> day.reminderChannel() != null)
                .ifPresent(day -> messenger.settle(day.reminderChannel(), day.reminderTs(), outcome, null));
    }

    private record Posted(Team team, String postTs) {}
}
