package dev.ownership.storage.blocker;

import dev.ownership.storage.nudge.PostKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A long-running blocker: the run's first post, its author and category, and where the author's question and the
 * escalation stand. Never any text.
 *
 * @param channelId the standup channel
 * @param ts the first post of the run, which identifies it
 * @param userId the author
 * @param kind why it is long-running
 * @param category the blocker's category (its column value), or {@code null}
 * @param since when the first post of the run was posted
 * @param latestTs the latest post of the run, which links point to
 * @param askState where the question to the author stands
 * @param askDueAt when the question is due
 * @param dmChannel the DM of the question, once sent
 * @param dmTs the question's timestamp, once sent
 * @param answer what the author answered, or {@code null}
 * @param escalateAt when the leads are told if nobody answered (only where the team turned escalation on)
 * @param escalation where telling the leads stands, or {@code null}
 */
public record LongBlocker(
        String channelId,
        String ts,
        String userId,
        Kind kind,
        String category,
        Instant since,
        String latestTs,
        AskState askState,
        Instant askDueAt,
        String dmChannel,
        String dmTs,
        Answer answer,
        Instant escalateAt,
        String escalation) {

    public LongBlocker {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(latestTs, "latestTs");
        Objects.requireNonNull(askState, "askState");
    }

    /** The run's first post. */
    public PostKey key() {
        return new PostKey(channelId, ts);
    }

    /** The post links point to. */
    public PostKey latest() {
        return new PostKey(channelId, latestTs);
    }

    /** Why a blocker is long-running. */
    public enum Kind {
        /** It still has no next step. */
        NO_NEXT_STEP,
        /** The same person reported blockers of its category on consecutive workdays. */
        RECURRING;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Kind fromColumn(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** Where the question to the author stands. */
    public enum AskState {
        DUE,
        SENDING,
        ASKED,
        SKIPPED,
        FAILED;

        static AskState fromColumn(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** What the author answered. */
    public enum Answer {
        /** "Ask my lead for help". */
        RAISED,
        /** "I've got it". */
        ON_IT;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Answer fromColumn(String value) {
            return value == null ? null : valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
