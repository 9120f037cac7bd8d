package dev.ownership.storage.prompt;

import java.time.Instant;
import java.util.Objects;

/**
 * An answer to the risk check-in: a risk flagged, or "no risks this week".
 *
 * @param id the row id
 * @param channelId the team's channel
 * @param userId who answered
 * @param checkedAt when
 * @param hadRisk whether they flagged a risk
 */
public record RiskCheckin(long id, String channelId, String userId, Instant checkedAt, boolean hadRisk) {
    public RiskCheckin {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(checkedAt, "checkedAt");
    }
}
