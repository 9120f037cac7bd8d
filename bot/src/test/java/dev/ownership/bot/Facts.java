package dev.ownership.bot;

import dev.ownership.storage.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Records facts that other features own (learnings, risk check-ins, team membership) with plain SQL, as those
 * features would, so that tests of streaks and the App Home do not depend on how they are collected. Also finds
 * every cell of the database that mentions a text, for the forget-me checks.
 */
public final class Facts {
    private final Database database;

    public Facts(Database database) {
        this.database = database;
    }

    /** A learning {@code userId} shared in the team of {@code channelId}. */
    public Facts learning(String channelId, String userId, Instant at) {
        return sql(
                "INSERT INTO learnings (channel_id, user_id, text, created_at, source) VALUES (?, ?, ?, ?, 'command')",
                channelId,
                userId,
                "What I learned this week",
                at.toEpochMilli());
    }

    /** An answer to the risk check-in, with a risk or "none". */
    public Facts riskCheckin(String channelId, String userId, Instant at, boolean hadRisk) {
        if (hadRisk) {
            sql(
                    "INSERT INTO risks (channel_id, user_id, text, created_at, source) VALUES (?, ?, ?, ?, 'prompt')",
                    channelId,
                    userId,
                    "The vendor deprecates v1 in March",
                    at.toEpochMilli());
        }
        return sql(
                "INSERT INTO risk_checkins (channel_id, user_id, checked_at, had_risk) VALUES (?, ?, ?, ?)",
                channelId,
                userId,
                at.toEpochMilli(),
                hadRisk ? 1 : 0);
    }

    /** An impact note. */
    public Facts impact(String channelId, String userId, Instant at) {
        return sql(
                "INSERT INTO impacts (channel_id, user_id, text, created_at) VALUES (?, ?, ?, ?)",
                channelId,
                userId,
                "It unblocks the billing migration",
                at.toEpochMilli());
    }

    /** A learning prompt delivered to {@code userId}, answered or not. */
    public Facts prompt(String channelId, String userId, Instant sentAt, Instant answeredAt) {
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

    /** {@code userId} is a member of the team's channel. */
    public Facts member(String channelId, String userId, Instant at) {
        return sql(
                "INSERT OR IGNORE INTO team_members (channel_id, user_id, joined_at) VALUES (?, ?, ?)",
                channelId,
                userId,
                at.toEpochMilli());
    }

    /** How many rows a table has. */
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

    private Facts sql(String sql, Object... values) {
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
