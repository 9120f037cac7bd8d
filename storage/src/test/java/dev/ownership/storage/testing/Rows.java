package dev.ownership.storage;

import java.time.Instant;

/**
 * Inserts rows with plain SQL, as the features that own those tables would, for tests of the read side. Every
 * method takes the time of the record.
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

    public Rows member(String channelId, String userId, Instant at) {
        return sql(
                "INSERT INTO team_members (channel_id, user_id, joined_at) VALUES (?, ?, ?)",
                channelId,
                userId,
                at.toEpochMilli());
    }

    public Rows lead(String channelId, String userId) {
        return sql("INSERT INTO team_leads (channel_id, user_id) VALUES (?, ?)", channelId, userId);
    }

    public int count(String table) {
        return database.read(connection -> {
            try (var statement = connection.createStatement();
                    var rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                rows.next();
                return rows.getInt(1);
            }
        });
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
