package dev.ownership.storage.digest;

import dev.ownership.storage.Database;
import dev.ownership.storage.Days;
import dev.ownership.storage.prompt.SharedItem;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the weekly digest reads (a team's shared items and prompt participation over a time range, and its digest
 * schedule) and the record of digests delivered, one per team, recipient and week.
 *
 * <p>Thread-safe.
 */
public final class DigestRepository {
    private final Database database;

    public DigestRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Learnings shared in {@code channelId} in {@code [from, to)}, oldest first. */
    public List<SharedItem> learnings(String channelId, Instant from, Instant to) {
        return shared(
                "SELECT id, channel_id, user_id, text, created_at, message_ts FROM learnings", channelId, from, to);
    }

    /** Risks flagged for {@code channelId} in {@code [from, to)}, oldest first. */
    public List<SharedItem> risks(String channelId, Instant from, Instant to) {
        return shared(
                "SELECT id, channel_id, user_id, text, created_at, NULL AS message_ts FROM risks", channelId, from, to);
    }

    /** Impact notes for {@code channelId} in {@code [from, to)}, oldest first. */
    public List<SharedItem> impacts(String channelId, Instant from, Instant to) {
        return shared(
                "SELECT id, channel_id, user_id, text, created_at, NULL AS message_ts FROM impacts",
                channelId,
                from,
                to);
    }

    /** Streak milestones reached in the team in {@code [from, to)} (celebrated or not), oldest first. */
    public List<MilestoneReached> milestones(String channelId, Instant from, Instant to) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    SELECT user_id, streak, value, created_at FROM streak_milestones
                     WHERE channel_id = ? AND created_at >= ? AND created_at < ?
                     ORDER BY created_at, user_id
                    """)) {
                bindRange(statement, channelId, from, to);
                List<MilestoneReached> reached = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        reached.add(new MilestoneReached(
                                rows.getString("user_id"),
                                rows.getString("streak"),
                                rows.getInt("value"),
                                Instant.ofEpochMilli(rows.getLong("created_at"))));
                    }
                }
                return reached;
            }
        });
    }

    /** Prompts sent to the team in {@code [from, to)} and how many were answered. */
    public Participation participation(String channelId, Instant from, Instant to) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    SELECT count(*) AS sent, coalesce(sum(CASE WHEN state = 'answered' THEN 1 ELSE 0 END), 0) AS answered
                      FROM prompt_deliveries
                     WHERE channel_id = ? AND created_at >= ? AND created_at < ?
                       AND state IN ('sent', 'answered', 'skipped') AND kind <> 'standup'
                    """)) {
                bindRange(statement, channelId, from, to);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return new Participation(rows.getInt("sent"), rows.getInt("answered"));
                }
            }
        });
    }

    /**
     * The standups the bot ran for the team in {@code [from, to)}: how many were answered, skipped, or not answered
     * (still open), and how many different members answered at least one.
     */
    public StandupParticipation standupParticipation(String channelId, Instant from, Instant to) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    SELECT coalesce(sum(CASE WHEN state = 'answered' THEN 1 ELSE 0 END), 0) AS answered,
                           coalesce(sum(CASE WHEN state = 'skipped' THEN 1 ELSE 0 END), 0) AS skipped,
                           coalesce(sum(CASE WHEN state = 'sent' THEN 1 ELSE 0 END), 0) AS missed,
                           count(DISTINCT CASE WHEN state = 'answered' THEN user_id END) AS people
                      FROM prompt_deliveries
                     WHERE channel_id = ? AND created_at >= ? AND created_at < ? AND kind = 'standup'
                    """)) {
                bindRange(statement, channelId, from, to);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return new StandupParticipation(
                            rows.getInt("answered"),
                            rows.getInt("skipped"),
                            rows.getInt("missed"),
                            rows.getInt("people"));
                }
            }
        });
    }

    /** The team's digest schedule, if one is stored. */
    public Optional<DigestSchedule> schedule(String channelId) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT days, at_time, enabled FROM team_schedules WHERE channel_id = ? AND kind = 'digest'")) {
                statement.setString(1, channelId);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new DigestSchedule(
                            Days.parse(rows.getString("days")),
                            LocalTime.parse(rows.getString("at_time")),
                            rows.getInt("enabled") == 1));
                }
            }
        });
    }

    /**
     * Claims the delivery of one team's digest for one week to one recipient.
     *
     * @return whether this caller owns the delivery (false when it was already claimed or sent)
     */
    public boolean claim(String channelId, String recipientId, LocalDate weekStart, Instant now) {
        return database.inTransaction(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    INSERT INTO digest_deliveries (channel_id, recipient_id, week_start, state, created_at)
                    VALUES (?, ?, ?, 'sending', ?)
                    ON CONFLICT (channel_id, recipient_id, week_start) DO NOTHING
                    """)) {
                statement.setString(1, channelId);
                statement.setString(2, recipientId);
                statement.setString(3, weekStart.toString());
                statement.setLong(4, now.toEpochMilli());
                return statement.executeUpdate() == 1;
            }
        });
    }

    /** Records a claimed digest as delivered. */
    public void markSent(
            String channelId, String recipientId, LocalDate weekStart, String dmChannel, String dmTs, Instant now) {
        database.write(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    UPDATE digest_deliveries SET state = 'sent', sent_at = ?, dm_channel = ?, dm_ts = ?
                     WHERE channel_id = ? AND recipient_id = ? AND week_start = ?
                    """)) {
                statement.setLong(1, now.toEpochMilli());
                statement.setString(2, dmChannel);
                statement.setString(3, dmTs);
                statement.setString(4, channelId);
                statement.setString(5, recipientId);
                statement.setString(6, weekStart.toString());
                statement.executeUpdate();
            }
        });
    }

    /** Records a claimed digest as not deliverable; it is not retried. */
    public void markFailed(String channelId, String recipientId, LocalDate weekStart, String reason) {
        database.write(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    UPDATE digest_deliveries SET state = 'failed', reason = ?
                     WHERE channel_id = ? AND recipient_id = ? AND week_start = ?
                    """)) {
                statement.setString(1, reason);
                statement.setString(2, channelId);
                statement.setString(3, recipientId);
                statement.setString(4, weekStart.toString());
                statement.executeUpdate();
            }
        });
    }

    /** How many digests were delivered for a team's week (all recipients). */
    public int deliveredCount(String channelId, LocalDate weekStart) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT count(*) FROM digest_deliveries WHERE channel_id = ? AND week_start = ? AND state = 'sent'")) {
                statement.setString(1, channelId);
                statement.setString(2, weekStart.toString());
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    private List<SharedItem> shared(String select, String channelId, Instant from, Instant to) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    select + " WHERE channel_id = ? AND created_at >= ? AND created_at < ? ORDER BY created_at, id")) {
                bindRange(statement, channelId, from, to);
                List<SharedItem> items = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        items.add(new SharedItem(
                                rows.getLong("id"),
                                rows.getString("channel_id"),
                                rows.getString("user_id"),
                                rows.getString("text"),
                                Instant.ofEpochMilli(rows.getLong("created_at")),
                                rows.getString("message_ts")));
                    }
                }
                return items;
            }
        });
    }

    private static void bindRange(PreparedStatement statement, String channelId, Instant from, Instant to)
            throws SQLException {
        statement.setString(1, channelId);
        statement.setLong(2, from.toEpochMilli());
        statement.setLong(3, to.toEpochMilli());
    }

    /**
     * A streak milestone someone reached.
     *
     * @param userId who
     * @param streak {@code ownership}, {@code learning} or {@code early_risk}
     * @param value the milestone
     * @param reachedAt when it was recorded
     */
    public record MilestoneReached(String userId, String streak, int value, Instant reachedAt) {}

    /**
     * Prompt participation over a period.
     *
     * @param sent prompts delivered (answered, skipped or unanswered)
     * @param answered prompts answered
     */
    public record Participation(int sent, int answered) {}

    /**
     * Participation in the standups the bot ran, counted in standup DMs (one per person and day).
     *
     * @param answered answered in the modal
     * @param skipped skipped with "Skip today"
     * @param missed sent and neither answered nor skipped
     * @param peopleAnswered different members who answered at least one
     */
    public record StandupParticipation(int answered, int skipped, int missed, int peopleAnswered) {
        /** No standup was run. */
        public static final StandupParticipation NONE = new StandupParticipation(0, 0, 0, 0);

        /** How many standup DMs went out. */
        public int sent() {
            return answered + skipped + missed;
        }
    }

    /**
     * When a team's digest goes out, in the team's timezone.
     *
     * @param days the days
     * @param time the local time
     * @param enabled whether it is on
     */
    public record DigestSchedule(Set<DayOfWeek> days, LocalTime time, boolean enabled) {
        public DigestSchedule {
            days = Set.copyOf(days);
        }
    }
}
