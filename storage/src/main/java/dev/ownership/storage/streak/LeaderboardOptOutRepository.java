package dev.ownership.storage.streak;

import dev.ownership.storage.Database;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Objects;

/**
 * Who asked not to be listed on their teams' leaderboards. Everyone is listed by default once a team turns its
 * leaderboard on.
 *
 * <p>Thread-safe.
 */
public final class LeaderboardOptOutRepository {
    private final Database database;

    public LeaderboardOptOutRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Lists or hides {@code userId} on leaderboards. */
    public void setShown(String userId, boolean shown, Instant now) {
        database.write(connection -> {
            String sql = shown
                    ? "DELETE FROM leaderboard_optouts WHERE user_id = ?"
                    : "INSERT INTO leaderboard_optouts (user_id, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING";
            try (var statement = connection.prepareStatement(sql)) {
                statement.setString(1, userId);
                if (!shown) {
                    statement.setLong(2, now.toEpochMilli());
                }
                statement.executeUpdate();
            }
        });
    }

    /** Whether {@code userId} may be listed on leaderboards. */
    public boolean isShown(String userId) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement("SELECT 1 FROM leaderboard_optouts WHERE user_id = ?")) {
                statement.setString(1, userId);
                try (ResultSet rows = statement.executeQuery()) {
                    return !rows.next();
                }
            }
        });
    }
}
