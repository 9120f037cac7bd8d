package dev.ownership.storage.nudge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What is kept of a standup post: ids, times, the detector's label, category and reasons, and the nudge's
 * progress. Never the post's text.
 *
 * @param channelId the standup channel
 * @param ts the post's Slack timestamp, which with the channel identifies it
 * @param userId the author
 * @param postedAt when it was posted
 * @param label {@code none}, {@code blocker_with_proposal} or {@code blocker_without_proposal}
 * @param category the blocker's category, or {@code null} when there is none
 * @param reasons the cues the detector matched
 * @param state where the post is in the nudge's life
 * @param stateReason why it is in that state, when that is worth saying (e.g. {@code daily_limit})
 * @param dueAt when a pending nudge is due
 * @param nudgedAt when the nudge went out
 * @param nudgeDate the author's local date of the nudge
 * @param dmChannel the DM channel of the nudge
 * @param dmTs the nudge message's timestamp
 * @param proposedAt when a next step was proposed
 * @param proposalVia how it was proposed
 * @param proposalText the next step typed into the bot, if that is how it came
 */
public record StandupPost(
        String channelId,
        String ts,
        String userId,
        Instant postedAt,
        String label,
        String category,
        List<String> reasons,
        State state,
        String stateReason,
        Instant dueAt,
        Instant nudgedAt,
        LocalDate nudgeDate,
        String dmChannel,
        String dmTs,
        Instant proposedAt,
        ProposalVia proposalVia,
        String proposalText) {

    public StandupPost {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(postedAt, "postedAt");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(state, "state");
        reasons = List.copyOf(reasons);
    }

    /** Whether the post reported a blocker. */
    public boolean isBlocker() {
        return !"none".equals(label);
    }

    /** A post's place in the nudge's life. */
    public enum State {
        CLEAR,
        PENDING,
        SENDING,
        NUDGED,
        PROPOSED,
        DISMISSED,
        DELETED,
        SUPPRESSED,
        FAILED;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static State fromColumn(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** How a next step arrived. */
    public enum ProposalVia {
        AT_ONCE,
        EDIT,
        THREAD,
        NUDGE;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static ProposalVia fromColumn(String value) {
            return value == null ? null : valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
