package dev.ownership.bot.streak;

import dev.ownership.bot.ops.MetricName;
import dev.ownership.bot.ops.Metrics;
import dev.ownership.bot.pause.Pauses;
import dev.ownership.bot.workspace.Person;
import dev.ownership.bot.workspace.Workspace;
import dev.ownership.storage.streak.MilestoneRepository;
import dev.ownership.storage.streak.MilestoneRepository.Claim;
import dev.ownership.storage.streak.MilestoneRepository.Milestone;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Celebrates a streak reaching 3, 5, 10 or 25 with one short DM, once per run of the streak. Checked whenever a
 * person's progress is refreshed, which follows every fact recorded through the bot: a streak only grows when a fact
 * arrives, so the celebration comes right after what earned it, while it still means something.
 *
 * <p>A celebration counts against the person's daily budget of bot-initiated DMs of this kind (one per day of their
 * own): one that would exceed it is recorded as skipped, never sent later. Paused people and accounts the bot may not
 * message are skipped too. Thread-safe; exactly-once rests on the milestone's unique key.
 */
public final class Celebrations {
    private static final Logger log = LoggerFactory.getLogger(Celebrations.class);

    private final MilestoneRepository milestones;
    private final Pauses pauses;
    private final Workspace workspace;
    private final CelebrationMessenger messenger;
    private final Clock clock;
    private final Metrics metrics;

    public Celebrations(
            MilestoneRepository milestones,
            Pauses pauses,
            Workspace workspace,
            CelebrationMessenger messenger,
            Clock clock,
            Metrics metrics) {
        this.milestones = Objects.requireNonNull(milestones, "milestones");
        this.pauses = Objects.requireNonNull(pauses, "pauses");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** Celebrates the milestones newly reached in {@code progress}, the person's progress in their teams. */
    public void celebrateNew(String userId, Iterable<TeamProgress> progress) {
        for (TeamProgress team : progress) {
            for (Streak streak : team.streaks()) {
                streak.reachedMilestone().ifPresent(value -> celebrate(userId, team, streak, value));
            }
        }
    }

    private void celebrate(String userId, TeamProgress team, Streak streak, int value) {
        Milestone milestone =
                new Milestone(team.team().channelId(), userId, streak.kind().wireName(), value, streak.runStart());
        if (milestones.claimed(milestone, streak.runFromOldestFact())) {
            return;
        }
        Optional<Person> person = workspace.person(userId);
        LocalDate today =
                pauses.today(person.map(Person::timezone).orElse(team.team().timezone()));
        Claim claim = milestones.claim(milestone, today, skipReason(person), clock.instant());
        if (claim == Claim.CELEBRATE) {
            send(milestone, text(streak.kind(), value, team.team().channelName()));
        } else if (claim == Claim.SKIPPED) {
            metrics.count(MetricName.MILESTONES_SKIPPED);
        }
    }

    private String skipReason(Optional<Person> person) {
        if (person.isEmpty() || !person.get().isReachableHuman()) {
            return "unreachable";
        }
        return pauses.isPaused(person.get().id(), person.get().timezone()) ? "paused" : null;
    }

    private void send(Milestone milestone, String text) {
        boolean sent;
        try {
            sent = messenger.celebrate(milestone.userId(), text);
        } catch (RuntimeException e) {
            log.warn("Celebrating a milestone for {} failed: {}", milestone.userId(), e.getMessage());
            sent = false;
        }
        if (sent) {
            metrics.count(MetricName.MILESTONES_CELEBRATED, "streak", milestone.streak());
        } else {
            milestones.markFailed(milestone, "not_delivered");
        }
    }

    /** The celebration: one short, warm line and where to see more. */
    static String text(StreakKind kind, int value, String channelName) {
        String cheer =
                switch (kind) {
                    case OWNERSHIP -> "Nicely owned.";
                    case LEARNING -> "Thanks for sharing what you learn.";
                    case EARLY_RISK -> "Thanks for checking in every week.";
                };
        return ":tada: *" + kind.describe(value) + "* in #" + channelName + ". " + cheer
                + "\n_Your streaks are in my Home tab. I send at most one of these a day._";
    }
}
