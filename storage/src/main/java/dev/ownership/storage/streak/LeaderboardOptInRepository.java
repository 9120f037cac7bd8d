package dev.ownership.storage.streak;

import dev.ownership.storage.Database;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Objects;

/**
 * Who chose to be listed on their teams' leaderboards. Nobody is listed unless they opt in, even when a team has
 * turned its leaderboard on.
 *
 * <p>Thread-safe.
 */
public final class LeaderboardOptInRepository {
    private final Database database;

    public LeaderboardOptInRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Lists {@code userId} on leaderboards, or stops listing them. */
    public void setShown(String userId, boolean shown, Instant now) {
        database.write(connection -> {
            String sql = shown
                    ? "INSERT INTO leaderboard_optins (user_id, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING"
                    : "DELETE FROM leaderboard_optins WHERE user_id = ?";
            try (var statement = connection.prepareStatement(sql)) {
                statement.setString(1, userId);
                if (shown) {
                    statement.setLong(2, now.toEpochMilli());
                }
                statement.executeUpdate();
            }
        });
    }

    /** Whether {@code userId} opted in to being listed on leaderboards. */
    public boolean isShown(String userId) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement("SELECT 1 FROM leaderboard_optins WHERE user_id = ?")) {
                statement.setString(1, userId);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }
}
