package dev.ownership.bot.digest;

import dev.ownership.bot.streak.TeamWeeks;
import dev.ownership.storage.blocker.LongBlocker;
import dev.ownership.storage.blocker.LongBlockerRepository;
import dev.ownership.storage.blocker.UnblockRepository;
import dev.ownership.storage.digest.DigestRepository;
import dev.ownership.storage.nudge.StandupPost;
import dev.ownership.storage.nudge.StandupPost.ProposalVia;
import dev.ownership.storage.nudge.StandupPost.State;
import dev.ownership.storage.nudge.StandupRepository;
import dev.ownership.storage.workspace.Team;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Composes a team's {@link Digest} for a week from the recorded facts: a handful of indexed range queries, the
 * figures counted in memory.
 *
 * <p>Thread-safe.
 */
public final class DigestComposer {
    /** How many weeks the trend covers, this one included. */
    public static final int TREND_WEEKS = 5;

    private static final Duration OPEN_AFTER = Duration.ofHours(24);
    /** How long after its latest post a long-running blocker is still listed. */
    private static final Duration LONG_RUNNING_LISTED = Duration.ofDays(21);

    private final StandupRepository posts;
    private final DigestRepository digests;
    private final MilestoneSource milestones;
    private final RegisterSource register;
    private final Clock clock;
    private final LongBlockerRepository longBlockers;
    private final UnblockRepository unblocks;

    /** A composer whose digests leave out the risk register. */
    public DigestComposer(StandupRepository posts, DigestRepository digests, MilestoneSource milestones, Clock clock) {
        this(posts, digests, milestones, (channelId, from, to) -> Digest.Register.NONE, clock, null, null);
    }

    /**
     * A composer that also lists the risk register, long-running blockers and the week's unblockers
     * ({@code longBlockers} and {@code unblocks} both null: neither of the last two).
     */
    public DigestComposer(
            StandupRepository posts,
            DigestRepository digests,
            MilestoneSource milestones,
            RegisterSource register,
            Clock clock,
            LongBlockerRepository longBlockers,
            UnblockRepository unblocks) {
        this.longBlockers = longBlockers;
        this.unblocks = unblocks;
        this.posts = Objects.requireNonNull(posts, "posts");
        this.digests = Objects.requireNonNull(digests, "digests");
        this.milestones = Objects.requireNonNull(milestones, "milestones");
        this.register = Objects.requireNonNull(register, "register");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The digest of {@code team} for the week starting on {@code weekStart} (a Monday in the team's timezone). */
    public Digest compose(Team team, LocalDate weekStart) {
        Instant now = clock.instant();
        Instant from = TeamWeeks.startOf(weekStart, team.timezone());
        Instant to = TeamWeeks.endOf(weekStart, team.timezone());
        LocalDate firstTrendWeek = weekStart.minusWeeks(TREND_WEEKS - 1L);
        List<StandupPost> recent =
                posts.blockersIn(team.channelId(), TeamWeeks.startOf(firstTrendWeek, team.timezone()), to);
        List<Digest.WeekFigures> trend = new ArrayList<>();
        for (LocalDate week = firstTrendWeek; !week.isAfter(weekStart); week = week.plusWeeks(1)) {
            trend.add(figures(week, inWeek(recent, week, team)));
        }
        List<StandupPost> thisWeek = inWeek(recent, weekStart, team);
        DigestRepository.Participation participation = digests.participation(team.channelId(), from, to);
        return new Digest(
                team.channelId(),
                team.channelName(),
                team.timezone(),
                weekStart,
                !now.isBefore(to),
                trend.get(trend.size() - 1),
                trend,
                stillOpen(thisWeek, resolved(team, from, to), now),
                digests.learnings(team.channelId(), from, to),
                digests.risks(team.channelId(), from, to),
                digests.impacts(team.channelId(), from, to),
                milestones.reached(team.channelId(), from, to),
                participation.sent(),
                participation.answered(),
                digests.standupParticipation(team.channelId(), from, to),
                register.register(team.channelId(), from, to),
                help(team, from, to, now));
    }

    private Set<String> resolved(Team team, Instant from, Instant to) {
        return unblocks == null ? Set.of() : unblocks.resolvedPosts(team.channelId(), from, to);
    }

    /** The team's long-running blockers, unresolved, with their age; and who helped unblock someone this week. */
    private Digest.BlockerHelp help(Team team, Instant from, Instant to, Instant now) {
        if (longBlockers == null || unblocks == null) {
            return Digest.BlockerHelp.NONE;
        }
        Instant until = now.isBefore(to) ? now : to;
        LocalDate today = until.atZone(team.timezone()).toLocalDate();
        List<Digest.LongRunning> running =
                longBlockers.unresolved(team.channelId(), until, until.minus(LONG_RUNNING_LISTED)).stream()
                        .map(blocker -> new Digest.LongRunning(
                                blocker.userId(),
                                blocker.channelId(),
                                blocker.latestTs(),
                                blocker.since(),
                                Math.max(
                                        1,
                                        ChronoUnit.DAYS.between(
                                                blocker.since()
                                                        .atZone(team.timezone())
                                                        .toLocalDate(),
                                                today)),
                                blocker.kind() == LongBlocker.Kind.RECURRING,
                                blocker.answer() == LongBlocker.Answer.RAISED))
                        .toList();
        Map<String, Integer> counts = new LinkedHashMap<>();
        unblocks.creditedIn(team.channelId(), from, to)
                .forEach(unblock -> counts.merge(unblock.helperId(), 1, Integer::sum));
        List<Digest.Unblocker> helpers = counts.entrySet().stream()
                .map(entry -> new Digest.Unblocker(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingInt(Digest.Unblocker::count).reversed())
                .toList();
        return new Digest.BlockerHelp(running, helpers);
    }

    /** The week's blockers, including those dismissed as "not a blocker" but not deleted posts. */
    private static List<StandupPost> inWeek(List<StandupPost> posts, LocalDate week, Team team) {
        Instant from = TeamWeeks.startOf(week, team.timezone());
        Instant to = TeamWeeks.endOf(week, team.timezone());
        return posts.stream()
                .filter(post ->
                        !post.postedAt().isBefore(from) && post.postedAt().isBefore(to))
                .filter(post -> post.state() != State.DELETED)
                .toList();
    }

    private static boolean raised(StandupPost post) {
        return post.state() != State.DISMISSED;
    }

    private static Digest.WeekFigures figures(LocalDate week, List<StandupPost> posts) {
        List<StandupPost> blockers =
                posts.stream().filter(DigestComposer::raised).toList();
        Digest.WeekFigures.Tally tally = Digest.WeekFigures.week(week)
                .raised(blockers.size())
                .dismissed(posts.size() - blockers.size())
                .nudgesSent((int)
                        posts.stream().filter(post -> post.nudgedAt() != null).count());
        for (StandupPost post : blockers) {
            if (post.state() != State.PROPOSED || post.proposalVia() == null) {
                continue;
            }
            if (post.proposalVia() == ProposalVia.AT_ONCE) {
                tally.proposedAtOnce();
            } else if (post.nudgedAt() != null || post.proposalVia() == ProposalVia.NUDGE) {
                tally.proposedAfterNudge();
            } else {
                tally.proposedInThread();
            }
        }
        return tally.figures();
    }

    private static List<Digest.OpenBlocker> stillOpen(List<StandupPost> blockers, Set<String> resolved, Instant now) {
        return blockers.stream()
                .filter(DigestComposer::raised)
                .filter(post -> !resolved.contains(post.ts()))
                .filter(post -> post.state() != State.PROPOSED && post.state() != State.CLEAR)
                .filter(post -> !post.postedAt().plus(OPEN_AFTER).isAfter(now))
                .map(post -> new Digest.OpenBlocker(post.userId(), post.channelId(), post.ts(), post.postedAt()))
                .toList();
    }
}
