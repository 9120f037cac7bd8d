package dev.ownership.storage.prompt;

import dev.ownership.storage.Database;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Learnings people chose to share: what they wrote, and the post in the team's channel that shows it.
 *
 * <p>Thread-safe.
 */
public final class LearningRepository {
    private final Database database;

    public LearningRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Records a learning; returns its id. */
    public long add(String channelId, String userId, String text, ShareSource source, Instant at) {
        return database.inTransaction(connection -> SharedItems.insert(
                connection,
                "INSERT INTO learnings (channel_id, user_id, text, created_at, source) VALUES (?, ?, ?, ?, ?)",
                channelId,
                userId,
                text,
                at,
                source));
    }

    /** Records the post in the team's channel that shows the learning. */
    public void attachMessage(long id, String messageTs) {
        database.write(connection -> {
            try (var statement = connection.prepareStatement("UPDATE learnings SET message_ts = ? WHERE id = ?")) {
                statement.setString(1, messageTs);
                statement.setLong(2, id);
                statement.executeUpdate();
            }
        });
    }

    /** The learnings {@code userId} shared with the team from {@code since}, oldest first. */
    public List<SharedItem> byUser(String channelId, String userId, Instant since) {
        return SharedItems.byUser(
                database,
                "SELECT id, channel_id, user_id, text, created_at, message_ts FROM learnings",
                channelId,
                userId,
                since);
    }
}
