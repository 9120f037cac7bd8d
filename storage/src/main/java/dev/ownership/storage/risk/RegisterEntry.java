package dev.ownership.storage.risk;

import java.time.Instant;
import java.util.Objects;

/**
 * One risk of the register, with its text.
 *
 * @param riskId the risk's id (in {@code risks})
 * @param channelId the team's channel
 * @param userId who flagged it
 * @param text what they wrote
 * @param status where it stands
 * @param openedAt when it was flagged
 * @param statusAt when the status last changed
 * @param note the latest mitigation note, or {@code null}
 * @param checkinDue when the next check-in may go, or {@code null} once it is resolved or accepted
 * @param checkinState the latest check-in's state ({@code sending}, {@code sent}, {@code failed}, {@code skipped}),
 *     or {@code null} before the first
 * @param checkinChannel the latest check-in DM's channel, or {@code null}
 * @param checkinTs the latest check-in DM's timestamp, or {@code null}
 */
public record RegisterEntry(
        long riskId,
        String channelId,
        String userId,
        String text,
        RiskStatus status,
        Instant openedAt,
        Instant statusAt,
        String note,
        Instant checkinDue,
        String checkinState,
        String checkinChannel,
        String checkinTs) {
    public RegisterEntry {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(statusAt, "statusAt");
    }
}
