package dev.ownership.storage.prompt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

/**
 * Something a person chose to share through the bot: a learning, a risk or an impact note.
 *
 * @param id the row id
 * @param channelId the team's channel
 * @param userId who shared it
 * @param text what they wrote
 * @param createdAt when
 * @param messageTs the post in the team channel (learnings), or {@code null}
 */
public record SharedItem(long id, String channelId, String userId, String text, Instant createdAt, String messageTs) {
    public SharedItem {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The item in the current row of {@code rows}, whose first six columns are this record's, in order. */
    public static SharedItem fromRow(ResultSet rows) throws SQLException {
        return new SharedItem(
                rows.getLong(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                Instant.ofEpochMilli(rows.getLong(5)),
                rows.getString(6));
    }
}
