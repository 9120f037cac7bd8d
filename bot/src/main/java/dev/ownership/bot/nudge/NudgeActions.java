package dev.ownership.bot.nudge;

import dev.ownership.bot.ops.MetricName;
import dev.ownership.bot.ops.Metrics;
import dev.ownership.bot.pause.Pauses;
import dev.ownership.bot.pause.PersonalControls;
import dev.ownership.bot.streak.ProgressRefresher;
import dev.ownership.bot.workspace.Person;
import dev.ownership.bot.workspace.Workspace;
import dev.ownership.storage.nudge.PostKey;
import dev.ownership.storage.nudge.StandupPost;
import dev.ownership.storage.nudge.StandupPost.ProposalVia;
import dev.ownership.storage.nudge.StandupRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * What people do with a nudge: add a next step, say it was not a blocker, pause, or turn nudges off. A person can act only
 * on nudges about their own posts. A next step refreshes their progress (streak milestones, App Home).
 *
 * <p>Thread-safe.
 */
public final class NudgeActions {
    /** The longest next step accepted from the modal. */
    public static final int MAX_STEP_LENGTH = 2_000;

    private static final int PAUSE_DAYS = 7;

    private final StandupRepository posts;
    private final NudgeMessenger messenger;
    private final PersonalControls controls;
    private final Pauses pauses;
    private final Workspace workspace;
    private final Clock clock;
    private final Metrics metrics;
    private final ProgressRefresher progress;
    private final BlockerThreads threads;

    public NudgeActions(
            StandupRepository posts,
            NudgeMessenger messenger,
            PersonalControls controls,
            Workspace workspace,
            Clock clock,
            Metrics metrics,
            ProgressRefresher progress) {
        this(posts, messenger, controls, workspace, clock, metrics, progress, BlockerThreads.NONE);
    }

    /** Actions that also tell {@code threads} of next steps and resolutions. */
    public NudgeActions(
            StandupRepository posts,
            NudgeMessenger messenger,
            PersonalControls controls,
            Workspace workspace,
            Clock clock,
            Metrics metrics,
            ProgressRefresher progress,
            BlockerThreads threads) {
        this.threads = Objects.requireNonNull(threads, "threads");
        this.posts = Objects.requireNonNull(posts, "posts");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.controls = Objects.requireNonNull(controls, "controls");
        this.pauses = controls.pauses();
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** The post a nudge is about, if it belongs to {@code userId}. */
    public Optional<StandupPost> ownPost(String userId, PostKey key) {
        return posts.find(key.channelId(), key.ts())
                .filter(post -> post.userId().equals(userId));
    }

    /** Checks a next step typed into the modal; returns the problem to show, or empty when it is fine. */
    public static Optional<String> validateStep(String step) {
        if (step == null || step.isBlank()) {
            return Optional.of("Write the next step you'll take, even a small one.");
        }
        if (step.length() > MAX_STEP_LENGTH) {
            return Optional.of(
                    "Please keep it under " + MAX_STEP_LENGTH + " characters (it has " + step.length() + ").");
        }
        return Optional.empty();
    }

    /**
     * Records the author's next step, posts it in the standup thread, and updates the nudge DM (saying so when the
     * post was not confirmed: the step counts either way).
     *
     * @return false if the post is not the author's
     */
    public boolean addNextStep(String userId, PostKey key, String step) {
        Optional<StandupPost> post = ownPost(userId, key);
        if (post.isEmpty()) {
            return false;
        }
        String trimmed = step.strip();
        boolean proposed = posts.markProposed(key.channelId(), key.ts(), ProposalVia.NUDGE, trimmed, clock.instant());
        if (proposed) {
            metrics.count(MetricName.PROPOSALS, "via", "nudge");
            progress.refresh(userId);
            threads.resolved(post.get(), BlockerThreads.Resolution.NEXT_STEP);
        }
        boolean posted = messenger.postNextStep(key.channelId(), key.ts(), userId, trimmed);
        updateDm(post.get(), new NudgeOutcome.StepAdded(trimmed, posted));
        return true;
    }

    /**
     * Records that the post was not a blocker (a false positive), and thanks the author.
     *
     * @return false if the post is not the author's
     */
    public boolean notABlocker(String userId, PostKey key) {
        Optional<StandupPost> post = ownPost(userId, key);
        if (post.isEmpty()) {
            return false;
        }
        if (posts.dismiss(key.channelId(), key.ts(), clock.instant())) {
            metrics.count(MetricName.NUDGES_DISMISSED);
            progress.refresh(userId);
        }
        updateDm(post.get(), new NudgeOutcome.NotABlocker());
        return true;
    }

    /**
     * Records that the author resolved the blocker ("It's resolved"), which credits whoever helped in its thread.
     *
     * @return false if the post is not the author's
     */
    public boolean resolved(String userId, PostKey key) {
        Optional<StandupPost> post = ownPost(userId, key);
        if (post.isEmpty()) {
            return false;
        }
        threads.resolved(post.get(), BlockerThreads.Resolution.NUDGE);
        updateDm(post.get(), new NudgeOutcome.Resolved());
        return true;
    }

    /**
     * Pauses nudges and prompts for {@code userId} for a week, from a nudge's button.
     *
     * @return the first day back
     */
    public LocalDate pauseForAWeek(String userId, PostKey key) {
        ZoneId zone = workspace.person(userId).map(Person::timezone).orElse(ZoneOffset.UTC);
        LocalDate until = pauses.today(zone).plusDays(PAUSE_DAYS);
        pauses.pause(userId, zone, until);
        ownPost(userId, key).ifPresent(post -> updateDm(post, new NudgeOutcome.Paused(until)));
        return until;
    }

    /** Turns nudges off for {@code userId}, from a nudge's button; prompts and pauses stay as they are. */
    public void stopNudges(String userId, PostKey key) {
        controls.setNudges(userId, false);
        ownPost(userId, key).ifPresent(post -> updateDm(post, new NudgeOutcome.NudgesOff()));
    }

    private void updateDm(StandupPost post, NudgeOutcome outcome) {
        StandupPost current = posts.find(post.channelId(), post.ts()).orElse(post);
        if (current.dmChannel() != null && current.dmTs() != null) {
            messenger.update(current.dmChannel(), current.dmTs(), outcome);
        }
    }
}
