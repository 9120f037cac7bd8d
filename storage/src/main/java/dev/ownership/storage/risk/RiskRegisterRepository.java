package dev.ownership.storage.risk;

import dev.ownership.storage.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The risk register: entries, their dated changes, the follow-up check-ins and each team's follow-up period.
 *
 * <p>Each check-in is claimed by one conditional update on the due time it was found with, which also schedules the
 * next one: overlapping ticks, restarts and replicas send a check-in at most once, and since the due time lives here
 * a bot that was down sends it when it is back. Thread-safe.
 */
public final class RiskRegisterRepository {
    /** The follow-up period of a team that did not choose one. */
    public static final int DEFAULT_FOLLOWUP_DAYS = 7;

    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();
    private static final String SELECT_ENTRY =
            """
            SELECT r.risk_id, r.channel_id, r.user_id, k.text, r.status, r.opened_at, r.status_at, r.note,
                   r.checkin_due, r.checkin_state, r.checkin_channel, r.checkin_ts
              FROM risk_register r JOIN risks k ON k.id = r.risk_id
            """;
    private static final String LIVE = " r.status IN ('open', 'mitigating')";

    private final Database database;

    public RiskRegisterRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Enters a risk just recorded in {@code risks} into the register, as open, in the caller's transaction; its first
     * check-in is due one follow-up period of its team from {@code at}.
     */
    public static void enter(Connection connection, long riskId, String channelId, String userId, Instant at)
            throws SQLException {
        try (var statement = connection.prepareStatement(
                """
                INSERT INTO risk_register (risk_id, channel_id, user_id, status, opened_at, status_at, updated_at,
                                           period_from, checkin_due)
                VALUES (?, ?, ?, 'open', ?, ?, ?, ?,
                        ? + COALESCE((SELECT days FROM risk_followups WHERE channel_id = ?), ?) * ?)
                """)) {
            long millis = at.toEpochMilli();
            statement.setLong(1, riskId);
            statement.setString(2, channelId);
            statement.setString(3, userId);
            statement.setLong(4, millis);
            statement.setLong(5, millis);
            statement.setLong(6, millis);
            statement.setLong(7, millis);
            statement.setLong(8, millis);
            statement.setString(9, channelId);
            statement.setInt(10, DEFAULT_FOLLOWUP_DAYS);
            statement.setLong(11, DAY_MILLIS);
            statement.executeUpdate();
        }
        recordChange(connection, riskId, RiskStatus.OPEN, userId, "flagged", null, at);
    }

    /** The entry of risk {@code riskId}, if it is in the register. */
    public Optional<RegisterEntry> find(long riskId) {
        List<RegisterEntry> found =
                query(SELECT_ENTRY + " WHERE r.risk_id = ?", statement -> statement.setLong(1, riskId));
        return found.stream().findFirst();
    }

    /** The team's open and mitigating risks, oldest first. */
    public List<RegisterEntry> liveIn(String channelId) {
        return query(
                SELECT_ENTRY + " WHERE r.channel_id = ? AND" + LIVE + " ORDER BY r.opened_at, r.risk_id",
                statement -> statement.setString(1, channelId));
    }

    /** The open and mitigating risks {@code userId} flagged, in every team, oldest first. */
    public List<RegisterEntry> liveBy(String userId) {
        return query(
                SELECT_ENTRY + " WHERE r.user_id = ? AND" + LIVE + " ORDER BY r.opened_at, r.risk_id",
                statement -> statement.setString(1, userId));
    }

    /** The team's risks resolved or accepted in {@code [from, to)}, in the order they were closed. */
    public List<RegisterEntry> closedIn(String channelId, Instant from, Instant to) {
        return query(
                SELECT_ENTRY
                        + " WHERE r.channel_id = ? AND r.status IN ('resolved', 'accepted')"
                        + " AND r.status_at >= ? AND r.status_at < ? ORDER BY r.status_at, r.risk_id",
                statement -> {
                    statement.setString(1, channelId);
                    statement.setLong(2, from.toEpochMilli());
                    statement.setLong(3, to.toEpochMilli());
                });
    }

    /** Up to {@code limit} live entries whose check-in is due by {@code now}, the longest due first. */
    public List<RegisterEntry> due(Instant now, int limit) {
        return query(
                SELECT_ENTRY + " WHERE r.checkin_due <= ? AND" + LIVE + " ORDER BY r.checkin_due, r.risk_id LIMIT ?",
                statement -> {
                    statement.setLong(1, now.toEpochMilli());
                    statement.setInt(2, limit);
                });
    }

    /**
     * Claims the check-in of {@code entry} (as found due) for sending, and schedules the next one at {@code next}.
     *
     * @param date the author's local date, for the budget of one check-in a person a day
     */
    public Claim claim(RegisterEntry entry, LocalDate date, Instant now, Instant next) {
        Objects.requireNonNull(entry.checkinDue(), "checkinDue");
        return database.inTransaction(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    UPDATE risk_register
                       SET checkin_state = 'sending', checkin_reason = NULL, checkin_at = ?, checkin_date = ?,
                           checkin_channel = NULL, checkin_ts = NULL, period_from = ?, checkin_due = ?
                     WHERE risk_id = ? AND checkin_due = ? AND status IN ('open', 'mitigating')
                       AND NOT EXISTS (SELECT 1 FROM risk_register other
                                        WHERE other.user_id = ? AND other.checkin_date = ? AND other.risk_id <> ?)
                    """)) {
                statement.setLong(1, now.toEpochMilli());
                statement.setString(2, date.toString());
                statement.setLong(3, now.toEpochMilli());
                statement.setLong(4, next.toEpochMilli());
                statement.setLong(5, entry.riskId());
                statement.setLong(6, entry.checkinDue().toEpochMilli());
                statement.setString(7, entry.userId());
                statement.setString(8, date.toString());
                statement.setLong(9, entry.riskId());
                if (statement.executeUpdate() == 1) {
                    return Claim.CLAIMED;
                }
            }
            return stillDue(connection, entry) ? Claim.OVER_DAILY_LIMIT : Claim.TAKEN;
        });
    }

    /**
     * Moves a due check-in to {@code newDue} (held to working hours, or to the next day), if it is still due as found.
     *
     * @return whether it was moved
     */
    public boolean hold(RegisterEntry entry, Instant newDue) {
        return updateDue(
                entry,
                "UPDATE risk_register SET checkin_due = ?",
                statement -> statement.setLong(1, newDue.toEpochMilli()));
    }

    /**
     * Skips this period's check-in for {@code reason} (prompts off, the author left, the team is not watched); the
     * next is due at {@code next}.
     *
     * @return whether it was skipped (false if another run took it)
     */
    public boolean skip(RegisterEntry entry, String reason, Instant now, Instant next) {
        return updateDue(
                entry,
                "UPDATE risk_register SET checkin_state = 'skipped', checkin_reason = ?, checkin_at = ?,"
                        + " period_from = ?, checkin_due = ?",
                statement -> {
                    statement.setString(1, reason);
                    statement.setLong(2, now.toEpochMilli());
                    statement.setLong(3, now.toEpochMilli());
                    statement.setLong(4, next.toEpochMilli());
                });
    }

    /** Records where a claimed check-in's DM is. */
    public void markSent(long riskId, String dmChannel, String dmTs) {
        database.write(connection -> {
            try (var statement = connection.prepareStatement(
                    "UPDATE risk_register SET checkin_state = 'sent', checkin_channel = ?, checkin_ts = ?"
                            + " WHERE risk_id = ? AND checkin_state = 'sending'")) {
                statement.setString(1, dmChannel);
                statement.setString(2, dmTs);
                statement.setLong(3, riskId);
                statement.executeUpdate();
            }
        });
    }

    /** Records that a claimed check-in could not be sent; it is not tried again this period. */
    public void markFailed(long riskId, String reason) {
        database.write(connection -> {
            try (var statement =
                    connection.prepareStatement("UPDATE risk_register SET checkin_state = 'failed', checkin_reason = ?"
                            + " WHERE risk_id = ? AND checkin_state = 'sending'")) {
                statement.setString(1, reason);
                statement.setLong(2, riskId);
                statement.executeUpdate();
            }
        });
    }

    /**
     * Settles check-ins left half-sent by a crash (claimed before {@code claimedBefore}): whether the DM went out is
     * unknown, so they are not sent again; the next period's check-in was scheduled by the claim.
     *
     * @return how many were settled
     */
    public int failInterrupted(Instant claimedBefore) {
        return database.inTransaction(connection -> {
            try (var statement = connection.prepareStatement(
                    "UPDATE risk_register SET checkin_state = 'failed', checkin_reason = 'interrupted'"
                            + " WHERE checkin_state = 'sending' AND checkin_at < ?")) {
                statement.setLong(1, claimedBefore.toEpochMilli());
                return statement.executeUpdate();
            }
        });
    }

    /**
     * Changes a live risk's status (or, with its current status, confirms it is still so) and records the change; a
     * new follow-up period starts at {@code now} while it stays live.
     *
     * @param via {@code checkin} (the check-in's buttons) or {@code register} ({@code /ownership risks})
     * @param note a mitigation note, or {@code null} to keep the one before
     * @return the entry as it is now, or empty if it is not in the register or already resolved or accepted
     */
    public Optional<RegisterEntry> change(
            long riskId, RiskStatus status, String changedBy, String via, String note, Instant now) {
        boolean changed = database.inTransaction(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    UPDATE risk_register
                       SET status = ?, status_at = CASE WHEN status = ? THEN status_at ELSE ? END,
                           updated_at = ?, note = COALESCE(?, note), period_from = ?,
                           checkin_due = CASE WHEN ? THEN ? + COALESCE(
                               (SELECT days FROM risk_followups f WHERE f.channel_id = risk_register.channel_id), ?) * ?
                               ELSE NULL END
                     WHERE risk_id = ? AND status IN ('open', 'mitigating')
                    """)) {
                long millis = now.toEpochMilli();
                statement.setString(1, status.word());
                statement.setString(2, status.word());
                statement.setLong(3, millis);
                statement.setLong(4, millis);
                statement.setString(5, note);
                statement.setLong(6, millis);
                statement.setBoolean(7, status.isLive());
                statement.setLong(8, millis);
                statement.setInt(9, DEFAULT_FOLLOWUP_DAYS);
                statement.setLong(10, DAY_MILLIS);
                statement.setLong(11, riskId);
                if (statement.executeUpdate() != 1) {
                    return false;
                }
            }
            recordChange(connection, riskId, status, changedBy, via, note, now);
            return true;
        });
        return changed ? find(riskId) : Optional.empty();
    }

    /** The dated changes of a risk, oldest first. */
    public List<Change> changes(long riskId) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT status, changed_by, via, note, changed_at FROM risk_changes WHERE risk_id = ?"
                            + " ORDER BY changed_at, id")) {
                statement.setLong(1, riskId);
                List<Change> changes = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        changes.add(new Change(
                                RiskStatus.fromWord(rows.getString(1)).orElseThrow(),
                                rows.getString(2),
                                rows.getString(3),
                                rows.getString(4),
                                Instant.ofEpochMilli(rows.getLong(5))));
                    }
                }
                return changes;
            }
        });
    }

    /** The team's follow-up period in days. */
    public int followupDays(String channelId) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement("SELECT days FROM risk_followups WHERE channel_id = ?")) {
                statement.setString(1, channelId);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? rows.getInt(1) : DEFAULT_FOLLOWUP_DAYS;
                }
            }
        });
    }

    /**
     * Sets the team's follow-up period and moves the next check-in of each of its live risks to the end of its
     * current period under the new length, in one transaction.
     *
     * @return how many check-ins moved
     */
    public int setFollowupDays(String channelId, int days) {
        return database.inTransaction(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    INSERT INTO risk_followups (channel_id, days) VALUES (?, ?)
                    ON CONFLICT (channel_id) DO UPDATE SET days = excluded.days
                    """)) {
                statement.setString(1, channelId);
                statement.setInt(2, days);
                statement.executeUpdate();
            }
            try (var statement = connection.prepareStatement(
                    "UPDATE risk_register SET checkin_due = period_from + ? WHERE channel_id = ?"
                            + " AND checkin_due IS NOT NULL AND status IN ('open', 'mitigating')")) {
                statement.setLong(1, days * DAY_MILLIS);
                statement.setString(2, channelId);
                return statement.executeUpdate();
            }
        });
    }

    private static boolean stillDue(Connection connection, RegisterEntry entry) throws SQLException {
        try (var statement = connection.prepareStatement(
                "SELECT 1 FROM risk_register WHERE risk_id = ? AND checkin_due = ? AND status IN ('open', 'mitigating')")) {
            statement.setLong(1, entry.riskId());
            statement.setLong(2, entry.checkinDue().toEpochMilli());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private boolean updateDue(RegisterEntry entry, String set, Binder binder) {
        Objects.requireNonNull(entry.checkinDue(), "checkinDue");
        return database.inTransaction(connection -> {
            try (var statement = connection.prepareStatement(
                    set + " WHERE risk_id = ? AND checkin_due = ? AND status IN ('open', 'mitigating')")) {
                binder.bind(statement);
                int parameters = statement.getParameterMetaData().getParameterCount();
                statement.setLong(parameters - 1, entry.riskId());
                statement.setLong(parameters, entry.checkinDue().toEpochMilli());
                return statement.executeUpdate() == 1;
            }
        });
    }

    private static void recordChange(
            Connection connection, long riskId, RiskStatus status, String by, String via, String note, Instant at)
            throws SQLException {
        try (var statement = connection.prepareStatement(
                "INSERT INTO risk_changes (risk_id, status, changed_by, via, note, changed_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            statement.setLong(1, riskId);
            statement.setString(2, status.word());
            statement.setString(3, by);
            statement.setString(4, via);
            statement.setString(5, note);
            statement.setLong(6, at.toEpochMilli());
            statement.executeUpdate();
        }
    }

    private List<RegisterEntry> query(String sql, Binder binder) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                List<RegisterEntry> entries = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        entries.add(toEntry(rows));
                    }
                }
                return entries;
            }
        });
    }

    private static RegisterEntry toEntry(ResultSet rows) throws SQLException {
        return new RegisterEntry(
                rows.getLong(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                RiskStatus.fromWord(rows.getString(5)).orElseThrow(),
                Instant.ofEpochMilli(rows.getLong(6)),
                Instant.ofEpochMilli(rows.getLong(7)),
                rows.getString(8),
                instant(rows, 9),
                rows.getString(10),
                rows.getString(11),
                rows.getString(12));
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    /** The outcome of {@link #claim}. */
    public enum Claim {
        /** This caller must send the check-in. */
        CLAIMED,
        /** The author had a check-in today already; it stays due. */
        OVER_DAILY_LIMIT,
        /** Another run claimed it, or the risk was closed or its check-in moved meanwhile. */
        TAKEN
    }

    /**
     * One dated change of a risk.
     *
     * @param status the status it was given (or confirmed)
     * @param changedBy who
     * @param via {@code flagged}, {@code checkin} or {@code register}
     * @param note the mitigation note given with it, or {@code null}
     * @param changedAt when
     */
    public record Change(RiskStatus status, String changedBy, String via, String note, Instant changedAt) {}

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }
}
