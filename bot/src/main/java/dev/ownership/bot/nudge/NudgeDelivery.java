package dev.ownership.bot.nudge;

import dev.ownership.bot.detection.Category;
import dev.ownership.bot.ops.MetricName;
import dev.ownership.bot.ops.Metrics;
import dev.ownership.bot.pause.PersonalControls;
import dev.ownership.bot.workspace.Person;
import dev.ownership.bot.workspace.Workspace;
import dev.ownership.storage.nudge.StandupPost;
import dev.ownership.storage.nudge.StandupRepository;
import dev.ownership.storage.nudge.StandupRepository.Claim;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the nudges that are due: never to bots, deactivated or paused people or people who turned nudges off, held
 * to the team's working days and hours in the author's own timezone, within their daily budget, never about a post
 * older than the working day after it ({@link WorkingHours#lastTimelyDay}), and exactly once (each nudge is claimed
 * in the database before it is sent).
 *
 * <p>Called on every scheduler tick; a tick that runs late (the bot was down) sends what became due meanwhile.
 * Thread-safe.
 */
public final class NudgeDelivery {
    private static final Logger log = LoggerFactory.getLogger(NudgeDelivery.class);
    private static final int BATCH = 200;
    private static final Duration INTERRUPTED_CLAIM = Duration.ofMinutes(5);

    private final StandupRepository posts;
    private final TeamRepository teams;
    private final Workspace workspace;
    private final PersonalControls controls;
    private final NudgeMessenger messenger;
    private final int dailyLimit;
    private final Clock clock;
    private final Metrics metrics;

    public NudgeDelivery(
            StandupRepository posts,
            TeamRepository teams,
            Workspace workspace,
            PersonalControls controls,
            NudgeMessenger messenger,
            int dailyLimit,
            Clock clock,
            Metrics metrics) {
        this.posts = Objects.requireNonNull(posts, "posts");
        this.teams = Objects.requireNonNull(teams, "teams");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.controls = Objects.requireNonNull(controls, "controls");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.dailyLimit = dailyLimit;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * Settles nudges left half-sent by a crash, and forgets standup bots' reports a crash left between their ack and
     * finding their person; called once at start-up.
     */
    public void recoverInterrupted() {
        Instant now = clock.instant();
        int settled = posts.failInterruptedClaims(now.minus(INTERRUPTED_CLAIM), now);
        if (settled > 0) {
            log.warn("{} nudge(s) were interrupted by a crash while sending; not sending them again", settled);
        }
        int dropped = posts.dropArrivalsBefore(now.minus(INTERRUPTED_CLAIM));
        if (dropped > 0) {
            log.warn("{} standup bot report(s) were interrupted by a crash before their person was found", dropped);
        }
    }

    /** Sends every nudge due now. */
    public void deliverDue() {
        Instant now = clock.instant();
        for (StandupPost post : posts.due(now, BATCH)) {
            try {
                deliver(post, now);
            } catch (RuntimeException e) {
                log.error(
                        "Delivering the nudge for {}/{} failed; will retry on the next tick",
                        post.channelId(),
                        post.ts(),
                        e);
            }
        }
    }

    private void deliver(StandupPost post, Instant now) {
        Optional<Team> team = teams.find(post.channelId()).filter(Team::watched);
        if (team.isEmpty()) {
            suppress(post, "unwatched", now);
            return;
        }
        Optional<Person> author = workspace.person(post.userId());
        if (author.isEmpty() || !author.get().isReachableHuman()) {
            suppress(post, author.isEmpty() ? "unknown_user" : author.get().bot() ? "bot" : "deactivated", now);
            return;
        }
        Person person = author.get();
        Optional<String> leftOut = controls.whyNoNudge(person.id(), person.timezone());
        if (leftOut.isPresent()) {
            suppress(post, leftOut.get(), now);
            return;
        }
        WorkingHours hours = new WorkingHours(
                team.get().workdays(), team.get().workStart(), team.get().workEnd());
        ZonedDateTime local = now.atZone(person.timezone());
        if (local.toLocalDate().isAfter(hours.lastTimelyDay(post.postedAt().atZone(person.timezone())))) {
            suppress(post, "stale", now);
            return;
        }
        ZonedDateTime opening = hours.nextOpening(local);
        if (opening.isAfter(local)) {
            posts.reschedule(post.channelId(), post.ts(), opening.toInstant(), now);
            return;
        }
        Claim claim = posts.claim(post.channelId(), post.ts(), post.userId(), local.toLocalDate(), dailyLimit, now);
        if (claim == Claim.OVER_DAILY_LIMIT) {
            metrics.count(MetricName.NUDGES_SUPPRESSED, "reason", "daily_limit");
        } else if (claim == Claim.CLAIMED) {
            send(post, team.get(), now);
        }
    }

    private void send(StandupPost post, Team team, Instant now) {
        Category category = StoredVerdicts.category(post.category());
        Nudge nudge = new Nudge(
                post.userId(),
                post.channelId(),
                post.ts(),
                team.channelName(),
                category,
                Suggestions.forCategory(category),
                post.reasons());
        NudgeMessenger.Delivery delivery;
        try {
            delivery = messenger.send(nudge);
        } catch (RuntimeException e) {
            delivery = NudgeMessenger.Delivery.failed(e.getMessage());
        }
        if (delivery.sent()) {
            posts.markNudged(post.channelId(), post.ts(), delivery.dmChannel(), delivery.dmTs(), clock.instant());
            metrics.count(MetricName.NUDGES_SENT);
        } else {
            posts.markFailed(post.channelId(), post.ts(), delivery.error(), now);
            metrics.count(MetricName.NUDGES_FAILED);
            log.warn(
                    "Nudge for {}/{} to {} failed: {}; not retrying",
                    post.channelId(),
                    post.ts(),
                    post.userId(),
                    delivery.error());
        }
    }

    private void suppress(StandupPost post, String reason, Instant now) {
        if (posts.suppress(post.channelId(), post.ts(), reason, now)) {
            metrics.count(MetricName.NUDGES_SUPPRESSED, "reason", reason);
        }
    }
}
