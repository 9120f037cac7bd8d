package dev.ownership.bot.digest;

import dev.ownership.storage.digest.DigestRepository.StandupParticipation;
import dev.ownership.storage.prompt.SharedItem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One team's digest for one week: figures for the team, week by week, plus what people chose to share. Names
 * appear only next to things people shared, blockers still without a next step (as links, never the text) and
 * milestones.
 *
 * @param channelId the team's channel
 * @param channelName its name
 * @param zone the team's timezone, which sets the week
 * @param weekStart the Monday of the week
 * @param complete whether the week is over (false for a preview of the week so far)
 * @param blockers this week's blocker figures
 * @param trend the proposal share of this week and the weeks before it, oldest first
 * @param stillOpen blockers still without a next step 24 hours after they were posted
 * @param learnings learnings shared this week
 * @param risks risks flagged this week
 * @param impacts impact notes this week
 * @param milestones streak milestones reached this week
 * @param promptsSent prompts delivered this week
 * @param promptsAnswered prompts answered this week
 * @param standups participation in the standups the bot ran this week (none when it runs none)
 * @param register the risk register: the team's open risks now, and those resolved or accepted this week
 * @param help long-running blockers and the week's unblockers (none when not composed)
 */
public record Digest(
        String channelId,
        String channelName,
        ZoneId zone,
        LocalDate weekStart,
        boolean complete,
        WeekFigures blockers,
        List<WeekFigures> trend,
        List<OpenBlocker> stillOpen,
        List<SharedItem> learnings,
        List<SharedItem> risks,
        List<SharedItem> impacts,
        List<Milestone> milestones,
        int promptsSent,
        int promptsAnswered,
        StandupParticipation standups,
        Register register,
        BlockerHelp help) {

    public Digest {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(standups, "standups");
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(weekStart, "weekStart");
        trend = List.copyOf(trend);
        stillOpen = List.copyOf(stillOpen);
        learnings = List.copyOf(learnings);
        risks = List.copyOf(risks);
        impacts = List.copyOf(impacts);
        milestones = List.copyOf(milestones);
    }

    /** A digest without long-running blockers and unblockers. */
    public Digest(
            String channelId,
            String channelName,
            ZoneId zone,
            LocalDate weekStart,
            boolean complete,
            WeekFigures blockers,
            List<WeekFigures> trend,
            List<OpenBlocker> stillOpen,
            List<SharedItem> learnings,
            List<SharedItem> risks,
            List<SharedItem> impacts,
            List<Milestone> milestones,
            int promptsSent,
            int promptsAnswered,
            StandupParticipation standups) {
        this(
                channelId,
                channelName,
                zone,
                weekStart,
                complete,
                blockers,
                trend,
                stillOpen,
                learnings,
                risks,
                impacts,
                milestones,
                promptsSent,
                promptsAnswered,
                standups,
                Register.NONE,
                BlockerHelp.NONE);
    }

    /** A digest of a team whose standup the bot does not run. */
    public Digest(
            String channelId,
            String channelName,
            ZoneId zone,
            LocalDate weekStart,
            boolean complete,
            WeekFigures blockers,
            List<WeekFigures> trend,
            List<OpenBlocker> stillOpen,
            List<SharedItem> learnings,
            List<SharedItem> risks,
            List<SharedItem> impacts,
            List<Milestone> milestones,
            int promptsSent,
            int promptsAnswered) {
        this(
                channelId,
                channelName,
                zone,
                weekStart,
                complete,
                blockers,
                trend,
                stillOpen,
                learnings,
                risks,
                impacts,
                milestones,
                promptsSent,
                promptsAnswered,
                StandupParticipation.NONE,
                Register.NONE,
                BlockerHelp.NONE);
    }

    /** Whether nothing at all happened this week. */
    public boolean isEmpty() {
        return blockers.raised() == 0
                && learnings.isEmpty()
                && risks.isEmpty()
                && impacts.isEmpty()
                && milestones.isEmpty()
                && promptsSent == 0
                && standups.sent() == 0
                && register.open().isEmpty()
                && register.closed().isEmpty()
                && help.longRunning().isEmpty()
                && help.unblockers().isEmpty();
    }

    /**
     * The risk register as the digest shows it.
     *
     * @param open the team's open and mitigating risks, oldest first
     * @param closed those resolved or accepted this week, in the order they were closed
     */
    public record Register(List<RegisterRisk> open, List<RegisterRisk> closed) {
        /** No register to show. */
        public static final Register NONE = new Register(List.of(), List.of());

        public Register {
            open = List.copyOf(open);
            closed = List.copyOf(closed);
        }
    }

    /**
     * One risk of the register.
     *
     * @param userId who flagged it
     * @param text what they wrote
     * @param status {@code open}, {@code mitigating}, {@code resolved} or {@code accepted}
     * @param openedAt when it was flagged
     * @param statusAt when its status last changed
     * @param ageDays whole days since it was flagged, when the digest was composed
     * @param ageing whether it has been open for more than twice the team's follow-up period
     */
    public record RegisterRisk(
            String userId,
            String text,
            String status,
            Instant openedAt,
            Instant statusAt,
            long ageDays,
            boolean ageing) {
        public RegisterRisk {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(openedAt, "openedAt");
            Objects.requireNonNull(statusAt, "statusAt");
        }
    }

    /**
     * Long-running blockers (links and ages, never text) and the people who helped unblock others this week.
     *
     * @param longRunning the team's long-running blockers not resolved yet, oldest first
     * @param unblockers who helped unblock someone this week, and how often, most first
     */
    public record BlockerHelp(List<LongRunning> longRunning, List<Unblocker> unblockers) {
        /** Nothing to show. */
        public static final BlockerHelp NONE = new BlockerHelp(List.of(), List.of());

        public BlockerHelp {
            longRunning = List.copyOf(longRunning);
            unblockers = List.copyOf(unblockers);
        }
    }

    /**
     * A long-running blocker.
     *
     * @param userId the author
     * @param channelId the channel
     * @param ts the latest post, for a link
     * @param since when it began
     * @param days how many days it has been running
     * @param recurring whether it is the same kind on consecutive workdays (else: no next step yet)
     * @param raised whether the author asked their lead for help
     */
    public record LongRunning(
            String userId, String channelId, String ts, Instant since, long days, boolean recurring, boolean raised) {}

    /**
     * Someone who helped unblock others this week.
     *
     * @param userId who
     * @param count how many blockers
     */
    public record Unblocker(String userId, int count) {}

    /**
     * A week's blocker figures.
     *
     * @param weekStart the Monday of the week
     * @param raised blockers posted (not counting those their author said were not blockers, or deleted)
     * @param proposedAtOnce posted with a next step
     * @param proposedAfterNudge given a next step after the nudge
     * @param proposedInThread given a next step by an edit or a thread reply before the nudge
     * @param nudgesSent nudges sent about this week's blockers
     * @param dismissed nudges answered "not a blocker"
     */
    public record WeekFigures(
            LocalDate weekStart,
            int raised,
            int proposedAtOnce,
            int proposedAfterNudge,
            int proposedInThread,
            int nudgesSent,
            int dismissed) {

        /** A tally of the week starting {@code weekStart}, every count at zero. */
        public static Tally week(LocalDate weekStart) {
            return new Tally(weekStart);
        }

        /** Counts a week's blockers one at a time; {@link #figures()} gives the result. Not thread-safe. */
        public static final class Tally {
            private final LocalDate weekStart;
            private int raised;
            private int proposedAtOnce;
            private int proposedAfterNudge;
            private int proposedInThread;
            private int nudgesSent;
            private int dismissed;

            private Tally(LocalDate weekStart) {
                this.weekStart = Objects.requireNonNull(weekStart, "weekStart");
            }

            /** {@code count} more blockers raised. */
            public Tally raised(int count) {
                raised += count;
                return this;
            }

            /** One more blocker posted with a next step. */
            public Tally proposedAtOnce() {
                proposedAtOnce++;
                return this;
            }

            /** One more blocker given a next step after the nudge. */
            public Tally proposedAfterNudge() {
                proposedAfterNudge++;
                return this;
            }

            /** One more blocker given a next step by an edit or a thread reply before the nudge. */
            public Tally proposedInThread() {
                proposedInThread++;
                return this;
            }

            /** {@code count} more nudges sent. */
            public Tally nudgesSent(int count) {
                nudgesSent += count;
                return this;
            }

            /** {@code count} more nudges answered "not a blocker". */
            public Tally dismissed(int count) {
                dismissed += count;
                return this;
            }

            public WeekFigures figures() {
                return new WeekFigures(
                        weekStart, raised, proposedAtOnce, proposedAfterNudge, proposedInThread, nudgesSent, dismissed);
            }
        }

        /** Blockers that got a next step, however it came. */
        public int withProposal() {
            return proposedAtOnce + proposedAfterNudge + proposedInThread;
        }

        /** The share of blockers with a next step, 0 to 1; 0 when none were raised. */
        public double proposalShare() {
            return raised == 0 ? 0 : (double) withProposal() / raised;
        }
    }

    /**
     * A blocker still without a next step 24 hours after it was posted.
     *
     * @param userId the author
     * @param channelId the channel
     * @param ts the post, for a link
     * @param postedAt when it was posted
     */
    public record OpenBlocker(String userId, String channelId, String ts, Instant postedAt) {}

    /**
     * A streak milestone someone reached.
     *
     * @param userId who reached it
     * @param streak which streak ({@code ownership}, {@code learning}, {@code early-risk})
     * @param value the milestone (3, 5, 10, 25)
     * @param reachedAt when
     */
    public record Milestone(String userId, String streak, int value, Instant reachedAt) {}
}
