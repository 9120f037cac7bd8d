package dev.ownership.bot.blocker;

import dev.ownership.bot.nudge.BlockerThreads;
import dev.ownership.bot.nudge.WorkingHours;
import dev.ownership.bot.ops.MetricName;
import dev.ownership.bot.ops.Metrics;
import dev.ownership.bot.pause.Pauses;
import dev.ownership.bot.streak.ProgressRefresher;
import dev.ownership.bot.workspace.Person;
import dev.ownership.bot.workspace.Workspace;
import dev.ownership.storage.blocker.Unblock;
import dev.ownership.storage.blocker.UnblockRepository;
import dev.ownership.storage.blocker.UnblockRepository.Reply;
import dev.ownership.storage.nudge.PostKey;
import dev.ownership.storage.nudge.StandupPost;
import dev.ownership.storage.nudge.StandupRepository;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Credits the people who help unblock others. Replies by others in a blocker's thread are recorded (who and when,
 * never the text); when the author then resolves the blocker (a next step, a "thanks"/"fixed"/"unblocked" reply in
 * the thread, a check-mark reaction on the post or on a reply, or the nudge's "It's resolved"), the helper is
 * credited: the person whose reply the author reacted to, else the last person other than the author who replied
 * before the resolution. Bots never count. Each helper gets a private thank-you at most once a day (their own date),
 * within their working hours, never while paused.
 *
 * <p>Thread-safe.
 */
public final class Unblockers implements BlockerThreads {
    private static final Logger log = LoggerFactory.getLogger(Unblockers.class);
    /** The reactions that say "resolved". */
    static final Set<String> CHECK_MARKS = Set.of("white_check_mark", "heavy_check_mark");

    private static final int BATCH = 200;
    private static final Duration INTERRUPTED_CLAIM = Duration.ofMinutes(5);

    private final UnblockRepository unblocks;
    private final StandupRepository posts;
    private final TeamRepository teams;
    private final Workspace workspace;
    private final Pauses pauses;
    private final BlockerMessenger messenger;
    private final ProgressRefresher progress;
    private final Clock clock;
    private final Metrics metrics;

    public Unblockers(
            UnblockRepository unblocks,
            StandupRepository posts,
            TeamRepository teams,
            Workspace workspace,
            Pauses pauses,
            BlockerMessenger messenger,
            ProgressRefresher progress,
            Clock clock,
            Metrics metrics) {
        this.unblocks = Objects.requireNonNull(unblocks, "unblocks");
        this.posts = Objects.requireNonNull(posts, "posts");
        this.teams = Objects.requireNonNull(teams, "teams");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.pauses = Objects.requireNonNull(pauses, "pauses");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void replied(StandupPost blocker, String replyTs, String userId, String text) {
        if (!blocker.userId().equals(userId)) {
            unblocks.recordReply(blocker.key(), replyTs, userId, clock.instant());
        } else if (ResolutionWords.resolves(text)) {
            resolve(blocker, "thanks", Optional.empty());
        }
    }

    @Override
    public void resolved(StandupPost blocker, Resolution how) {
        resolve(blocker, how == Resolution.NUDGE ? "nudge" : "next_step", Optional.empty());
    }

    /**
     * {@code userId} added the reaction {@code reaction} to the message {@code ts} in {@code channelId}: the author's
     * check mark on their blocker post, or on someone's reply in its thread, resolves the blocker.
     */
    public void reacted(String channelId, String ts, String userId, String reaction) {
        if (reaction == null || !CHECK_MARKS.contains(reaction.split("::", 2)[0])) {
            return;
        }
        Optional<Reply> onReply = unblocks.reply(channelId, ts);
        PostKey key = onReply.map(Reply::post).orElse(new PostKey(channelId, ts));
        Optional<StandupPost> blocker = posts.find(key.channelId(), key.ts())
                .filter(StandupPost::isBlocker)
                .filter(post -> post.userId().equals(userId));
        blocker.ifPresent(post -> resolve(post, "reaction", onReply));
    }

    private void resolve(StandupPost blocker, String via, Optional<Reply> credited) {
        Instant now = clock.instant();
        // On the ack path: no Slack lookups here. Bots' messages never reach the replies (the listener drops them);
        // an account Slack only reveals as a bot when it is to be thanked loses the credit then.
        Optional<Reply> helper =
                credited.isPresent() ? credited : unblocks.lastHelperReply(blocker.key(), blocker.userId(), now);
        if (!unblocks.resolve(blocker.key(), via, blocker.userId(), helper, now)) {
            return;
        }
        // A resolved blocker needs no nudge: one still waiting for its grace period is settled.
        posts.suppress(blocker.channelId(), blocker.ts(), "resolved", now);
        metrics.count(MetricName.BLOCKERS_RESOLVED, "via", via);
        helper.ifPresent(reply -> {
            metrics.count(MetricName.UNBLOCKS);
            progress.refresh(reply.userId());
        });
    }

    /** Settles thank-yous left half-sent by a crash; called once at start-up. */
    public void recoverInterrupted() {
        Instant now = clock.instant();
        int settled = unblocks.failInterruptedThanks(now.minus(INTERRUPTED_CLAIM), now);
        if (settled > 0) {
            log.warn("{} thank-you(s) were interrupted by a crash while sending; not sending them again", settled);
        }
    }

    /** Sends the thank-yous due now. */
    public void deliverDue() {
        Instant now = clock.instant();
        for (Unblock unblock : unblocks.dueThanks(now, BATCH)) {
            try {
                thank(unblock, now);
            } catch (RuntimeException e) {
                log.error(
                        "Thanking for {}/{} failed; will retry on the next tick", unblock.channelId(), unblock.ts(), e);
            }
        }
    }

    private void thank(Unblock unblock, Instant now) {
        Optional<Team> team = teams.find(unblock.channelId()).filter(Team::watched);
        Optional<Person> helper = workspace.person(unblock.helperId());
        if (helper.isPresent() && helper.get().bot()) {
            unblocks.skipThanks(unblock.key(), UnblockRepository.NOT_A_PERSON, now);
            return;
        }
        if (team.isEmpty() || helper.isEmpty() || helper.get().deleted()) {
            unblocks.skipThanks(unblock.key(), team.isEmpty() ? "unwatched" : "unreachable", now);
            return;
        }
        if (pauses.isPaused(unblock.helperId(), helper.get().timezone())) {
            unblocks.skipThanks(unblock.key(), "paused", now);
            return;
        }
        ZonedDateTime local = now.atZone(helper.get().timezone());
        ZonedDateTime opening = new WorkingHours(
                        team.get().workdays(),
                        team.get().workStart(),
                        team.get().workEnd())
                .nextOpening(local);
        if (opening.isAfter(local)) {
            unblocks.rescheduleThanks(unblock.key(), opening.toInstant(), now);
            return;
        }
        if (!unblocks.claimThanks(unblock.key(), unblock.helperId(), local.toLocalDate(), now)) {
            return;
        }
        boolean sent;
        try {
            sent = messenger.thank(new BlockerMessenger.Thanks(
                    unblock.helperId(),
                    unblock.authorId(),
                    unblock.channelId(),
                    team.get().channelName(),
                    unblock.ts()));
        } catch (RuntimeException e) {
            sent = false;
        }
        unblocks.settleThanks(unblock.key(), sent ? "sent" : "failed", clock.instant());
        if (sent) {
            metrics.count(MetricName.LONG_BLOCKER_MESSAGES, "kind", "thanks");
        }
    }
}
