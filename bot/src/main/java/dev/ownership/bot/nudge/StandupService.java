package dev.ownership.bot.nudge;

import dev.ownership.bot.detection.BlockerDetector;
import dev.ownership.bot.detection.Classification;
import dev.ownership.bot.detection.Label;
import dev.ownership.bot.ops.MetricName;
import dev.ownership.bot.ops.Metrics;
import dev.ownership.bot.streak.ProgressRefresher;
import dev.ownership.storage.nudge.FirstVerdict;
import dev.ownership.storage.nudge.StandupPost;
import dev.ownership.storage.nudge.StandupPost.ProposalVia;
import dev.ownership.storage.nudge.StandupPost.State;
import dev.ownership.storage.nudge.StandupRepository;
import dev.ownership.storage.workspace.TeamRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Records standup posts in watched channels as they arrive and keeps their nudge up to date with edits, the
 * author's thread replies and deletions. Fast enough for the ack path: one classification and one write.
 *
 * <p>Only ids, times and the detector's verdict are stored, never the text. A next step recorded for a blocker
 * refreshes its author's progress (streak milestones, App Home) through a {@link ProgressRefresher}, which returns at
 * once. Thread-safe.
 */
public final class StandupService {
    private final TeamRepository teams;
    private final StandupRepository posts;
    private final BlockerDetector detector;
    private final Duration grace;
    private final Clock clock;
    private final Metrics metrics;
    private final ProgressRefresher progress;
    private final BlockerThreads threads;

    public StandupService(
            TeamRepository teams,
            StandupRepository posts,
            BlockerDetector detector,
            Duration grace,
            Clock clock,
            Metrics metrics,
            ProgressRefresher progress) {
        this(teams, posts, detector, grace, clock, metrics, progress, BlockerThreads.NONE);
    }

    /** A service that also tells {@code threads} of replies in blockers' threads and of next steps. */
    public StandupService(
            TeamRepository teams,
            StandupRepository posts,
            BlockerDetector detector,
            Duration grace,
            Clock clock,
            Metrics metrics,
            ProgressRefresher progress,
            BlockerThreads threads) {
        this.threads = Objects.requireNonNull(threads, "threads");
        this.teams = Objects.requireNonNull(teams, "teams");
        this.posts = Objects.requireNonNull(posts, "posts");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.grace = Objects.requireNonNull(grace, "grace");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** A top-level post (plain or with files) by a person in {@code channelId}. */
    public void posted(String channelId, String ts, String userId, String text) {
        if (!teams.isWatched(channelId)) {
            return;
        }
        Instant now = clock.instant();
        FirstVerdict verdict = firstVerdict(text, now);
        boolean recorded = posts.record(channelId, ts, userId, now, verdict, now);
        if (recorded) {
            metrics.count(MetricName.STANDUP_POSTS, "label", verdict.label().column());
            if (verdict.proposalVia() != null) {
                progress.refresh(userId);
            }
        }
    }

    /**
     * A standup bot's report in {@code channelId}, whose person is not known yet: its verdict is recorded now, on the
     * ack path, and waits for {@link #attributed} or {@link #unattributed}. Nothing is nudged until then.
     *
     * @return whether the report was recorded (false when the channel is unwatched or for a redelivery)
     */
    public boolean arrived(String channelId, String ts, String text) {
        if (!teams.isWatched(channelId)) {
            return false;
        }
        Instant now = clock.instant();
        return posts.recordArrival(channelId, ts, now, firstVerdict(text, now), now);
    }

    /** The report that {@link #arrived} is {@code userId}'s: from now on it is their post like any other. */
    public void attributed(String channelId, String ts, String userId) {
        posts.attributeArrival(channelId, ts, userId, clock.instant()).ifPresent(post -> {
            metrics.count(MetricName.STANDUP_POSTS, "label", post.label().column());
            if (post.state() == State.PROPOSED) {
                progress.refresh(userId);
            }
        });
    }

    /** The report that {@link #arrived} names no single member of its channel: it is forgotten. */
    public void unattributed(String channelId, String ts) {
        posts.dropArrival(channelId, ts);
    }

    /**
     * A reply in the thread of a standup post. For the nudge only the post's author counts: a next step there settles
     * the blocker (before the nudge it cancels it). Every person's reply in a blocker's thread is told to the
     * {@link BlockerThreads}, which credits the people who help.
     */
    public void replied(String channelId, String threadTs, String userId, String text) {
        replied(channelId, threadTs, null, userId, text);
    }

    /** A reply {@code replyTs} (null when unknown, as for an edit) in the thread of a standup post. */
    public void replied(String channelId, String threadTs, String replyTs, String userId, String text) {
        Optional<StandupPost> post = posts.find(channelId, threadTs);
        if (post.isEmpty() || !post.get().isBlocker()) {
            return;
        }
        if (!post.get().userId().equals(userId)) {
            if (replyTs != null) {
                threads.replied(post.get(), replyTs, userId, text);
            }
            return;
        }
        if (detector.containsProposal(text)
                && posts.markProposed(channelId, threadTs, ProposalVia.THREAD, null, clock.instant())) {
            metrics.count(MetricName.PROPOSALS, "via", "thread");
            progress.refresh(userId);
            threads.resolved(post.get(), BlockerThreads.Resolution.NEXT_STEP);
            return;
        }
        if (replyTs != null) {
            threads.replied(post.get(), replyTs, userId, text);
        }
    }

    /** The author edited a standup post: the new text is judged again. */
    public void edited(String channelId, String ts, String userId, String newText) {
        Optional<StandupPost> found = posts.find(channelId, ts);
        if (found.isEmpty()) {
            // Edited before we saw it (or before the channel was watched): treat the edit as the post.
            posted(channelId, ts, userId, newText);
            return;
        }
        StandupPost post = found.get();
        if (!post.userId().equals(userId)) {
            return;
        }
        Instant now = clock.instant();
        Classification verdict = detector.classify(newText);
        if (post.state() == State.CLEAR || post.state() == State.PENDING) {
            Verdict stored = Verdict.of(verdict, post.postedAt(), grace);
            Instant dueAt = stored.dueAt() == null || stored.dueAt().isAfter(now) ? stored.dueAt() : now;
            posts.reclassify(
                    channelId,
                    ts,
                    StoredVerdicts.stored(verdict.label()),
                    StoredVerdicts.stored(verdict.category()),
                    verdict.reasons(),
                    stored.state(),
                    dueAt,
                    stored.via() == null ? null : ProposalVia.EDIT,
                    now);
            if (stored.via() != null) {
                progress.refresh(userId);
            }
        } else if (verdict.label() == Label.BLOCKER_WITH_PROPOSAL || detector.containsProposal(newText)) {
            if (posts.markProposed(channelId, ts, ProposalVia.EDIT, null, now)) {
                metrics.count(MetricName.PROPOSALS, "via", "edit");
                progress.refresh(userId);
                threads.resolved(post, BlockerThreads.Resolution.NEXT_STEP);
            }
        }
    }

    /** A standup post was deleted: its pending nudge is cancelled. */
    public void deleted(String channelId, String ts) {
        posts.markDeleted(channelId, ts, clock.instant());
    }

    private FirstVerdict firstVerdict(String text, Instant postedAt) {
        Classification verdict = detector.classify(text);
        Verdict stored = Verdict.of(verdict, postedAt, grace);
        return new FirstVerdict(
                StoredVerdicts.stored(verdict.label()),
                StoredVerdicts.stored(verdict.category()),
                verdict.reasons(),
                stored.state(),
                stored.dueAt(),
                stored.via());
    }

    private record Verdict(State state, Instant dueAt, ProposalVia via) {
        static Verdict of(Classification classification, Instant postedAt, Duration grace) {
            return switch (classification.label()) {
                case NONE -> new Verdict(State.CLEAR, null, null);
                case BLOCKER_WITH_PROPOSAL -> new Verdict(State.PROPOSED, null, ProposalVia.AT_ONCE);
                case BLOCKER_WITHOUT_PROPOSAL -> new Verdict(State.PENDING, postedAt.plus(grace), null);
            };
        }
    }
}
