package dev.ownership.storage.pause;

import dev.ownership.storage.Database;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * People's pauses, kept as periods so that weekly streaks can tell a paused week from a missed one.
 *
 * <p>Dates are the person's own local dates. A pause covers {@code [start, until)}; an open pause has no
 * {@code until} and lasts until {@code resume}. Thread-safe.
 */
public final class PauseRepository {
    private final Database database;

    public PauseRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Pauses {@code userId} from {@code today} until {@code until} (exclusive), or until resumed when
     * {@code until} is null. Replaces a pause in force.
     */
    public void pause(String userId, LocalDate today, LocalDate until, Instant now) {
        database.write(connection -> pauseWith(connection, userId, today, until, now));
    }

    /** {@link #pause} inside a caller's transaction. */
    public static void pauseWith(
            java.sql.Connection connection, String userId, LocalDate today, LocalDate until, Instant now)
            throws java.sql.SQLException {
        endActive(connection, userId, today);
        try (var statement = connection.prepareStatement(
                "INSERT INTO pauses (user_id, start_date, until_date, created_at) VALUES (?, ?, ?, ?)")) {
            statement.setString(1, userId);
            statement.setString(2, today.toString());
            statement.setString(3, until == null ? null : until.toString());
            statement.setLong(4, now.toEpochMilli());
            statement.executeUpdate();
        }
    }

    /**
     * Ends the pause in force on {@code today}.
     *
     * @return whether there was one
     */
    public boolean resume(String userId, LocalDate today) {
        return database.inTransaction(connection -> endActive(connection, userId, today));
    }

    /** The pause in force on {@code date}, if any. */
    public Optional<Pause> activeOn(String userId, LocalDate date) {
        return periods(userId).stream().filter(pause -> pause.covers(date)).findFirst();
    }

    /** Every pause period of {@code userId}, oldest first. */
    public List<Pause> periods(String userId) {
        return database.read(connection -> {
            List<Pause> pauses = new ArrayList<>();
            try (var statement = connection.prepareStatement(
                    "SELECT start_date, until_date FROM pauses WHERE user_id = ? ORDER BY start_date, id")) {
                statement.setString(1, userId);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String until = rows.getString(2);
                        pauses.add(new Pause(
                                userId,
                                LocalDate.parse(rows.getString(1)),
                                until == null ? null : LocalDate.parse(until)));
                    }
                }
            }
            return pauses;
        });
    }

    private static boolean endActive(java.sql.Connection connection, String userId, LocalDate today)
            throws java.sql.SQLException {
        int removed;
        try (var statement = connection.prepareStatement(
                "DELETE FROM pauses WHERE user_id = ? AND start_date >= ? AND (until_date IS NULL OR until_date > ?)")) {
            statement.setString(1, userId);
            statement.setString(2, today.toString());
            statement.setString(3, today.toString());
            removed = statement.executeUpdate();
        }
        int ended;
        try (var statement = connection.prepareStatement(
                "UPDATE pauses SET until_date = ? WHERE user_id = ? AND start_date < ? AND (until_date IS NULL OR"
                        + " until_date > ?)")) {
            statement.setString(1, today.toString());
            statement.setString(2, userId);
            statement.setString(3, today.toString());
            statement.setString(4, today.toString());
            ended = statement.executeUpdate();
        }
        return removed + ended > 0;
    }

    /**
     * A pause period.
     *
     * @param userId who paused
     * @param start the first paused day
     * @param until the first day back, or {@code null} while open-ended
     */
    public record Pause(String userId, LocalDate start, LocalDate until) {
        /** Whether {@code date} falls in this pause. */
        public boolean covers(LocalDate date) {
            return !date.isBefore(start) && (until == null || date.isBefore(until));
        }
    }
}
