package dev.ownership.storage.blocker;

import dev.ownership.storage.Database;
import dev.ownership.storage.blocker.LongBlocker.Answer;
import dev.ownership.storage.blocker.LongBlocker.AskState;
import dev.ownership.storage.blocker.LongBlocker.Kind;
import dev.ownership.storage.nudge.PostKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Long-running blockers, each team's settings for them, and the blocker posts they are found among. Every state
 * change is one conditional update, so that a question or an escalation is claimed before it is sent and never sent
 * twice, across retries, restarts and replicas.
 *
 * <p>Thread-safe.
 */
public final class LongBlockerRepository {
    /** Workdays after which a blocker counts as long-running when the team has not chosen. */
    public static final int DEFAULT_LONG_AFTER_DAYS = 3;

    private static final String COLUMNS =
            """
            channel_id, ts, user_id, kind, category, since_at, latest_ts, ask_state, ask_due_at, dm_channel, dm_ts,
            answer, escalate_at, escalation
            """;

    /** Why a nudge was held back because its author chose so (as the nudge feature records it). */
    private static final java.util.Set<String> OPTED_OUT = java.util.Set.of("paused", "nudges_off");

    private final Database database;

    public LongBlockerRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** A team's settings for long-running blockers (the defaults when it chose none). */
    public Settings settings(String channelId) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT escalation, long_after_days FROM blocker_settings WHERE channel_id = ?")) {
                statement.setString(1, channelId);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next()
                            ? new Settings(rows.getInt(1) == 1, rows.getInt(2))
                            : new Settings(false, DEFAULT_LONG_AFTER_DAYS);
                }
            }
        });
    }

    /** Turns escalation to the leads on or off for a team. */
    public void setEscalation(String channelId, boolean on, Instant now) {
        upsertSetting(channelId, "escalation", on ? 1 : 0, now);
    }

    /** Sets after how many workdays a blocker counts as long-running (2 to 10). */
    public void setLongAfterDays(String channelId, int days, Instant now) {
        upsertSetting(channelId, "long_after_days", days, now);
    }

    private void upsertSetting(String channelId, String column, int value, Instant now) {
        database.writeStatement(connection -> {
            try (var statement = connection.prepareStatement("INSERT INTO blocker_settings (channel_id, " + column
                    + ", updated_at) VALUES (?, ?, ?) ON CONFLICT (channel_id) DO UPDATE SET " + column
                    + " = excluded." + column + ", updated_at = excluded.updated_at")) {
                statement.setString(1, channelId);
                statement.setInt(2, value);
                statement.setLong(3, now.toEpochMilli());
                return statement.executeUpdate();
            }
        });
    }

    /**
     * Every blocker posted from {@code since} that still counts (not deleted, not "not a blocker"), oldest first, with
     * whether it was resolved and whether it still lacks a next step.
     */
    public List<BlockerPost> blockersSince(Instant since) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    SELECT p.channel_id, p.ts, p.user_id, p.posted_at, p.category, p.state, p.state_reason,
                           r.ts IS NOT NULL AS resolved
                      FROM standup_posts p
                      LEFT JOIN blocker_resolutions r ON r.channel_id = p.channel_id AND r.ts = p.ts
                     WHERE p.posted_at >= ? AND p.label <> 'none' AND p.state NOT IN ('deleted', 'dismissed')
                     ORDER BY p.posted_at, p.ts
                    """)) {
                statement.setLong(1, since.toEpochMilli());
                List<BlockerPost> posts = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String state = rows.getString("state");
                        // Posted while its author had paused or turned nudges off: they chose not to be coached.
                        boolean leftAlone = state.equals("suppressed")
                                && OPTED_OUT.contains(String.valueOf(rows.getString("state_reason")));
                        posts.add(new BlockerPost(
                                rows.getString("channel_id"),
                                rows.getString("ts"),
                                rows.getString("user_id"),
                                Instant.ofEpochMilli(rows.getLong("posted_at")),
                                rows.getString("category"),
                                !state.equals("proposed") && !state.equals("clear") && !leftAlone,
                                rows.getInt("resolved") == 1));
                    }
                }
                return posts;
            }
        });
    }

    /**
     * Records a long-running blocker whose question is due at {@code now}, unless the author was already found to have
     * one of this category in this channel while it was running (detected at or after {@code since}): one question
     * per long-running blocker. A recurring run already recorded moves its latest post on instead.
     *
     * @return whether a new long-running blocker was recorded
     */
    public boolean detect(
            PostKey first, String userId, Kind kind, String category, Instant since, String latestTs, Instant now) {
        return database.inTransaction(connection -> {
            Optional<String> known = overlapping(connection, first.channelId(), userId, category, since);
            if (known.isPresent()) {
                if (kind == Kind.RECURRING) {
                    execute(
                            connection,
                            "UPDATE long_blockers SET latest_ts = ?, updated_at = ? WHERE channel_id = ? AND ts = ?"
                                    + " AND kind = 'recurring' AND latest_ts < ?",
                            latestTs,
                            now.toEpochMilli(),
                            first.channelId(),
                            known.get(),
                            latestTs);
                }
                return false;
            }
            return execute(
                            connection,
                            """
                            INSERT INTO long_blockers (channel_id, ts, user_id, kind, category, since_at, latest_ts,
                                                       detected_at, ask_state, ask_due_at, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'due', ?, ?)
                            ON CONFLICT (channel_id, ts) DO NOTHING
                            """,
                            first.channelId(),
                            first.ts(),
                            userId,
                            kind.column(),
                            category,
                            since.toEpochMilli(),
                            latestTs,
                            now.toEpochMilli(),
                            now.toEpochMilli(),
                            now.toEpochMilli())
                    > 0;
        });
    }

    private static Optional<String> overlapping(
            Connection connection, String channelId, String userId, String category, Instant since)
            throws SQLException {
        try (var statement = connection.prepareStatement(
                "SELECT ts FROM long_blockers WHERE channel_id = ? AND user_id = ? AND category IS ? AND detected_at"
                        + " >= ? ORDER BY detected_at DESC LIMIT 1")) {
            statement.setString(1, channelId);
            statement.setString(2, userId);
            statement.setString(3, category);
            statement.setLong(4, since.toEpochMilli());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** The long-running blocker whose run starts at {@code key}, if recorded. */
    public Optional<LongBlocker> find(PostKey key) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM long_blockers WHERE channel_id = ? AND ts = ?")) {
                statement.setString(1, key.channelId());
                statement.setString(2, key.ts());
                List<LongBlocker> found = list(statement);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }
        });
    }

    /** Questions due at {@code now}, oldest first. */
    public List<LongBlocker> dueAsks(Instant now, int limit) {
        return select("ask_state = 'due' AND ask_due_at <= ? ORDER BY ask_due_at LIMIT ?", now, limit);
    }

    /** Escalations due at {@code now}: asked, unanswered, not yet told to the leads. */
    public List<LongBlocker> dueEscalations(Instant now, int limit) {
        return select(
                "ask_state = 'asked' AND answer IS NULL AND escalation IS NULL AND escalate_at <= ? ORDER BY"
                        + " escalate_at LIMIT ?",
                now,
                limit);
    }

    /**
     * The team's long-running blockers found by {@code detectedBy}, whose latest post is from {@code activeSince} on
     * and still counts (not deleted, not "not a blocker"), and that nobody resolved; oldest first.
     */
    public List<LongBlocker> unresolved(String channelId, Instant detectedBy, Instant activeSince) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT l."
                            + String.join(", l.", COLUMNS.strip().split(",\\s*"))
                            + """
                     FROM long_blockers l
                     JOIN standup_posts p ON p.channel_id = l.channel_id AND p.ts = l.latest_ts
                    WHERE l.channel_id = ? AND l.detected_at <= ? AND p.posted_at >= ?
                      AND p.state NOT IN ('deleted', 'dismissed')
                      AND NOT EXISTS (SELECT 1 FROM blocker_resolutions r
                                       WHERE r.channel_id = l.channel_id AND r.ts IN (l.ts, l.latest_ts))
                    ORDER BY l.since_at
                    """)) {
                statement.setString(1, channelId);
                statement.setLong(2, detectedBy.toEpochMilli());
                statement.setLong(3, activeSince.toEpochMilli());
                return list(statement);
            }
        });
    }

    /**
     * Whether the blocker no longer needs help: its first or latest post was resolved, deleted or answered "not a
     * blocker", or, for one without a next step, got one.
     */
    public boolean isSettled(LongBlocker blocker) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    SELECT 1 FROM blocker_resolutions WHERE channel_id = ? AND ts IN (?, ?)
                    UNION ALL
                    SELECT 1 FROM standup_posts
                     WHERE channel_id = ? AND ts IN (?, ?)
                       AND (state IN ('deleted', 'dismissed') OR (? AND state IN ('proposed', 'clear')))
                    """)) {
                statement.setString(1, blocker.channelId());
                statement.setString(2, blocker.ts());
                statement.setString(3, blocker.latestTs());
                statement.setString(4, blocker.channelId());
                statement.setString(5, blocker.ts());
                statement.setString(6, blocker.latestTs());
                statement.setBoolean(7, blocker.kind() == Kind.NO_NEXT_STEP);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    /** When the post {@code key} was posted, if it is recorded. */
    public Optional<Instant> postedAt(PostKey key) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT posted_at FROM standup_posts WHERE channel_id = ? AND ts = ?")) {
                statement.setString(1, key.channelId());
                statement.setString(2, key.ts());
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(Instant.ofEpochMilli(rows.getLong(1))) : Optional.empty();
                }
            }
        });
    }

    /** Holds a due question until {@code at} (outside the author's working hours). */
    public boolean rescheduleAsk(PostKey key, Instant at, Instant now) {
        return transition(key, "ask_due_at = ?", "ask_state = 'due'", now, at.toEpochMilli());
    }

    /** Settles a due question without sending it, saying why. */
    public boolean skipAsk(PostKey key, String reason, Instant now) {
        return transition(key, "ask_state = 'skipped', ask_reason = ?", "ask_state = 'due'", now, reason);
    }

    /** Claims a due question for sending: exactly one delivery wins. */
    public boolean claimAsk(PostKey key, Instant now) {
        return transition(key, "ask_state = 'sending', asked_at = ?", "ask_state = 'due'", now, now.toEpochMilli());
    }

    /**
     * Records the question as sent; {@code escalateAt} is when the leads are told if nobody answers, or {@code null}
     * when the team has escalation off.
     */
    public boolean markAsked(PostKey key, String dmChannel, String dmTs, Instant escalateAt, Instant now) {
        return transition(
                key,
                "ask_state = 'asked', dm_channel = ?, dm_ts = ?, escalate_at = ?",
                "ask_state = 'sending'",
                now,
                dmChannel,
                dmTs,
                escalateAt == null ? null : escalateAt.toEpochMilli());
    }

    /** Records that the claimed question could not be sent; it is not tried again. */
    public boolean failAsk(PostKey key, String reason, Instant now) {
        return transition(key, "ask_state = 'failed', ask_reason = ?", "ask_state = 'sending'", now, reason);
    }

    /**
     * Records the author's answer, once, and only the author's.
     *
     * @return whether this answer was recorded (false if answered before, not asked, or not theirs)
     */
    public boolean answer(PostKey key, String userId, Answer answer, Instant now) {
        return database.writeStatement(connection -> execute(
                        connection,
                        "UPDATE long_blockers SET answer = ?, answered_at = ?, updated_at = ? WHERE channel_id = ? AND"
                                + " ts = ? AND user_id = ? AND ask_state = 'asked' AND answer IS NULL",
                        answer.column(),
                        now.toEpochMilli(),
                        now.toEpochMilli(),
                        key.channelId(),
                        key.ts(),
                        userId)
                > 0);
    }

    /** The leads already told (or being told) of the long-running blocker {@code key}. */
    public Set<String> escalatedTo(PostKey key) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT lead_id FROM escalation_leads WHERE channel_id = ? AND ts = ?")) {
                statement.setString(1, key.channelId());
                statement.setString(2, key.ts());
                Set<String> leads = new HashSet<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        leads.add(rows.getString(1));
                    }
                }
                return leads;
            }
        });
    }

    /**
     * Claims telling {@code leadId} of the escalation {@code key}, while it is still due (asked, unanswered, not
     * settled): a lead is claimed once, ever.
     */
    public boolean claimEscalation(PostKey key, String leadId, Instant now) {
        return database.writeStatement(connection -> execute(
                        connection,
                        """
                        INSERT INTO escalation_leads (channel_id, ts, lead_id, state, told_at)
                        SELECT channel_id, ts, ?, 'sending', ? FROM long_blockers
                         WHERE channel_id = ? AND ts = ? AND ask_state = 'asked' AND answer IS NULL
                           AND escalation IS NULL
                        ON CONFLICT (channel_id, ts, lead_id) DO NOTHING
                        """,
                        leadId,
                        now.toEpochMilli(),
                        key.channelId(),
                        key.ts())
                > 0);
    }

    /** Records whether the claimed DM to {@code leadId} went out. */
    public boolean markEscalated(PostKey key, String leadId, boolean sent) {
        return database.writeStatement(connection -> execute(
                        connection,
                        "UPDATE escalation_leads SET state = ? WHERE channel_id = ? AND ts = ? AND lead_id = ? AND"
                                + " state = 'sending'",
                        sent ? "sent" : "failed",
                        key.channelId(),
                        key.ts(),
                        leadId)
                > 0);
    }

    /** Holds the rest of an escalation until {@code at}, when the next lead's working hours begin. */
    public boolean rescheduleEscalation(PostKey key, Instant at, Instant now) {
        return transition(
                key,
                "escalate_at = ?",
                "ask_state = 'asked' AND answer IS NULL AND escalation IS NULL",
                now,
                at.toEpochMilli());
    }

    /** Settles an escalation: {@code sent}, {@code skipped} (why in the log) or {@code failed}. */
    public boolean settleEscalation(PostKey key, String outcome, Instant now) {
        return transition(
                key,
                "escalation = ?, escalated_at = COALESCE(escalated_at, ?)",
                "escalation = 'sending' OR escalation IS NULL",
                now,
                outcome,
                now.toEpochMilli());
    }

    /**
     * Settles questions and escalations left half-sent by a crash: whether the DM went out is unknown, and neither is
     * ever sent twice, so they are marked failed.
     *
     * @return how many were settled
     */
    public int failInterruptedClaims(Instant claimedBefore, Instant now) {
        return database.inTransaction(connection -> execute(
                        connection,
                        "UPDATE long_blockers SET ask_state = 'failed', ask_reason = 'interrupted', updated_at = ?"
                                + " WHERE ask_state = 'sending' AND asked_at < ?",
                        now.toEpochMilli(),
                        claimedBefore.toEpochMilli())
                + execute(
                        connection,
                        "UPDATE long_blockers SET escalation = 'failed', updated_at = ? WHERE escalation = 'sending'"
                                + " AND escalated_at < ?",
                        now.toEpochMilli(),
                        claimedBefore.toEpochMilli())
                + execute(
                        connection,
                        "UPDATE escalation_leads SET state = 'failed' WHERE state = 'sending' AND told_at < ?",
                        claimedBefore.toEpochMilli()));
    }

    private List<LongBlocker> select(String where, Instant now, int limit) {
        return database.read(connection -> {
            try (var statement =
                    connection.prepareStatement("SELECT " + COLUMNS + " FROM long_blockers WHERE " + where)) {
                statement.setLong(1, now.toEpochMilli());
                statement.setInt(2, limit);
                return list(statement);
            }
        });
    }

    private boolean transition(PostKey key, String set, String when, Instant now, Object... values) {
        return database.writeStatement(connection -> {
            Object[] all = new Object[values.length + 3];
            System.arraycopy(values, 0, all, 0, values.length);
            all[values.length] = now.toEpochMilli();
            all[values.length + 1] = key.channelId();
            all[values.length + 2] = key.ts();
            return execute(
                            connection,
                            "UPDATE long_blockers SET " + set + ", updated_at = ? WHERE channel_id = ? AND ts = ? AND ("
                                    + when + ")",
                            all)
                    > 0;
        });
    }

    static int execute(Connection connection, String sql, Object... values) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    statement.setNull(i + 1, Types.NULL);
                } else {
                    statement.setObject(i + 1, values[i]);
                }
            }
            return statement.executeUpdate();
        }
    }

    private static List<LongBlocker> list(PreparedStatement statement) throws SQLException {
        List<LongBlocker> found = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.add(new LongBlocker(
                        rows.getString("channel_id"),
                        rows.getString("ts"),
                        rows.getString("user_id"),
                        Kind.fromColumn(rows.getString("kind")),
                        rows.getString("category"),
                        Instant.ofEpochMilli(rows.getLong("since_at")),
                        rows.getString("latest_ts"),
                        AskState.fromColumn(rows.getString("ask_state")),
                        instant(rows, "ask_due_at"),
                        rows.getString("dm_channel"),
                        rows.getString("dm_ts"),
                        Answer.fromColumn(rows.getString("answer")),
                        instant(rows, "escalate_at"),
                        rows.getString("escalation")));
            }
        }
        return found;
    }

    static Instant instant(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    /**
     * A team's settings for long-running blockers.
     *
     * @param escalation whether leads are told of a long-running blocker the author did not answer
     * @param longAfterDays after how many workdays a blocker counts as long-running
     */
    public record Settings(boolean escalation, int longAfterDays) {}

    /**
     * A blocker post as long-running blockers are found among them.
     *
     * @param channelId the channel
     * @param ts the post
     * @param userId the author
     * @param postedAt when
     * @param category the category's column value, or {@code null}
     * @param withoutNextStep whether it still has no next step, and was not posted while its author was paused or had
     *     nudges off
     * @param resolved whether its author resolved it
     */
    public record BlockerPost(
            String channelId,
            String ts,
            String userId,
            Instant postedAt,
            String category,
            boolean withoutNextStep,
            boolean resolved) {
        public PostKey key() {
            return new PostKey(channelId, ts);
        }
    }
}
