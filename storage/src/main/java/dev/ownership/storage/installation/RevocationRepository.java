package dev.ownership.storage.installation;

import dev.ownership.storage.Database;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The one recorded revocation of the bot's access to Slack, if any.
 *
 * <p>Thread-safe.
 */
public final class RevocationRepository {
    private final Database database;

    public RevocationRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** The recorded revocation, if the bot's access was revoked and no new token has been accepted since. */
    public Optional<Revocation> find() {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                            "SELECT reason, revoked_at, token_digest FROM slack_access_revocation WHERE id = 1");
                    ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(
                        new Revocation(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)), rows.getString(3)));
            }
        });
    }

    /**
     * Records a revocation unless one is recorded already.
     *
     * @return whether this call recorded it (false when an earlier one is kept)
     */
    public boolean record(Revocation revocation) {
        Objects.requireNonNull(revocation, "revocation");
        return database.writeStatement(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    INSERT INTO slack_access_revocation (id, reason, revoked_at, token_digest)
                    VALUES (1, ?, ?, ?)
                    ON CONFLICT (id) DO NOTHING
                    """)) {
                statement.setString(1, revocation.reason());
                statement.setLong(2, revocation.revokedAt().toEpochMilli());
                statement.setString(3, revocation.tokenDigest());
                return statement.executeUpdate() == 1;
            }
        });
    }

    /** Forgets the revocation: a new token was accepted. */
    public void clear() {
        database.write(connection -> {
            try (var statement = connection.prepareStatement("DELETE FROM slack_access_revocation")) {
                statement.executeUpdate();
            }
        });
    }
}
