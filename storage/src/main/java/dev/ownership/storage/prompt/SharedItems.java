package dev.ownership.storage.prompt;

import dev.ownership.storage.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The statements the learnings, risks and impacts tables have in common. */
final class SharedItems {
    private SharedItems() {}

    /** Inserts a row whose first columns are channel, user, text and time; returns its id. */
    static long insert(Connection connection, String sql, String channelId, String userId, String text, Instant at)
            throws SQLException {
        return insert(connection, sql, channelId, userId, text, at, null);
    }

    /** As {@link #insert(Connection, String, String, String, String, Instant)}, with a source column last. */
    static long insert(
            Connection connection,
            String sql,
            String channelId,
            String userId,
            String text,
            Instant at,
            ShareSource source)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            statement.setString(1, channelId);
            statement.setString(2, userId);
            statement.setString(3, text);
            statement.setLong(4, at.toEpochMilli());
            if (source != null) {
                statement.setString(5, source.column());
            }
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /**
     * A person's items in one team from {@code since}, oldest first; {@code select} names the columns of
     * {@link SharedItem} and the table, and is completed here.
     */
    static List<SharedItem> byUser(Database database, String select, String channelId, String userId, Instant since) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    select + " WHERE channel_id = ? AND user_id = ? AND created_at >= ? ORDER BY created_at, id")) {
                statement.setString(1, channelId);
                statement.setString(2, userId);
                statement.setLong(3, since.toEpochMilli());
                List<SharedItem> items = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        items.add(SharedItem.fromRow(rows));
                    }
                }
                return items;
            }
        });
    }
}
