package dev.ownership.storage.streak;

import dev.ownership.storage.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Read-only queries over what people did in their teams: standup posts and their blockers, learnings, risks, risk
 * check-ins and prompt deliveries. Streaks, the App Home and team trends are derived from these facts.
 *
 * <p>Thread-safe.
 */
public final class ActivityRepository {
    /** Blockers that count: reported by the detector, and neither dismissed as "not a blocker" nor deleted. */
    private static final String COUNTED_BLOCKER = "label <> 'none' AND state NOT IN ('dismissed', 'deleted')";

    private static final String USER_FILTER = " AND (? IS NULL OR user_id = ?)";

    private static final String TABLES_WITH_PEOPLE =
            """
            SELECT channel_id, user_id FROM standup_posts
            UNION SELECT channel_id, user_id FROM learnings
            UNION SELECT channel_id, user_id FROM risks
            UNION SELECT channel_id, user_id FROM risk_checkins
            UNION SELECT channel_id, user_id FROM impacts
            UNION SELECT channel_id, user_id FROM prompt_deliveries
            UNION SELECT channel_id, user_id FROM team_members
            """;

    private final Database database;

    public ActivityRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Everything recorded in the team of {@code channelId} in {@code [from, to)}, oldest first.
     *
     * @param userId one person's facts only, or {@code null} for everyone's
     */
    public Activity inTeam(String channelId, String userId, Instant from, Instant to) {
        Objects.requireNonNull(channelId, "channelId");
        Range range = new Range(channelId, userId, from.toEpochMilli(), to.toEpochMilli());
        return database.read(connection -> new Activity(
                events(connection, "standup_posts", "posted_at", "state <> 'deleted'", range),
                blockers(connection, range),
                events(connection, "learnings", "created_at", "1 = 1", range),
                events(connection, "risks", "created_at", "1 = 1", range),
                events(connection, "risk_checkins", "checked_at", "1 = 1", range),
                prompts(connection, range)));
    }

    /** The channels in which {@code userId} posted, shared, answered, was prompted or is a member. */
    public Set<String> channelsOf(String userId) {
        return database.read(connection -> strings(
                connection,
                "SELECT DISTINCT channel_id FROM (" + TABLES_WITH_PEOPLE + ") WHERE user_id = ? ORDER BY channel_id",
                userId));
    }

    /** Everyone who posted, shared, answered, was prompted or is a member in {@code channelId}. */
    public Set<String> peopleIn(String channelId) {
        return database.read(connection -> strings(
                connection,
                "SELECT DISTINCT user_id FROM (" + TABLES_WITH_PEOPLE + ") WHERE channel_id = ? ORDER BY user_id",
                channelId));
    }

    /** How many members the team's channel has, as far as membership is recorded (0 when it is not). */
    public int memberCount(String channelId) {
        return database.read(connection -> {
            try (var statement =
                    connection.prepareStatement("SELECT count(*) FROM team_members WHERE channel_id = ?")) {
                statement.setString(1, channelId);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    private static List<Event> events(Connection connection, String table, String column, String condition, Range range)
            throws SQLException {
        String sql = "SELECT user_id, " + column + " FROM " + table + " WHERE channel_id = ? AND " + condition + " AND "
                + column + " >= ? AND " + column + " < ?" + USER_FILTER + " ORDER BY " + column;
        List<Event> events = new ArrayList<>();
        try (var statement = connection.prepareStatement(sql)) {
            range.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(new Event(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2))));
                }
            }
        }
        return events;
    }

    private static List<Blocker> blockers(Connection connection, Range range) throws SQLException {
        String sql = "SELECT user_id, posted_at, proposed_at FROM standup_posts WHERE channel_id = ? AND "
                + COUNTED_BLOCKER + " AND posted_at >= ? AND posted_at < ?" + USER_FILTER + " ORDER BY posted_at, ts";
        List<Blocker> blockers = new ArrayList<>();
        try (var statement = connection.prepareStatement(sql)) {
            range.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    blockers.add(
                            new Blocker(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)), instant(rows, 3)));
                }
            }
        }
        return blockers;
    }

    private static List<Prompt> prompts(Connection connection, Range range) throws SQLException {
        String sql = "SELECT user_id, sent_at, answered_at FROM prompt_deliveries WHERE channel_id = ? AND state IN"
                + " ('sent', 'answered') AND sent_at >= ? AND sent_at < ?" + USER_FILTER + " ORDER BY sent_at";
        List<Prompt> prompts = new ArrayList<>();
        try (var statement = connection.prepareStatement(sql)) {
            range.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    prompts.add(new Prompt(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)), instant(rows, 3)));
                }
            }
        }
        return prompts;
    }

    private static Set<String> strings(Connection connection, String sql, String parameter) throws SQLException {
        Set<String> values = new LinkedHashSet<>();
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    private record Range(String channelId, String userId, long from, long to) {
        void bind(PreparedStatement statement) throws SQLException {
            statement.setString(1, channelId);
            statement.setLong(2, from);
            statement.setLong(3, to);
            statement.setString(4, userId);
            statement.setString(5, userId);
        }
    }

    /**
     * What happened in a team over a time range, each list oldest first.
     *
     * @param posts standup posts of any label (deleted ones excluded)
     * @param blockers the blockers among them that count (neither dismissed nor deleted)
     * @param learnings learnings shared
     * @param risks risks flagged
     * @param riskCheckins answers to the risk check-in, a risk or "none"
     * @param prompts prompts delivered, and whether they were answered
     */
    public record Activity(
            List<Event> posts,
            List<Blocker> blockers,
            List<Event> learnings,
            List<Event> risks,
            List<Event> riskCheckins,
            List<Prompt> prompts) {
        public Activity {
            posts = List.copyOf(posts);
            blockers = List.copyOf(blockers);
            learnings = List.copyOf(learnings);
            risks = List.copyOf(risks);
            riskCheckins = List.copyOf(riskCheckins);
            prompts = List.copyOf(prompts);
        }
    }

    /** Something a person did at a time. */
    public record Event(String userId, Instant at) {
        public Event {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A blocker reported in a standup post.
     *
     * @param proposedAt when a next step was added (at once: when it was posted), or {@code null}
     */
    public record Blocker(String userId, Instant postedAt, Instant proposedAt) {
        public Blocker {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(postedAt, "postedAt");
        }
    }

    /**
     * A prompt delivered to a person.
     *
     * @param answeredAt when they answered it, or {@code null}
     */
    public record Prompt(String userId, Instant sentAt, Instant answeredAt) {
        public Prompt {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(sentAt, "sentAt");
        }
    }
}
