package dev.ownership.storage.nudge;

import dev.ownership.storage.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which standup bot each team's channel reads as reports: at most one a team. A setting, not a record of people: it
 * holds the bot's ids and name, and no text.
 *
 * <p>Thread-safe.
 */
public final class ReportBotRepository {
    private final Database database;

    public ReportBotRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Names the team's standup bot, replacing the one named before. */
    public void set(ReportBot bot) {
        Objects.requireNonNull(bot, "bot");
        database.inTransaction(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    INSERT INTO report_bots (channel_id, bot_user_id, bot_id, bot_name, set_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (channel_id) DO UPDATE SET bot_user_id = excluded.bot_user_id,
                        bot_id = excluded.bot_id, bot_name = excluded.bot_name, set_at = excluded.set_at
                    """)) {
                statement.setString(1, bot.channelId());
                statement.setString(2, bot.botUserId());
                statement.setString(3, bot.botId());
                statement.setString(4, bot.botName());
                statement.setLong(5, bot.setAt().toEpochMilli());
                return statement.executeUpdate();
            }
        });
    }

    /**
     * Stops reading the team's standup bot.
     *
     * @return the bot that was named, or empty if there was none
     */
    public Optional<ReportBot> clear(String channelId) {
        Objects.requireNonNull(channelId, "channelId");
        return database.inTransaction(connection -> {
            Optional<ReportBot> before = findWith(connection, channelId);
            try (var statement = connection.prepareStatement("DELETE FROM report_bots WHERE channel_id = ?")) {
                statement.setString(1, channelId);
                statement.executeUpdate();
            }
            return before;
        });
    }

    /** The team's standup bot, if one is named. */
    public Optional<ReportBot> find(String channelId) {
        Objects.requireNonNull(channelId, "channelId");
        return database.read(connection -> findWith(connection, channelId));
    }

    private static Optional<ReportBot> findWith(Connection connection, String channelId) throws SQLException {
        try (var statement = connection.prepareStatement(
                "SELECT channel_id, bot_user_id, bot_id, bot_name, set_at FROM report_bots WHERE channel_id = ?")) {
            statement.setString(1, channelId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ReportBot(
                        rows.getString(1),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        Instant.ofEpochMilli(rows.getLong(5))));
            }
        }
    }
}
