package dev.ownership.storage.prompt;

import dev.ownership.storage.Database;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The team-wide prompt fan-outs still going: recorded before the first DM and removed after the last, so that one
 * cut short by a crash or a stop can be finished after the restart.
 *
 * <p>Thread-safe.
 */
public final class PromptFanOutRepository {
    private final Database database;

    public PromptFanOutRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Records a fan-out about to start; recording the same one again changes nothing. */
    public void start(PromptFanOut fanOut) {
        database.writeStatement(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    INSERT INTO prompt_fanouts (channel_id, kind, occurrence, requested_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (channel_id, kind, occurrence) DO NOTHING
                    """)) {
                bind(statement, fanOut);
                statement.setLong(4, fanOut.requestedAt().toEpochMilli());
                return statement.executeUpdate();
            }
        });
    }

    /** Removes a fan-out that went through all its recipients (or was given up). */
    public void finish(PromptFanOut fanOut) {
        database.writeStatement(connection -> {
            try (var statement = connection.prepareStatement(
                    "DELETE FROM prompt_fanouts WHERE channel_id = ? AND kind = ? AND occurrence = ?")) {
                bind(statement, fanOut);
                return statement.executeUpdate();
            }
        });
    }

    /** The fan-outs not finished, oldest first. */
    public List<PromptFanOut> unfinished() {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                            "SELECT channel_id, kind, occurrence, requested_at FROM prompt_fanouts"
                                    + " ORDER BY requested_at, channel_id, kind");
                    var rows = statement.executeQuery()) {
                List<PromptFanOut> fanOuts = new ArrayList<>();
                while (rows.next()) {
                    fanOuts.add(new PromptFanOut(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3),
                            Instant.ofEpochMilli(rows.getLong(4))));
                }
                return fanOuts;
            }
        });
    }

    private static void bind(PreparedStatement statement, PromptFanOut fanOut) throws SQLException {
        statement.setString(1, fanOut.channelId());
        statement.setString(2, fanOut.kind());
        statement.setString(3, fanOut.occurrence());
    }
}
