package dev.ownership.storage.prompt;

import dev.ownership.storage.Database;
import dev.ownership.storage.prompt.PromptDelivery.Key;
import dev.ownership.storage.prompt.PromptDelivery.State;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Prompt deliveries. A prompt is claimed (inserted under its unique key) before it is sent, and every later change
 * is one conditional update, so that overlapping runs, restarts and replicas send it at most once and count an
 * answer once.
 *
 * <p>Thread-safe.
 */
public final class PromptDeliveryRepository {
    private static final String KEY_MATCHES = " WHERE channel_id = ? AND kind = ? AND user_id = ? AND occurrence = ?";

    private final Database database;

    public PromptDeliveryRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Claims a prompt for sending.
     *
     * @return whether this caller owns it and must send it (false when it was claimed before)
     */
    public boolean claim(Key key, Instant now) {
        return database.inTransaction(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    INSERT INTO prompt_deliveries (channel_id, kind, user_id, occurrence, state, created_at)
                    VALUES (?, ?, ?, ?, 'sending', ?)
                    ON CONFLICT (channel_id, kind, user_id, occurrence) DO NOTHING
                    """)) {
                bindKey(statement, 1, key);
                statement.setLong(5, now.toEpochMilli());
                return statement.executeUpdate() == 1;
            }
        });
    }

    /**
     * Records that a claimed prompt went out as the DM {@code dmChannel}/{@code dmTs}. An answer that came in
     * first (a click faster than this write) is kept; the DM's place is recorded either way.
     */
    public boolean markSent(Key key, String dmChannel, String dmTs, Instant now) {
        return update(
                "UPDATE prompt_deliveries SET state = CASE WHEN state = 'sending' THEN 'sent' ELSE state END,"
                        + " sent_at = ?, dm_channel = ?, dm_ts = ?" + KEY_MATCHES
                        + " AND state IN ('sending', 'answered', 'skipped')",
                key,
                statement -> {
                    statement.setLong(1, now.toEpochMilli());
                    statement.setString(2, dmChannel);
                    statement.setString(3, dmTs);
                });
    }

    /** Records that a claimed prompt could not be sent, and why; it is not tried again. */
    public boolean markFailed(Key key, String reason) {
        return update(
                "UPDATE prompt_deliveries SET state = 'failed', reason = ?" + KEY_MATCHES + " AND state = 'sending'",
                key,
                statement -> statement.setString(1, reason));
    }

    /**
     * Records the person's answer.
     *
     * @return whether this was the first answer (false if it was answered or skipped before). A delivery recorded as
     *     failed can be answered: the answer comes from its DM, so the DM reached the person.
     */
    public boolean answer(Key key, Instant now) {
        return settle(key, State.ANSWERED, now);
    }

    /**
     * Records that the person skipped the prompt.
     *
     * @return whether it was open until now
     */
    public boolean skip(Key key, Instant now) {
        return settle(key, State.SKIPPED, now);
    }

    /** The delivery, if claimed. */
    public Optional<PromptDelivery> find(Key key) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT state, reason, created_at, sent_at, answered_at, dm_channel, dm_ts FROM prompt_deliveries"
                            + KEY_MATCHES)) {
                bindKey(statement, 1, key);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(toDelivery(key, rows)) : Optional.empty();
                }
            }
        });
    }

    /** The deliveries of {@code kind} sent after {@code sentAfter} that still await an answer, oldest first. */
    public List<PromptDelivery> awaitingAnswer(String kind, Instant sentAfter) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    SELECT channel_id, kind, user_id, occurrence, state, reason, created_at, sent_at, answered_at,
                           dm_channel, dm_ts
                      FROM prompt_deliveries
                     WHERE kind = ? AND state = 'sent' AND sent_at > ?
                     ORDER BY sent_at
                    """)) {
                statement.setString(1, kind);
                statement.setLong(2, sentAfter.toEpochMilli());
                List<PromptDelivery> open = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Key key = new Key(
                                rows.getString("channel_id"),
                                rows.getString("kind"),
                                rows.getString("user_id"),
                                rows.getString("occurrence"));
                        open.add(toDelivery(key, rows));
                    }
                }
                return open;
            }
        });
    }

    /**
     * Settles claims left by a crash between claiming and sending: whether the DM went out is unknown, and a
     * prompt must never be sent twice, so they are marked failed.
     *
     * @return how many were settled
     */
    public int failInterrupted(Instant claimedBefore) {
        return database.inTransaction(connection -> {
            try (var statement = connection.prepareStatement(
                    "UPDATE prompt_deliveries SET state = 'failed', reason = 'interrupted' WHERE state = 'sending'"
                            + " AND created_at < ?")) {
                statement.setLong(1, claimedBefore.toEpochMilli());
                return statement.executeUpdate();
            }
        });
    }

    /**
     * Records where the prompt's DM is, learnt from a click on one of its buttons, if it was not known: a DM recorded
     * as failed (Slack's answer timed out, or the bot stopped while sending) may have reached the person after all.
     */
    public boolean recordDm(Key key, String dmChannel, String dmTs) {
        return update(
                "UPDATE prompt_deliveries SET dm_channel = ?, dm_ts = ?" + KEY_MATCHES + " AND dm_channel IS NULL",
                key,
                statement -> {
                    statement.setString(1, dmChannel);
                    statement.setString(2, dmTs);
                });
    }

    /** Answered or skipped: open until now if it was being sent, sent, or failed but answered all the same. */
    private boolean settle(Key key, State state, Instant now) {
        return update(
                "UPDATE prompt_deliveries SET state = ?, answered_at = ?" + KEY_MATCHES
                        + " AND state IN ('sending', 'sent', 'failed')",
                key,
                statement -> {
                    statement.setString(1, state.column());
                    statement.setLong(2, now.toEpochMilli());
                });
    }

    /** Runs an update whose last four parameters are the key, after the ones {@code leading} binds. */
    private boolean update(String sql, Key key, Binder leading) {
        return database.inTransaction(connection -> {
            try (var statement = connection.prepareStatement(sql)) {
                leading.bind(statement);
                bindKey(statement, statement.getParameterMetaData().getParameterCount() - 3, key);
                return statement.executeUpdate() == 1;
            }
        });
    }

    private static void bindKey(PreparedStatement statement, int first, Key key) throws SQLException {
        statement.setString(first, key.channelId());
        statement.setString(first + 1, key.kind());
        statement.setString(first + 2, key.userId());
        statement.setString(first + 3, key.occurrence());
    }

    private static PromptDelivery toDelivery(Key key, ResultSet rows) throws SQLException {
        return new PromptDelivery(
                key,
                State.fromColumn(rows.getString("state")),
                rows.getString("reason"),
                instant(rows, "created_at"),
                instant(rows, "sent_at"),
                instant(rows, "answered_at"),
                rows.getString("dm_channel"),
                rows.getString("dm_ts"));
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }
}
