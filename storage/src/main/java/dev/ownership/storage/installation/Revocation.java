package dev.ownership.storage.installation;

import java.time.Instant;
import java.util.Objects;

/**
 * Slack's word that the bot may no longer use its token.
 *
 * @param reason {@code app_uninstalled} or {@code tokens_revoked}, the event that said so
 * @param revokedAt when the bot received it
 * @param tokenDigest the hex SHA-256 of the bot token that was revoked
 */
public record Revocation(String reason, Instant revokedAt, String tokenDigest) {
    public Revocation {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(tokenDigest, "tokenDigest");
    }
}
