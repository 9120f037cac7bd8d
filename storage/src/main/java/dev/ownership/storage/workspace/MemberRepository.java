package dev.ownership.storage.workspace;

import dev.ownership.storage.Database;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The people in each team's channel (humans only) and their timezones, kept current from the channel's members
 * and its join and leave events.
 *
 * <p>Thread-safe.
 */
public final class MemberRepository {
    private final Database database;

    public MemberRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Adds a member, or updates the timezone of one already known; {@code joinedAt} is kept from the first time.
     *
     * @return whether anything changed (a new member or a new timezone)
     */
    public boolean save(String channelId, String userId, ZoneId timezone, Instant joinedAt) {
        return database.inTransaction(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    INSERT INTO team_members (channel_id, user_id, joined_at, timezone) VALUES (?, ?, ?, ?)
                    ON CONFLICT (channel_id, user_id) DO UPDATE SET timezone = excluded.timezone
                     WHERE team_members.timezone <> excluded.timezone
                    """)) {
                statement.setString(1, channelId);
                statement.setString(2, userId);
                statement.setLong(3, joinedAt.toEpochMilli());
                statement.setString(4, timezone.getId());
                return statement.executeUpdate() == 1;
            }
        });
    }

    /**
     * Removes a member from one team.
     *
     * @return whether they were a member
     */
    public boolean remove(String channelId, String userId) {
        return database.inTransaction(connection -> {
            try (var statement =
                    connection.prepareStatement("DELETE FROM team_members WHERE channel_id = ? AND user_id = ?")) {
                statement.setString(1, channelId);
                statement.setString(2, userId);
                return statement.executeUpdate() == 1;
            }
        });
    }

    /** The team's members, by user id. */
    public List<TeamMember> of(String channelId) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT channel_id, user_id, timezone, joined_at FROM team_members WHERE channel_id = ?"
                            + " ORDER BY user_id")) {
                statement.setString(1, channelId);
                List<TeamMember> members = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        members.add(new TeamMember(
                                rows.getString(1),
                                rows.getString(2),
                                ZoneId.of(rows.getString(3)),
                                Instant.ofEpochMilli(rows.getLong(4))));
                    }
                }
                return members;
            }
        });
    }

    /** The channels of every team, watched or not, {@code userId} is a member of. */
    public List<String> teamsOf(String userId) {
        return channels("SELECT channel_id FROM team_members WHERE user_id = ? ORDER BY channel_id", userId);
    }

    /** The channels of the watched teams {@code userId} is a member of, by channel name. */
    public List<String> watchedTeamsOf(String userId) {
        return channels(
                """
                SELECT m.channel_id FROM team_members m JOIN teams t ON t.channel_id = m.channel_id
                 WHERE m.user_id = ? AND t.watched = 1
                 ORDER BY t.channel_name, m.channel_id
                """,
                userId);
    }

    private List<String> channels(String sql, String userId) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(sql)) {
                statement.setString(1, userId);
                List<String> channels = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        channels.add(rows.getString(1));
                    }
                }
                return channels;
            }
        });
    }
}
