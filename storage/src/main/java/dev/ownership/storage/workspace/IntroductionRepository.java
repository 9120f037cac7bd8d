package dev.ownership.storage.workspace;

import dev.ownership.storage.Database;
import java.time.Instant;
import java.util.Objects;

/**
 * Who has been sent a watched channel's introduction as a DM, so that each newcomer gets it once per channel.
 *
 * <p>Thread-safe.
 */
public final class IntroductionRepository {
    private final Database database;

    public IntroductionRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Claims the introduction of {@code userId} to {@code channelId}. Claimed before sending: a crash between the
     * claim and the DM loses one welcome rather than sending two.
     *
     * @return whether it was not claimed before (then the caller sends it)
     */
    public boolean claim(String channelId, String userId, Instant now) {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(userId, "userId");
        return database.inTransaction(connection -> {
            try (var statement = connection.prepareStatement(
                    "INSERT INTO introductions (channel_id, user_id, sent_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                statement.setString(1, channelId);
                statement.setString(2, userId);
                statement.setLong(3, now.toEpochMilli());
                return statement.executeUpdate() == 1;
            }
        });
    }
}
