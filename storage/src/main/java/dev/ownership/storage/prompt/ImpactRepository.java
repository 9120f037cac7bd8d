package dev.ownership.storage.prompt;

import dev.ownership.storage.Database;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What people said their work moved: impact notes, kept for the team's weekly digest.
 *
 * <p>Thread-safe.
 */
public final class ImpactRepository {
    private final Database database;

    public ImpactRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Records an impact note; returns its id. */
    public long add(String channelId, String userId, String text, Instant at) {
        return database.inTransaction(connection -> SharedItems.insert(
                connection,
                "INSERT INTO impacts (channel_id, user_id, text, created_at) VALUES (?, ?, ?, ?)",
                channelId,
                userId,
                text,
                at));
    }

    /** The impact notes {@code userId} wrote for the team from {@code since}, oldest first. */
    public List<SharedItem> byUser(String channelId, String userId, Instant since) {
        return SharedItems.byUser(
                database,
                "SELECT id, channel_id, user_id, text, created_at, NULL AS message_ts FROM impacts",
                channelId,
                userId,
                since);
    }
}
