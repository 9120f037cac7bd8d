package dev.ownership.storage.workspace;

import dev.ownership.storage.Database;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Ownership admins added from Slack ({@code /ownership admins add @person}): like workspace admins, they may
 * configure every team. Kept in the database so that adding one needs no restart.
 *
 * <p>Thread-safe.
 */
public final class AdminRepository {
    private final Database database;

    public AdminRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Adds {@code userId}.
     *
     * @return whether they were not an admin before
     */
    public boolean add(String userId, String addedBy, Instant now) {
        Objects.requireNonNull(userId, "userId");
        return database.inTransaction(connection -> {
            try (var statement = connection.prepareStatement(
                    "INSERT INTO ownership_admins (user_id, added_by, added_at) VALUES (?, ?, ?) "
                            + "ON CONFLICT DO NOTHING")) {
                statement.setString(1, userId);
                statement.setString(2, addedBy);
                statement.setLong(3, now.toEpochMilli());
                return statement.executeUpdate() == 1;
            }
        });
    }

    /**
     * Removes {@code userId}.
     *
     * @return whether they were one
     */
    public boolean remove(String userId) {
        return database.inTransaction(connection -> {
            try (var statement = connection.prepareStatement("DELETE FROM ownership_admins WHERE user_id = ?")) {
                statement.setString(1, userId);
                return statement.executeUpdate() == 1;
            }
        });
    }

    /** Whether {@code userId} was added as an admin. */
    public boolean contains(String userId) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement("SELECT 1 FROM ownership_admins WHERE user_id = ?")) {
                statement.setString(1, userId);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    /** Everyone added, in the order they were added. */
    public List<String> all() {
        return database.read(connection -> {
            try (var statement =
                    connection.prepareStatement("SELECT user_id FROM ownership_admins ORDER BY added_at, user_id")) {
                try (ResultSet rows = statement.executeQuery()) {
                    List<String> ids = new ArrayList<>();
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                    return List.copyOf(ids);
                }
            }
        });
    }
}
