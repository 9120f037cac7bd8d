package dev.ownership.bot.prompt;

import dev.ownership.bot.ops.MetricName;
import dev.ownership.bot.ops.Metrics;
import dev.ownership.bot.pause.PersonalControls;
import dev.ownership.storage.prompt.PromptDelivery.Key;
import dev.ownership.storage.prompt.PromptDeliveryRepository;
import dev.ownership.storage.workspace.Team;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one prompt to each of a team's recipients, one after the other: never to paused people or people who turned prompts off, at most once per
 * person and occurrence (each delivery is claimed in the database first), and one person's failure (cannot DM,
 * deactivated) never stops the rest. The pace is the Web API's: the messenger waits when Slack says so. A fan-out
 * interrupted because the bot is stopping leaves the rest unclaimed, for the catch-up after the restart; one halted
 * because Slack revoked the bot's access stops at once and leaves the rest unclaimed too.
 *
 * <p>Thread-safe. Fan-outs of different triggers (teams, timezones) run side by side; the claims keep them from
 * ever sending the same prompt twice.
 */
public final class PromptSender {
    private static final Logger log = LoggerFactory.getLogger(PromptSender.class);

    private final PromptDeliveryRepository deliveries;
    private final PersonalControls controls;
    private final PromptMessenger messenger;
    private final Clock clock;
    private final Metrics metrics;
    private final Function<String, List<String>> standupQuestions;
    private final BooleanSupplier halted;

    /** A sender whose standups ask the default questions and that only an interruption stops. */
    public PromptSender(
            PromptDeliveryRepository deliveries,
            PersonalControls controls,
            PromptMessenger messenger,
            Clock clock,
            Metrics metrics) {
        this(deliveries, controls, messenger, clock, metrics, channelId -> StandupPlan.DEFAULT_QUESTIONS, () -> false);
    }

    /**
     * A sender whose standups ask each team's questions, which {@code standupQuestions} gives by channel.
     *
     * @param halted true once no more prompts may be sent at all (Slack revoked the bot's access)
     */
    public PromptSender(
            PromptDeliveryRepository deliveries,
            PersonalControls controls,
            PromptMessenger messenger,
            Clock clock,
            Metrics metrics,
            Function<String, List<String>> standupQuestions,
            BooleanSupplier halted) {
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.controls = Objects.requireNonNull(controls, "controls");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.standupQuestions = Objects.requireNonNull(standupQuestions, "standupQuestions");
        this.halted = Objects.requireNonNull(halted, "halted");
    }

    /** Sends {@code type} to each recipient in turn and says what happened. */
    public Tally send(Team team, PromptType type, List<Recipient> recipients) {
        Tally tally = new Tally(0, 0, 0, 0);
        for (int i = 0; i < recipients.size(); i++) {
            if (Thread.currentThread().isInterrupted()) {
                log.info(
                        "Stopping the {} prompt for #{}: {} left for the catch-up after the restart",
                        type.word(),
                        team.channelName(),
                        recipients.size() - i);
                break;
            }
            if (halted.getAsBoolean()) {
                log.info(
                        "Stopping the {} prompt for #{}: Slack revoked the bot's access; {} not sent",
                        type.word(),
                        team.channelName(),
                        recipients.size() - i);
                break;
            }
            tally = tally.plus(deliverSafely(team, type, recipients.get(i)));
        }
        if (!recipients.isEmpty()) {
            log.info("{} prompt for #{}: {}", type.word(), team.channelName(), tally);
        }
        return tally;
    }

    /**
     * Settles deliveries left half-sent by a crash (claimed before {@code claimedBefore}): they are never sent
     * again, since the DM may have gone out.
     */
    public void recoverInterrupted(Instant claimedBefore) {
        int settled = deliveries.failInterrupted(claimedBefore);
        if (settled > 0) {
            log.warn("{} prompt(s) were interrupted by a crash while sending; not sending them again", settled);
        }
    }

    private Outcome deliverSafely(Team team, PromptType type, Recipient recipient) {
        try {
            return deliver(team, type, recipient);
        } catch (RuntimeException e) {
            log.error("The {} prompt to {} failed; going on with the others", type.word(), recipient.userId(), e);
            return Outcome.FAILED;
        }
    }

    private Outcome deliver(Team team, PromptType type, Recipient recipient) {
        // The one check of who gets no prompts today; the standup DM passes it like every other prompt.
        Optional<String> leftOut = controls.whyNoPrompt(recipient.userId(), recipient.zone());
        if (leftOut.isPresent()) {
            metrics.count(MetricName.PROMPTS_SUPPRESSED, "reason", leftOut.get());
            return Outcome.PAUSED;
        }
        Key key = new Key(team.channelId(), type.word(), recipient.userId(), recipient.occurrence());
        if (!deliveries.claim(key, clock.instant())) {
            return Outcome.ALREADY_SENT;
        }
        PromptMessenger.Sent sent;
        try {
            List<String> questions = type == PromptType.STANDUP ? standupQuestions.apply(team.channelId()) : List.of();
            sent = messenger.send(new PromptDm(
                    recipient.userId(), team.channelId(), team.channelName(), type, recipient.occurrence(), questions));
        } catch (RuntimeException e) {
            sent = PromptMessenger.Sent.failed(e.getMessage());
        }
        if (sent.ok()) {
            deliveries.markSent(key, sent.dmChannel(), sent.dmTs(), clock.instant());
            metrics.count(MetricName.PROMPTS_SENT, "kind", type.word());
            return Outcome.SENT;
        }
        deliveries.markFailed(key, sent.error());
        metrics.count(MetricName.PROMPTS_FAILED, "kind", type.word());
        log.warn("The {} prompt to {} failed: {}; not retrying", type.word(), recipient.userId(), sent.error());
        return Outcome.FAILED;
    }

    /**
     * Someone to prompt.
     *
     * @param userId the person
     * @param zone their timezone, for their pause dates
     * @param occurrence which occurrence of the prompt this is for them
     */
    public record Recipient(String userId, ZoneId zone, String occurrence) {
        public Recipient {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(occurrence, "occurrence");
        }
    }

    /** What a fan-out did: sent, failed, held back (paused, or prompts turned off), or sent before (by another run). */
    public record Tally(int sent, int failed, int paused, int alreadySent) {
        /** How many recipients the fan-out went through: all of them unless it was stopped. */
        public int total() {
            return sent + failed + paused + alreadySent;
        }

        Tally plus(Outcome outcome) {
            return switch (outcome) {
                case SENT -> new Tally(sent + 1, failed, paused, alreadySent);
                case FAILED -> new Tally(sent, failed + 1, paused, alreadySent);
                case PAUSED -> new Tally(sent, failed, paused + 1, alreadySent);
                case ALREADY_SENT -> new Tally(sent, failed, paused, alreadySent + 1);
            };
        }
    }

    private enum Outcome {
        SENT,
        FAILED,
        PAUSED,
        ALREADY_SENT
    }
}
