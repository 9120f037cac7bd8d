package dev.ownership.storage.nudge;

import dev.ownership.storage.Database;
import dev.ownership.storage.nudge.StandupPost.ProposalVia;
import dev.ownership.storage.nudge.StandupPost.State;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Standup posts and the nudges about them. Every state change is one conditional update, so that concurrent
 * deliveries, retries and replicas cannot move a post twice (a nudge is claimed before it is sent).
 *
 * <p>Thread-safe.
 */
public final class StandupRepository {
    private static final String COLUMNS =
            """
            channel_id, ts, user_id, posted_at, label, category, reasons, state, state_reason, due_at, nudged_at,
            nudge_date, dm_channel, dm_ts, proposed_at, proposal_via, proposal_text
            """;
    /** States from which a next step still counts as proposing (the post reported a blocker without one). */
    private static final String OPEN_STATES = "('pending', 'sending', 'nudged', 'suppressed', 'failed')";

    private final Database database;

    public StandupRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Records a new post.
     *
     * @return {@code false} if a post with the same channel and ts is already recorded (a redelivery)
     */
    public boolean record(
            String channelId, String ts, String userId, Instant postedAt, FirstVerdict verdict, Instant now) {
        return database.writeStatement(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    INSERT INTO standup_posts (channel_id, ts, user_id, posted_at, label, category, reasons, state,
                                               due_at, proposed_at, proposal_via, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (channel_id, ts) DO NOTHING
                    """)) {
                statement.setString(1, channelId);
                statement.setString(2, ts);
                statement.setString(3, userId);
                bindVerdict(statement, 4, postedAt, verdict);
                setInstant(statement, 10, verdict.proposalVia() == null ? null : postedAt);
                statement.setString(
                        11,
                        verdict.proposalVia() == null
                                ? null
                                : verdict.proposalVia().column());
                statement.setLong(12, now.toEpochMilli());
                return statement.executeUpdate() == 1;
            }
        });
    }

    /**
     * Records the verdict of a standup bot's report whose person is not known yet (see {@link #attributeArrival}).
     * Only a first verdict is kept: {@code clear}, {@code pending} (with its due time) or {@code proposed} at once.
     *
     * @return {@code false} if the report is already recorded, waiting or attributed (a redelivery)
     */
    public boolean recordArrival(String channelId, String ts, Instant postedAt, FirstVerdict verdict, Instant now) {
        return database.writeStatement(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    INSERT INTO report_arrivals (channel_id, ts, posted_at, label, category, reasons, state, due_at,
                                                 proposal_via, arrived_at)
                    SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                     WHERE NOT EXISTS (SELECT 1 FROM standup_posts WHERE channel_id = ?1 AND ts = ?2)
                    ON CONFLICT (channel_id, ts) DO NOTHING
                    """)) {
                statement.setString(1, channelId);
                statement.setString(2, ts);
                bindVerdict(statement, 3, postedAt, verdict);
                statement.setString(
                        9,
                        verdict.proposalVia() == null
                                ? null
                                : verdict.proposalVia().column());
                statement.setLong(10, now.toEpochMilli());
                return statement.executeUpdate() == 1;
            }
        });
    }

    /**
     * Moves a waiting report to the posts as {@code userId}'s, in one transaction.
     *
     * @return the post as recorded, or empty if no report was waiting (moved or dropped already)
     */
    public Optional<StandupPost> attributeArrival(String channelId, String ts, String userId, Instant now) {
        boolean moved = database.inTransaction(connection -> {
            boolean inserted = execute(
                    connection,
                    """
                    INSERT INTO standup_posts (channel_id, ts, user_id, posted_at, label, category, reasons, state,
                                               due_at, proposed_at, proposal_via, updated_at)
                    SELECT channel_id, ts, ?, posted_at, label, category, reasons, state, due_at,
                           CASE WHEN proposal_via IS NULL THEN NULL ELSE posted_at END, proposal_via, ?
                      FROM report_arrivals WHERE channel_id = ? AND ts = ?
                    ON CONFLICT (channel_id, ts) DO NOTHING
                    """,
                    statement -> {
                        statement.setString(1, userId);
                        statement.setLong(2, now.toEpochMilli());
                        statement.setString(3, channelId);
                        statement.setString(4, ts);
                    });
            deleteArrival(connection, channelId, ts);
            return inserted;
        });
        return moved ? find(channelId, ts) : Optional.empty();
    }

    /** Drops a waiting report that names no single person: nothing of it is kept. */
    public boolean dropArrival(String channelId, String ts) {
        return database.inTransaction(connection -> deleteArrival(connection, channelId, ts));
    }

    /**
     * Drops reports left waiting since before {@code arrivedBefore}: a crash came between their ack and their
     * attribution, and nothing that could name their person was kept.
     *
     * @return how many were dropped
     */
    public int dropArrivalsBefore(Instant arrivedBefore) {
        return database.inTransaction(connection -> {
            try (var statement = connection.prepareStatement("DELETE FROM report_arrivals WHERE arrived_at < ?")) {
                statement.setLong(1, arrivedBefore.toEpochMilli());
                return statement.executeUpdate();
            }
        });
    }

    private static boolean deleteArrival(Connection connection, String channelId, String ts) throws SQLException {
        return execute(connection, "DELETE FROM report_arrivals WHERE channel_id = ? AND ts = ?", statement -> {
            statement.setString(1, channelId);
            statement.setString(2, ts);
        });
    }

    /** The post, if recorded. */
    public Optional<StandupPost> find(String channelId, String ts) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM standup_posts WHERE channel_id = ? AND ts = ?")) {
                statement.setString(1, channelId);
                statement.setString(2, ts);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(toPost(rows)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Records a next step for a blocker that had none.
     *
     * @return whether the post moved to {@code proposed} (false if it had no open blocker)
     */
    public boolean markProposed(String channelId, String ts, ProposalVia via, String text, Instant at) {
        return transition(
                channelId,
                ts,
                "state = 'proposed', state_reason = NULL, proposed_at = ?, proposal_via = ?, proposal_text = ?",
                "state IN " + OPEN_STATES,
                at,
                at.toEpochMilli(),
                via.column(),
                text);
    }

    /**
     * Replaces the detector's verdict after the author edited the post. Only posts not yet nudged or settled
     * change: an edit that adds a next step to a nudged post is recorded with {@link #markProposed} instead.
     *
     * @return whether the post changed
     */
    public boolean reclassify(
            String channelId,
            String ts,
            PostLabel label,
            PostCategory category,
            List<String> reasons,
            State state,
            Instant dueAt,
            ProposalVia proposalVia,
            Instant now) {
        return update(
                """
                UPDATE standup_posts
                   SET label = ?, category = ?, reasons = ?, state = ?, state_reason = NULL, due_at = ?,
                       proposed_at = ?, proposal_via = ?, updated_at = ?
                 WHERE channel_id = ? AND ts = ? AND state IN ('clear', 'pending')
                """,
                statement -> {
                    statement.setString(1, label.column());
                    statement.setString(2, category == null ? null : category.column());
                    statement.setString(3, joinReasons(reasons));
                    statement.setString(4, state.column());
                    setInstant(statement, 5, dueAt);
                    setInstant(statement, 6, proposalVia == null ? null : now);
                    statement.setString(7, proposalVia == null ? null : proposalVia.column());
                    statement.setLong(8, now.toEpochMilli());
                    statement.setString(9, channelId);
                    statement.setString(10, ts);
                });
    }

    /** Marks a post deleted; a pending nudge about it is cancelled. */
    public boolean markDeleted(String channelId, String ts, Instant at) {
        return transition(channelId, ts, "state = 'deleted', due_at = NULL", "state <> 'deleted'", at);
    }

    /** Pending posts whose nudge is due at {@code now}, oldest first. */
    public List<StandupPost> due(Instant now, int limit) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM standup_posts WHERE state = 'pending' AND due_at <= ? ORDER BY due_at LIMIT ?")) {
                statement.setLong(1, now.toEpochMilli());
                statement.setInt(2, limit);
                return list(statement);
            }
        });
    }

    /** Holds a pending nudge until {@code dueAt} (outside working hours). */
    public boolean reschedule(String channelId, String ts, Instant dueAt, Instant now) {
        return transition(channelId, ts, "due_at = ?", "state = 'pending'", now, dueAt.toEpochMilli());
    }

    /** Settles a pending nudge without sending it, saying why ({@code paused}, {@code daily_limit}, ...). */
    public boolean suppress(String channelId, String ts, String reason, Instant now) {
        return transition(channelId, ts, "state = 'suppressed', state_reason = ?", "state = 'pending'", now, reason);
    }

    /**
     * Claims a due nudge for sending, within the author's daily budget, in one transaction: a post is claimed by
     * one delivery only, and a person over the budget for {@code localDate} has the nudge suppressed instead.
     */
    public Claim claim(String channelId, String ts, String userId, LocalDate localDate, int dailyLimit, Instant now) {
        return database.inTransaction(connection -> {
            int sentToday = countNudges(connection, userId, localDate);
            if (sentToday >= dailyLimit) {
                boolean settled = execute(
                        connection,
                        "UPDATE standup_posts SET state = 'suppressed', state_reason = 'daily_limit', updated_at = ?"
                                + " WHERE channel_id = ? AND ts = ? AND state = 'pending'",
                        statement -> {
                            statement.setLong(1, now.toEpochMilli());
                            statement.setString(2, channelId);
                            statement.setString(3, ts);
                        });
                return settled ? Claim.OVER_DAILY_LIMIT : Claim.TAKEN;
            }
            boolean claimed = execute(
                    connection,
                    "UPDATE standup_posts SET state = 'sending', nudged_at = ?, nudge_date = ?, updated_at = ? WHERE"
                            + " channel_id = ? AND ts = ? AND state = 'pending'",
                    statement -> {
                        statement.setLong(1, now.toEpochMilli());
                        statement.setString(2, localDate.toString());
                        statement.setLong(3, now.toEpochMilli());
                        statement.setString(4, channelId);
                        statement.setString(5, ts);
                    });
            return claimed ? Claim.CLAIMED : Claim.TAKEN;
        });
    }

    /** Records that the claimed nudge was delivered as the DM {@code dmChannel}/{@code dmTs}. */
    public boolean markNudged(String channelId, String ts, String dmChannel, String dmTs, Instant now) {
        // Whatever its state: an answer to the nudge may have come before this write.
        return transition(
                channelId,
                ts,
                "state = CASE WHEN state = 'sending' THEN 'nudged' ELSE state END, dm_channel = ?, dm_ts = ?",
                "TRUE",
                now,
                dmChannel,
                dmTs);
    }

    /** Records that the claimed nudge could not be delivered; it is not tried again. */
    public boolean markFailed(String channelId, String ts, String reason, Instant now) {
        return transition(channelId, ts, "state = 'failed', state_reason = ?", "state = 'sending'", now, reason);
    }

    /** Records the author's "not a blocker": a false positive, kept for quality tracking. */
    public boolean dismiss(String channelId, String ts, Instant at) {
        return transition(
                channelId, ts, "state = 'dismissed', state_reason = 'not_a_blocker'", "state IN " + OPEN_STATES, at);
    }

    /**
     * Settles claims left by a crash between claiming and sending: whether the DM went out is unknown, and a
     * nudge must never be sent twice, so they are marked failed.
     *
     * @return how many were settled
     */
    public int failInterruptedClaims(Instant claimedBefore, Instant now) {
        return database.inTransaction(connection -> {
            try (var statement = connection.prepareStatement(
                    "UPDATE standup_posts SET state = 'failed', state_reason = 'interrupted', updated_at = ? WHERE"
                            + " state = 'sending' AND nudged_at < ?")) {
                statement.setLong(1, now.toEpochMilli());
                statement.setLong(2, claimedBefore.toEpochMilli());
                return statement.executeUpdate();
            }
        });
    }

    /** Every post by {@code userId} in {@code channelId} from {@code since}, oldest first. */
    public List<StandupPost> byAuthor(String channelId, String userId, Instant since) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM standup_posts WHERE channel_id = ? AND user_id = ? AND posted_at >= ? ORDER BY"
                    + " posted_at, ts")) {
                statement.setString(1, channelId);
                statement.setString(2, userId);
                statement.setLong(3, since.toEpochMilli());
                return list(statement);
            }
        });
    }

    /** Every blocker posted in {@code channelId} in {@code [from, to)}, oldest first. */
    public List<StandupPost> blockersIn(String channelId, Instant from, Instant to) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM standup_posts WHERE channel_id = ? AND posted_at >= ? AND posted_at < ? AND label <>"
                    + " 'none' ORDER BY posted_at, ts")) {
                statement.setString(1, channelId);
                statement.setLong(2, from.toEpochMilli());
                statement.setLong(3, to.toEpochMilli());
                return list(statement);
            }
        });
    }

    private static int countNudges(Connection connection, String userId, LocalDate localDate) throws SQLException {
        try (var statement = connection.prepareStatement(
                "SELECT count(*) FROM standup_posts WHERE user_id = ? AND nudge_date = ? AND nudged_at IS NOT NULL")) {
            statement.setString(1, userId);
            statement.setString(2, localDate.toString());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /**
     * Moves one post, if its state is one {@code when} allows: sets {@code set} (its {@code ?}, in order, bound to
     * {@code values}: strings, longs or nulls) and {@code updated_at}.
     *
     * @return whether the post was in such a state and changed
     */
    private boolean transition(String channelId, String ts, String set, String when, Instant at, Object... values) {
        return update(
                "UPDATE standup_posts SET " + set + ", updated_at = ? WHERE channel_id = ? AND ts = ? AND (" + when
                        + ")",
                statement -> {
                    int index = 1;
                    for (Object value : values) {
                        statement.setObject(index++, value);
                    }
                    statement.setLong(index++, at.toEpochMilli());
                    statement.setString(index++, channelId);
                    statement.setString(index, ts);
                });
    }

    /**
     * One UPDATE, group-committed like the post's first write: edits, replies and deletions arrive on the ack path
     * too, and a single statement needs no transaction of its own.
     */
    private boolean update(String sql, Binder binder) {
        return database.writeStatement(connection -> execute(connection, sql, binder));
    }

    private static boolean execute(Connection connection, String sql, Binder binder) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate() > 0;
        }
    }

    private static List<StandupPost> list(PreparedStatement statement) throws SQLException {
        List<StandupPost> posts = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                posts.add(toPost(rows));
            }
        }
        return posts;
    }

    private static StandupPost toPost(ResultSet rows) throws SQLException {
        String nudgeDate = rows.getString("nudge_date");
        return StandupPost.builder(
                        new PostKey(rows.getString("channel_id"), rows.getString("ts")),
                        rows.getString("user_id"),
                        instant(rows, "posted_at"),
                        PostLabel.fromColumn(rows.getString("label")),
                        State.fromColumn(rows.getString("state")))
                .category(PostCategory.fromColumn(rows.getString("category")))
                .reasons(splitReasons(rows.getString("reasons")))
                .stateReason(rows.getString("state_reason"))
                .dueAt(instant(rows, "due_at"))
                .nudged(
                        instant(rows, "nudged_at"),
                        nudgeDate == null ? null : LocalDate.parse(nudgeDate),
                        rows.getString("dm_channel"),
                        rows.getString("dm_ts"))
                .proposed(
                        instant(rows, "proposed_at"),
                        ProposalVia.fromColumn(rows.getString("proposal_via")),
                        rows.getString("proposal_text"))
                .build();
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    /** Binds a first verdict's six columns, from {@code posted_at} to {@code due_at}, from {@code index} on. */
    private static void bindVerdict(PreparedStatement statement, int index, Instant postedAt, FirstVerdict verdict)
            throws SQLException {
        statement.setLong(index, postedAt.toEpochMilli());
        statement.setString(index + 1, verdict.label().column());
        statement.setString(
                index + 2,
                verdict.category() == null ? null : verdict.category().column());
        statement.setString(index + 3, joinReasons(verdict.reasons()));
        statement.setString(index + 4, verdict.state().column());
        setInstant(statement, index + 5, verdict.dueAt());
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value.toEpochMilli());
        }
    }

    private static String joinReasons(List<String> reasons) {
        return String.join("\n", reasons);
    }

    private static List<String> splitReasons(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : Arrays.asList(stored.split("\n"));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** The outcome of {@link #claim}. */
    public enum Claim {
        /** This delivery owns the nudge and must send it. */
        CLAIMED,
        /** The person reached the daily budget; the nudge was suppressed. */
        OVER_DAILY_LIMIT,
        /** Another delivery claimed it, or it was settled meanwhile (proposal, deletion). */
        TAKEN
    }
}
