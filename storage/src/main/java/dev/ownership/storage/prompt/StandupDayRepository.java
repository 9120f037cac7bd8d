package dev.ownership.storage.prompt;

import dev.ownership.storage.Database;
import dev.ownership.storage.prompt.PromptDelivery.Key;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of one person's standup of one day beyond its delivery: where the answers were posted, the reminder
 * and the one "Remind me in 1 h". Each step is claimed by one conditional write, so that overlapping ticks, restarts
 * and replicas remind a person at most once, and snooze at most once.
 *
 * <p>Thread-safe.
 */
public final class StandupDayRepository {
    private static final String KEY_MATCHES = " WHERE channel_id = ? AND user_id = ? AND occurrence = ?";

    private final Database database;

    public StandupDayRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** The standup's day, if anything was recorded about it. */
    public Optional<StandupDay> find(Key key) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement("SELECT * FROM standup_days" + KEY_MATCHES)) {
                bindKey(statement, 1, key);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(toDay(key, rows)) : Optional.empty();
                }
            }
        });
    }

    /** Records where the answers were posted in the team's channel. */
    public void recordPost(Key key, String postTs, Instant now) {
        database.inTransaction(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    INSERT INTO standup_days (channel_id, user_id, occurrence, created_at, post_ts) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (channel_id, user_id, occurrence) DO UPDATE SET post_ts = excluded.post_ts
                    """)) {
                bindKey(statement, 1, key);
                statement.setLong(4, now.toEpochMilli());
                statement.setString(5, postTs);
                return statement.executeUpdate();
            }
        });
    }

    /**
     * Claims the day's reminder.
     *
     * @return whether this caller must send it (false if it was reminded before)
     */
    public boolean claimReminder(Key key, Instant now) {
        return database.inTransaction(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    INSERT INTO standup_days (channel_id, user_id, occurrence, created_at, reminded_at)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (channel_id, user_id, occurrence) DO UPDATE SET reminded_at = excluded.reminded_at
                     WHERE standup_days.reminded_at IS NULL
                    """)) {
                bindKey(statement, 1, key);
                statement.setLong(4, now.toEpochMilli());
                statement.setLong(5, now.toEpochMilli());
                return statement.executeUpdate() == 1;
            }
        });
    }

    /** Records where a reminder DM is, the first or the one after "Remind me in 1 h". */
    public void recordReminderDm(Key key, String dmChannel, String dmTs) {
        update("UPDATE standup_days SET reminder_channel = ?, reminder_ts = ?" + KEY_MATCHES, key, statement -> {
            statement.setString(1, dmChannel);
            statement.setString(2, dmTs);
        });
    }

    /**
     * "Remind me in 1 h": the one more reminder, due at {@code due}.
     *
     * @return false if the person was not reminded yet, or snoozed before
     */
    public boolean snooze(Key key, Instant due) {
        return update(
                "UPDATE standup_days SET snooze_due = ?" + KEY_MATCHES
                        + " AND reminded_at IS NOT NULL AND snooze_due IS NULL",
                key,
                statement -> statement.setLong(1, due.toEpochMilli()));
    }

    /** The snoozed reminders due by {@code now} and not sent yet. */
    public List<Key> snoozesDue(Instant now) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    SELECT d.channel_id, d.user_id, d.occurrence FROM standup_days d
                     WHERE d.snooze_due <= ? AND d.snooze_sent_at IS NULL
                     ORDER BY d.snooze_due
                    """)) {
                statement.setLong(1, now.toEpochMilli());
                List<Key> keys = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        keys.add(new Key(rows.getString(1), "standup", rows.getString(2), rows.getString(3)));
                    }
                }
                return keys;
            }
        });
    }

    /**
     * Claims a snoozed reminder for sending (or for dropping, when the standup was answered meanwhile).
     *
     * @return whether this caller owns it
     */
    public boolean claimSnooze(Key key, Instant now) {
        return update(
                "UPDATE standup_days SET snooze_sent_at = ?" + KEY_MATCHES
                        + " AND snooze_due IS NOT NULL AND snooze_sent_at IS NULL",
                key,
                statement -> statement.setLong(1, now.toEpochMilli()));
    }

    /** Runs an update whose last three parameters are the key, after the ones {@code leading} binds. */
    private boolean update(String sql, Key key, Binder leading) {
        return database.inTransaction(connection -> {
            try (var statement = connection.prepareStatement(sql)) {
                leading.bind(new Shifted(statement, 0));
                bindKey(statement, statement.getParameterMetaData().getParameterCount() - 2, key);
                return statement.executeUpdate() == 1;
            }
        });
    }

    private static void bindKey(PreparedStatement statement, int first, Key key) throws SQLException {
        statement.setString(first, key.channelId());
        statement.setString(first + 1, key.userId());
        statement.setString(first + 2, key.occurrence());
    }

    private static StandupDay toDay(Key key, ResultSet rows) throws SQLException {
        return new StandupDay(
                key,
                rows.getString("post_ts"),
                instant(rows, "reminded_at"),
                rows.getString("reminder_channel"),
                rows.getString("reminder_ts"),
                instant(rows, "snooze_due"),
                instant(rows, "snooze_sent_at"));
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    /**
     * One person's standup of one day, beyond its delivery.
     *
     * @param key the delivery's key
     * @param postTs the answers' post in the team's channel, once answered
     * @param remindedAt when the reminder went out
     * @param reminderChannel the latest reminder DM's channel
     * @param reminderTs the latest reminder DM's timestamp
     * @param snoozeDue when the reminder after "Remind me in 1 h" is due
     * @param snoozeSentAt when that reminder was claimed
     */
    public record StandupDay(
            Key key,
            String postTs,
            Instant remindedAt,
            String reminderChannel,
            String reminderTs,
            Instant snoozeDue,
            Instant snoozeSentAt) {
        public StandupDay {
            Objects.requireNonNull(key, "key");
        }
    }

    /** Binds the leading parameters of a statement, numbered from 1 after {@code offset}. */
    private record Shifted(PreparedStatement statement, int offset) {
        void setString(int index, String value) throws SQLException {
            statement.setString(offset + index, value);
        }

        void setLong(int index, long value) throws SQLException {
            statement.setLong(offset + index, value);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(Shifted statement) throws SQLException;
    }
}
