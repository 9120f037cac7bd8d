package dev.ownership.storage.testing;

import dev.ownership.storage.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Inserts rows with plain SQL, as the features that own those tables would, for tests of the read side (streaks, the
 * digest, the App Home, forget-me) in storage and in the bot: storage's test jar ships it. Every method takes the time
 * of the record. Also finds every cell of the database that mentions a text, for the forget-me checks.
 */
public final class Rows {
    private final Database database;
    private int posts;

    public Rows(Database database) {
        this.database = database;
    }

    public Rows team(String channelId) {
        return sql(
                "INSERT INTO teams (channel_id, workspace_id, channel_name, timezone, watched, watched_by, watched_at)"
                        + " VALUES (?, 'T1', ?, 'Europe/Berlin', 1, 'U0ADMIN', 0)",
                channelId,
                channelId.toLowerCase());
    }

    public Rows post(String channelId, String userId, String label, String state, Instant at, Instant proposedAt) {
        return sql(
                "INSERT INTO standup_posts (channel_id, ts, user_id, posted_at, label, state, proposed_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                channelId,
                at.getEpochSecond() + "." + String.format("%06d", ++posts),
                userId,
                at.toEpochMilli(),
                label,
                state,
                proposedAt == null ? null : proposedAt.toEpochMilli(),
                at.toEpochMilli());
    }

    /**
     * Follows {@code userId}'s latest post as the blocker feature does: a long-running entry, a reply by
     * {@code helperId}, its resolution and the helper's credit, all at {@code at}.
     */
    public Rows blockerFollowUp(String userId, String helperId, Instant at) {
        String[] post = database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT channel_id, ts FROM standup_posts WHERE user_id = ? ORDER BY rowid DESC LIMIT 1")) {
                statement.setString(1, userId);
                try (var found = statement.executeQuery()) {
                    found.next();
                    return new String[] {found.getString(1), found.getString(2)};
                }
            }
        });
        long time = at.toEpochMilli();
        return sql(
                        "INSERT INTO long_blockers (channel_id, ts, user_id, kind, since_at, latest_ts, detected_at,"
                                + " ask_state, updated_at) VALUES (?, ?, ?, 'no_next_step', ?, ?, ?, 'asked', ?)",
                        post[0],
                        post[1],
                        userId,
                        time,
                        post[1],
                        time,
                        time)
                .sql(
                        "INSERT INTO escalation_leads (channel_id, ts, lead_id, state, told_at) VALUES (?, ?, ?, 'sent',"
                                + " ?)",
                        post[0],
                        post[1],
                        helperId,
                        time)
                .sql(
                        "INSERT INTO blocker_replies (channel_id, reply_ts, thread_ts, user_id, replied_at) VALUES (?,"
                                + " ?, ?, ?, ?)",
                        post[0],
                        post[1] + "1",
                        post[1],
                        helperId,
                        time)
                .sql(
                        "INSERT INTO blocker_resolutions (channel_id, ts, resolved_at, via) VALUES (?, ?, ?,"
                                + " 'thanks')",
                        post[0],
                        post[1],
                        time)
                .sql(
                        "INSERT INTO unblocks (channel_id, ts, helper_id, author_id, reply_ts, resolved_at,"
                                + " thanks_state, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'sent', ?)",
                        post[0],
                        post[1],
                        helperId,
                        userId,
                        post[1] + "1",
                        time,
                        time);
    }

    public Rows learning(String channelId, String userId, Instant at) {
        return sql(
                "INSERT INTO learnings (channel_id, user_id, text, created_at, source) VALUES (?, ?, ?, ?, 'command')",
                channelId,
                userId,
                "learned something from " + userId,
                at.toEpochMilli());
    }

    public Rows risk(String channelId, String userId, Instant at) {
        sql(
                "INSERT INTO risks (channel_id, user_id, text, created_at, source) VALUES (?, ?, ?, ?, 'command')",
                channelId,
                userId,
                "a risk seen by " + userId,
                at.toEpochMilli());
        return checkin(channelId, userId, at, 1);
    }

    /** An answer to the risk check-in: a risk (recorded as well), or "none". */
    public Rows riskCheckin(String channelId, String userId, Instant at, boolean hadRisk) {
        return hadRisk ? risk(channelId, userId, at) : checkin(channelId, userId, at, 0);
    }

    public Rows checkin(String channelId, String userId, Instant at, int hadRisk) {
        return sql(
                "INSERT INTO risk_checkins (channel_id, user_id, checked_at, had_risk) VALUES (?, ?, ?, ?)",
                channelId,
                userId,
                at.toEpochMilli(),
                hadRisk);
    }

    public Rows impact(String channelId, String userId, Instant at) {
        return sql(
                "INSERT INTO impacts (channel_id, user_id, text, created_at) VALUES (?, ?, ?, ?)",
                channelId,
                userId,
                "why it matters, by " + userId,
                at.toEpochMilli());
    }

    public Rows prompt(String channelId, String userId, Instant sentAt, Instant answeredAt) {
        return sql(
                "INSERT INTO prompt_deliveries (channel_id, kind, user_id, occurrence, state, created_at, sent_at,"
                        + " answered_at) VALUES (?, 'learning', ?, ?, ?, ?, ?, ?)",
                channelId,
                userId,
                "now-" + sentAt.toEpochMilli(),
                answeredAt == null ? "sent" : "answered",
                sentAt.toEpochMilli(),
                sentAt.toEpochMilli(),
                answeredAt == null ? null : answeredAt.toEpochMilli());
    }

    /** {@code userId} is a member of the team's channel (again: nothing changes). */
    public Rows member(String channelId, String userId, Instant at) {
        return sql(
                "INSERT OR IGNORE INTO team_members (channel_id, user_id, joined_at) VALUES (?, ?, ?)",
                channelId,
                userId,
                at.toEpochMilli());
    }

    public Rows lead(String channelId, String userId) {
        return sql("INSERT INTO team_leads (channel_id, user_id) VALUES (?, ?)", channelId, userId);
    }

    /** The {@code source} column of every row of {@code table} (learnings, risks), oldest first. */
    public List<String> sources(String table) {
        return database.read(connection -> {
            List<String> sources = new ArrayList<>();
            try (var statement = connection.createStatement();
                    var rows = statement.executeQuery("SELECT source FROM " + table + " ORDER BY rowid")) {
                while (rows.next()) {
                    sources.add(rows.getString(1));
                }
            }
            return sources;
        });
    }

    /** How many rows {@code table} has. */
    public int count(String table) {
        return database.read(connection -> {
            try (var statement = connection.createStatement();
                    var rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    /**
     * Every cell, in every column of every table (found through {@code sqlite_master} and {@code table_info}, so new
     * tables are covered), whose text contains {@code needle}, as {@code table.column}, once per row.
     */
    public List<String> cellsContaining(String needle) {
        return database.read(connection -> {
            List<String> found = new ArrayList<>();
            for (String table : names(
                    connection,
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                            + "LIKE 'sqlite_%' ORDER BY name")) {
                for (String column : names(connection, "SELECT name FROM pragma_table_info('" + table + "')")) {
                    found.addAll(matches(connection, table, column, needle));
                }
            }
            return found;
        });
    }

    private static List<String> names(Connection connection, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static List<String> matches(Connection connection, String table, String column, String needle)
            throws SQLException {
        List<String> found = new ArrayList<>();
        try (var statement = connection.prepareStatement(
                "SELECT 1 FROM \"" + table + "\" WHERE instr(CAST(\"" + column + "\" AS TEXT), ?) > 0")) {
            statement.setString(1, needle);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(table + "." + column);
                }
            }
        }
        return found;
    }

    private Rows sql(String sql, Object... values) {
        database.write(connection -> {
            try (var statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                statement.executeUpdate();
            }
        });
        return this;
    }
}
