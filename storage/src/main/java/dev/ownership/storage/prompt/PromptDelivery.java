package dev.ownership.storage.prompt;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One prompt to one person: claimed before it is sent, so that it goes out at most once.
 *
 * @param key which prompt, to whom, for which occurrence
 * @param state where it is in its life
 * @param reason why it failed, when it did
 * @param createdAt when it was claimed
 * @param sentAt when the DM went out
 * @param answeredAt when the person answered or skipped it
 * @param dmChannel the DM's channel
 * @param dmTs the DM's timestamp
 */
public record PromptDelivery(
        Key key,
        State state,
        String reason,
        Instant createdAt,
        Instant sentAt,
        Instant answeredAt,
        String dmChannel,
        String dmTs) {
    public PromptDelivery {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * What identifies a delivery: the unique key that makes a prompt go out at most once.
     *
     * @param channelId the team's channel
     * @param kind {@code learning}, {@code risk} or {@code impact}
     * @param userId the person
     * @param occurrence the person's local date of a scheduled prompt ({@code YYYY-MM-DD}), or
     *     {@code now-<epoch millis>} for one sent with {@code /ownership prompt}
     */
    public record Key(String channelId, String kind, String userId, String occurrence) {
        public Key {
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(occurrence, "occurrence");
        }
    }

    /** A delivery's place in its life. */
    public enum State {
        /** Claimed; the DM is being sent. */
        SENDING,
        /** The DM went out and awaits an answer. */
        SENT,
        /** The person answered (shared, flagged, noted, or "no risks"). */
        ANSWERED,
        /** The person chose Skip. */
        SKIPPED,
        /** The DM could not be sent, or sending was interrupted; never retried. */
        FAILED;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }

        static State fromColumn(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
