package dev.ownership.storage.privacy;

import dev.ownership.storage.Database;
import dev.ownership.storage.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Deletes records older than the retention period, in batches of at most {@value #BATCH} rows of a table, each its own
 * short transaction: a write on the ack path waits for one batch at most, never for the whole pruning. A crash between
 * batches leaves every table consistent (a row goes with what cascades from it) and the next run goes on.
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

    /** The most rows of one table a transaction deletes (and what cascades from them). */
    public static final int BATCH = 25;
    /** How many batches go between two checkpoints of the write-ahead log the batches fill. */
    static final int CHECKPOINT_EVERY = 10;
    /** The pause between two batches of one table. */
    static final Duration PAUSE = Duration.ofMillis(2);

    private final Database database;
    private final int batch;

    public RetentionRepository(Database database) {
        this(database, BATCH);
    }

    /** Deletes in batches of {@code batch} rows. */
    RetentionRepository(Database database, int batch) {
        this.database = Objects.requireNonNull(database, "database");
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, was " + batch);
        }
        this.batch = batch;
    }

    /**
     * Deletes every record from before {@code cutoff}, and the pauses that ended before its date.
     *
     * @return the number of rows deleted, by table
     */
    public Map<String, Integer> deleteBefore(Instant cutoff) {
        Map<String, Integer> deleted = new LinkedHashMap<>();
        int batches = 0;
        for (String[] table : RECORDS) {
            int total = 0;
            int rows;
            do {
                rows = database.inTransaction(connection -> deleteOlder(connection, table[0], table[1], cutoff, batch));
                total += rows;
                if (rows == batch) {
                    letWaitingWritersIn();
                }
                if (++batches % CHECKPOINT_EVERY == 0) {
                    database.checkpointNow();
                }
            } while (rows == batch);
            deleted.put(table[0], total);
        }
        deleted.put("pauses", database.inTransaction(connection -> deleteEndedPauses(connection, cutoff)));
        return Collections.unmodifiableMap(deleted);
    }

    /**
     * Pauses between two batches, so that the writes waiting for the writer (the ack path's) take it first: the
     * writer's lock is not a fair one, and a thread that takes it again at once would keep them waiting for the whole
     * pruning.
     */
    private static void letWaitingWritersIn() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("Interrupted while pruning old records", e);
        }
    }

    /** Deletes up to {@code limit} rows of {@code table} from before {@code cutoff}, oldest first. */
    private static int deleteOlder(Connection connection, String table, String column, Instant cutoff, int limit)
            throws SQLException {
        try (var statement = connection.prepareStatement("DELETE FROM " + table + " WHERE rowid IN (SELECT rowid FROM "
                + table + " WHERE " + column + " < ? ORDER BY " + column + " LIMIT ?)")) {
            statement.setLong(1, cutoff.toEpochMilli());
            statement.setInt(2, limit);
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
