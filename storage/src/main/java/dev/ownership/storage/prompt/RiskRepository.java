package dev.ownership.storage.prompt;

import dev.ownership.storage.Database;
import dev.ownership.storage.risk.RiskRegisterRepository;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Risks people flagged and their answers to the risk check-in: a flagged risk is kept with its text and counts as
 * a check-in; "no risks this week" is a check-in without one.
 *
 * <p>Thread-safe.
 */
public final class RiskRepository {
    private final Database database;

    public RiskRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Records a risk, enters it into the risk register as open, and records the check-in it answers, in one
     * transaction; returns the risk's id.
     */
    public long flag(String channelId, String userId, String text, ShareSource source, Instant at) {
        return database.inTransaction(connection -> {
            long id = SharedItems.insert(
                    connection,
                    "INSERT INTO risks (channel_id, user_id, text, created_at, source) VALUES (?, ?, ?, ?, ?)",
                    channelId,
                    userId,
                    text,
                    at,
                    source);
            RiskRegisterRepository.enter(connection, id, channelId, userId, at);
            checkin(connection, channelId, userId, at, true);
            return id;
        });
    }

    /** Records a check-in with no risk to report. */
    public void noRisks(String channelId, String userId, Instant at) {
        database.write(connection -> checkin(connection, channelId, userId, at, false));
    }

    /** The risks {@code userId} flagged for the team from {@code since}, oldest first. */
    public List<SharedItem> byUser(String channelId, String userId, Instant since) {
        return SharedItems.byUser(
                database,
                "SELECT id, channel_id, user_id, text, created_at, NULL AS message_ts FROM risks",
                channelId,
                userId,
                since);
    }

    /** The risk check-ins of {@code userId} in the team from {@code since}, oldest first. */
    public List<RiskCheckin> checkins(String channelId, String userId, Instant since) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    SELECT id, checked_at, had_risk FROM risk_checkins
                     WHERE channel_id = ? AND user_id = ? AND checked_at >= ?
                     ORDER BY checked_at, id
                    """)) {
                statement.setString(1, channelId);
                statement.setString(2, userId);
                statement.setLong(3, since.toEpochMilli());
                List<RiskCheckin> checkins = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        checkins.add(new RiskCheckin(
                                rows.getLong(1),
                                channelId,
                                userId,
                                Instant.ofEpochMilli(rows.getLong(2)),
                                rows.getInt(3) == 1));
                    }
                }
                return checkins;
            }
        });
    }

    private static void checkin(Connection connection, String channelId, String userId, Instant at, boolean hadRisk)
            throws SQLException {
        try (var statement = connection.prepareStatement(
                "INSERT INTO risk_checkins (channel_id, user_id, checked_at, had_risk) VALUES (?, ?, ?, ?)")) {
            statement.setString(1, channelId);
            statement.setString(2, userId);
            statement.setLong(3, at.toEpochMilli());
            statement.setInt(4, hadRisk ? 1 : 0);
            statement.executeUpdate();
        }
    }
}
