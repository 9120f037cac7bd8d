package dev.ownership.storage.streak;

import dev.ownership.storage.Database;
import dev.ownership.storage.StorageException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Streak milestones reached, and whether they were celebrated. A milestone is claimed once per run of a streak;
 * the claim and the daily budget check happen in one transaction, so concurrent refreshes celebrate once. A claim
 * is only recorded while facts of its run still exist: a refresh that read someone's progress just before they were
 * erased (or before retention pruned their run) writes nothing about them.
 *
 * <p>Thread-safe.
 */
public final class MilestoneRepository {
    /** Celebration DMs a person may get per day of their own. */
    public static final int DAILY_CELEBRATIONS = 1;

    private final Database database;

    public MilestoneRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Whether the milestone was already claimed for this run. With {@code orEarlierRun}, a claim for a run that
     * started earlier counts too: the caller knows its run may have begun before the oldest fact still kept.
     */
    public boolean claimed(Milestone milestone, boolean orEarlierRun) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    SELECT 1 FROM streak_milestones
                     WHERE channel_id = ? AND user_id = ? AND streak = ? AND value = ?
                       AND (run_start = ? OR (? AND run_start < ?))
                    """)) {
                statement.setString(1, milestone.channelId());
                statement.setString(2, milestone.userId());
                statement.setString(3, milestone.streak());
                statement.setInt(4, milestone.value());
                statement.setLong(5, milestone.runStart().toEpochMilli());
                statement.setBoolean(6, orEarlierRun);
                statement.setLong(7, milestone.runStart().toEpochMilli());
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    /**
     * Claims a milestone: the first claim of a run wins. It may be celebrated by DM only if {@code skipReason} is
     * null and the person has had fewer than {@link #DAILY_CELEBRATIONS} celebrations on {@code localDate};
     * otherwise it is recorded as skipped, never queued for later.
     */
    public Claim claim(Milestone milestone, LocalDate localDate, String skipReason, Instant now) {
        return database.inTransaction(connection -> {
            if (exists(connection, milestone)) {
                return Claim.ALREADY_CLAIMED;
            }
            if (!runStillRecorded(connection, milestone)) {
                return Claim.NO_LONGER_EARNED;
            }
            String reason = skipReason;
            if (reason == null && sentOn(connection, milestone.userId(), localDate) >= DAILY_CELEBRATIONS) {
                reason = "daily_budget";
            }
            insert(connection, milestone, reason == null ? "sent" : "skipped", reason, localDate, now);
            return reason == null ? Claim.CELEBRATE : Claim.SKIPPED;
        });
    }

    /** Records that the celebration DM of a claimed milestone could not be delivered. */
    public void markFailed(Milestone milestone, String reason) {
        database.write(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    UPDATE streak_milestones SET outcome = 'failed', reason = ?
                     WHERE channel_id = ? AND user_id = ? AND streak = ? AND value = ? AND run_start = ?
                    """)) {
                statement.setString(1, reason);
                bindKey(statement, 2, milestone);
                statement.executeUpdate();
            }
        });
    }

    private static boolean exists(Connection connection, Milestone milestone) throws SQLException {
        try (var statement = connection.prepareStatement(
                """
                SELECT 1 FROM streak_milestones
                 WHERE channel_id = ? AND user_id = ? AND streak = ? AND value = ? AND run_start = ?
                """)) {
            bindKey(statement, 1, milestone);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static boolean runStillRecorded(Connection connection, Milestone milestone) throws SQLException {
        String facts =
                switch (milestone.streak()) {
                    case "ownership" ->
                        "SELECT 1 FROM standup_posts WHERE channel_id = ? AND user_id = ? AND posted_at >= ?";
                    case "learning" ->
                        "SELECT 1 FROM learnings WHERE channel_id = ? AND user_id = ? AND created_at >= ?";
                    case "early_risk" ->
                        "SELECT 1 FROM risk_checkins WHERE channel_id = ? AND user_id = ? AND checked_at >= ?";
                    default -> throw new StorageException("Unknown streak: " + milestone.streak());
                };
        try (var statement = connection.prepareStatement(facts + " LIMIT 1")) {
            statement.setString(1, milestone.channelId());
            statement.setString(2, milestone.userId());
            statement.setLong(3, milestone.runStart().toEpochMilli());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static int sentOn(Connection connection, String userId, LocalDate localDate) throws SQLException {
        try (var statement = connection.prepareStatement(
                "SELECT count(*) FROM streak_milestones WHERE user_id = ? AND local_date = ? AND outcome = 'sent'")) {
            statement.setString(1, userId);
            statement.setString(2, localDate.toString());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static void insert(
            Connection connection, Milestone milestone, String outcome, String reason, LocalDate localDate, Instant now)
            throws SQLException {
        try (var statement = connection.prepareStatement(
                """
                INSERT INTO streak_milestones (channel_id, user_id, streak, value, run_start, outcome, reason,
                                               local_date, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            bindKey(statement, 1, milestone);
            statement.setString(6, outcome);
            statement.setString(7, reason);
            statement.setString(8, localDate.toString());
            statement.setLong(9, now.toEpochMilli());
            statement.executeUpdate();
        }
    }

    private static void bindKey(java.sql.PreparedStatement statement, int first, Milestone milestone)
            throws SQLException {
        statement.setString(first, milestone.channelId());
        statement.setString(first + 1, milestone.userId());
        statement.setString(first + 2, milestone.streak());
        statement.setInt(first + 3, milestone.value());
        statement.setLong(first + 4, milestone.runStart().toEpochMilli());
    }

    /**
     * A milestone of one person's streak in one team.
     *
     * @param streak {@code ownership}, {@code learning} or {@code early_risk}
     * @param value the milestone, e.g. 5
     * @param runStart the start of the run that reached it
     */
    public record Milestone(String channelId, String userId, String streak, int value, Instant runStart) {
        public Milestone {
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(streak, "streak");
            Objects.requireNonNull(runStart, "runStart");
        }
    }

    /** The outcome of {@link #claim}. */
    public enum Claim {
        /** Claimed, within the daily budget: send the celebration. */
        CELEBRATE,
        /** Claimed, but not to be celebrated by DM (daily budget, paused, unreachable). */
        SKIPPED,
        /** Someone claimed it before. */
        ALREADY_CLAIMED,
        /** The facts that earned it are gone (erased or pruned) since the streak was read. */
        NO_LONGER_EARNED
    }
}
