package dev.ownership.storage.privacy;

import dev.ownership.storage.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Deletes records older than the retention period, in one transaction.
 *
 * <p>Records are what happened at a time: standup posts, learnings, risks (with their register entries, by their last
 * activity), risk check-ins, impact notes, prompt
 * deliveries, milestones, and pauses that ended. Current state is kept however old: teams, leads, members, an open
 * pause, and the leaderboard preference. Thread-safe.
 */
public final class RetentionRepository {
    /** Each table of records and the column (or expression) holding when the record happened (epoch milliseconds). */
    private static final List<String[]> RECORDS = List.of(
            new String[] {"standup_posts", "posted_at"},
            new String[] {"learnings", "created_at"},
            // A risk in the register ages from its last activity (a change, an answer to its check-in), so that one
            // still being worked on keeps its text; its entry and changes go with it.
            new String[] {
                "risks", "COALESCE((SELECT updated_at FROM risk_register WHERE risk_id = risks.id), created_at)"
            },
            new String[] {"risk_checkins", "checked_at"},
            new String[] {"impacts", "created_at"},
            new String[] {"prompt_deliveries", "created_at"},
            new String[] {"standup_days", "created_at"},
            new String[] {"streak_milestones", "created_at"},
            // Also pruned with their posts (ON DELETE CASCADE); by their own time too, should a post outlive them.
            new String[] {"long_blockers", "detected_at"},
            new String[] {"blocker_replies", "replied_at"},
            new String[] {"blocker_resolutions", "resolved_at"},
            new String[] {"unblocks", "resolved_at"},
            new String[] {"escalation_leads", "told_at"},
            // Waits seconds for its person; one a crash left is dropped at start-up, and by retention at the latest.
            new String[] {"report_arrivals", "arrived_at"});

    private final Database database;

    public RetentionRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Deletes every record from before {@code cutoff}, and the pauses that ended before its date.
     *
     * @return the number of rows deleted, by table
     */
    public Map<String, Integer> deleteBefore(Instant cutoff) {
        return database.inTransaction(connection -> {
            Map<String, Integer> deleted = new LinkedHashMap<>();
            for (String[] table : RECORDS) {
                deleted.put(table[0], deleteOlder(connection, table[0], table[1], cutoff));
            }
            deleted.put("pauses", deleteEndedPauses(connection, cutoff));
            return Collections.unmodifiableMap(deleted);
        });
    }

    private static int deleteOlder(Connection connection, String table, String column, Instant cutoff)
            throws SQLException {
        try (var statement = connection.prepareStatement("DELETE FROM " + table + " WHERE " + column + " < ?")) {
            statement.setLong(1, cutoff.toEpochMilli());
            return statement.executeUpdate();
        }
    }

    private static int deleteEndedPauses(Connection connection, Instant cutoff) throws SQLException {
        try (var statement =
                connection.prepareStatement("DELETE FROM pauses WHERE until_date IS NOT NULL AND until_date < ?")) {
            statement.setString(1, cutoff.atOffset(ZoneOffset.UTC).toLocalDate().toString());
            return statement.executeUpdate();
        }
    }
}
