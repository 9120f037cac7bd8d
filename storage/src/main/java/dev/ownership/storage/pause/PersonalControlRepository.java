package dev.ownership.storage.pause;

import dev.ownership.storage.Database;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Objects;

/**
 * Each person's own switches: nudges on or off, prompts on or off, each on its own. No row means both on. Pauses
 * are kept apart ({@link PauseRepository}) because weekly streaks read them as periods.
 *
 * <p>Thread-safe.
 */
public final class PersonalControlRepository {
    /**
     * One person's switches.
     *
     * @param nudges whether they get nudges about blockers without a next step
     * @param prompts whether they get scheduled prompts
     */
    public record Controls(boolean nudges, boolean prompts) {
        /** Everything on: what a person who never changed anything has. */
        public static final Controls DEFAULTS = new Controls(true, true);
    }

    private final Database database;

    public PersonalControlRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** The switches of {@code userId}. */
    public Controls controls(String userId) {
        Objects.requireNonNull(userId, "userId");
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT nudges_off, prompts_off FROM personal_controls WHERE user_id = ?")) {
                statement.setString(1, userId);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next()
                            ? new Controls(rows.getInt("nudges_off") == 0, rows.getInt("prompts_off") == 0)
                            : Controls.DEFAULTS;
                }
            }
        });
    }

    /** Turns nudges on or off for {@code userId}, leaving their prompts as they are. */
    public void setNudges(String userId, boolean on, Instant now) {
        set(userId, "nudges_off", on, now);
    }

    /** Turns prompts on or off for {@code userId}, leaving their nudges as they are. */
    public void setPrompts(String userId, boolean on, Instant now) {
        set(userId, "prompts_off", on, now);
    }

    private void set(String userId, String column, boolean on, Instant now) {
        Objects.requireNonNull(userId, "userId");
        // column is one of two constants above, never input
        String sql = "INSERT INTO personal_controls (user_id, " + column + ", updated_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (user_id) DO UPDATE SET " + column + " = excluded." + column
                + ", updated_at = excluded.updated_at";
        database.write(connection -> {
            try (var statement = connection.prepareStatement(sql)) {
                statement.setString(1, userId);
                statement.setInt(2, on ? 0 : 1);
                statement.setLong(3, now.toEpochMilli());
                statement.executeUpdate();
            }
        });
    }
}
