package dev.ownership.bot.digest;

import dev.ownership.bot.streak.TeamWeeks;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    private final StandupRepository posts;
    private final DigestRepository digests;
    private final MilestoneSource milestones;
    private final RegisterSource register;
    private final Clock clock;

    /** A composer whose digests leave out the risk register. */
    public DigestComposer(StandupRepository posts, DigestRepository digests, MilestoneSource milestones, Clock clock) {
        this(posts, digests, milestones, (channelId, from, to) -> Digest.Register.NONE, clock);
    }

    public DigestComposer(
            StandupRepository posts,
            DigestRepository digests,
            MilestoneSource milestones,
            RegisterSource register,
            Clock clock) {
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
                stillOpen(thisWeek, now),
                digests.learnings(team.channelId(), from, to),
                digests.risks(team.channelId(), from, to),
                digests.impacts(team.channelId(), from, to),
                milestones.reached(team.channelId(), from, to),
                participation.sent(),
                participation.answered(),
                digests.standupParticipation(team.channelId(), from, to),
                register.register(team.channelId(), from, to));
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

    private static List<Digest.OpenBlocker> stillOpen(List<StandupPost> blockers, Instant now) {
        return blockers.stream()
                .filter(DigestComposer::raised)
                .filter(post -> post.state() != State.PROPOSED && post.state() != State.CLEAR)
                .filter(post -> !post.postedAt().plus(OPEN_AFTER).isAfter(now))
                .map(post -> new Digest.OpenBlocker(post.userId(), post.channelId(), post.ts(), post.postedAt()))
                .toList();
    }
}
