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
 * @param label the detector's label
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
        PostLabel label,
        PostCategory category,
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
        return label != PostLabel.NONE;
    }

    /** What identifies the post. */
    public PostKey key() {
        return new PostKey(channelId, ts);
    }

    /** A post with what every post has; the rest is added on the builder. */
    public static Builder builder(PostKey key, String userId, Instant postedAt, PostLabel label, State state) {
        return new Builder(key, userId, postedAt, label, state);
    }

    /** Builds a {@link StandupPost}: the optional parts default to none; a part set twice keeps the last value. */
    public static final class Builder {
        private final PostKey key;
        private final String userId;
        private final Instant postedAt;
        private final PostLabel label;
        private final State state;
        private PostCategory category;
        private List<String> reasons = List.of();
        private String stateReason;
        private Instant dueAt;
        private Instant nudgedAt;
        private LocalDate nudgeDate;
        private String dmChannel;
        private String dmTs;
        private Instant proposedAt;
        private ProposalVia proposalVia;
        private String proposalText;

        private Builder(PostKey key, String userId, Instant postedAt, PostLabel label, State state) {
            this.key = Objects.requireNonNull(key, "key");
            this.userId = userId;
            this.postedAt = postedAt;
            this.label = label;
            this.state = state;
        }

        /** The blocker's category ({@code null}: none). */
        public Builder category(PostCategory value) {
            this.category = value;
            return this;
        }

        /** The cues the detector matched. */
        public Builder reasons(List<String> value) {
            this.reasons = value;
            return this;
        }

        /** Why the post is in its state. */
        public Builder stateReason(String value) {
            this.stateReason = value;
            return this;
        }

        /** When a pending nudge is due. */
        public Builder dueAt(Instant value) {
            this.dueAt = value;
            return this;
        }

        /** The nudge that went out: when, on the author's which local date, and its DM. */
        public Builder nudged(Instant at, LocalDate localDate, String channel, String messageTs) {
            this.nudgedAt = at;
            this.nudgeDate = localDate;
            this.dmChannel = channel;
            this.dmTs = messageTs;
            return this;
        }

        /** The next step: when, how, and its text if it was typed into the bot. */
        public Builder proposed(Instant at, ProposalVia via, String text) {
            this.proposedAt = at;
            this.proposalVia = via;
            this.proposalText = text;
            return this;
        }

        public StandupPost build() {
            return new StandupPost(
                    key.channelId(),
                    key.ts(),
                    userId,
                    postedAt,
                    label,
                    category,
                    reasons,
                    state,
                    stateReason,
                    dueAt,
                    nudgedAt,
                    nudgeDate,
                    dmChannel,
                    dmTs,
                    proposedAt,
                    proposalVia,
                    proposalText);
        }
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
