package dev.ownership.storage.workspace;

import dev.ownership.storage.Database;
import dev.ownership.storage.Days;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Teams: watched standup channels and their settings.
 *
 * <p>Thread-safe.
 */
public final class TeamRepository {
    private static final String SELECT_TEAM =
            """
            SELECT channel_id, workspace_id, channel_name, timezone, watched, watched_by, watched_at,
                   workdays, work_start, work_end, leaderboard
              FROM teams
            """;

    /** The name of the database's change counter for the set of watched channels. */
    private static final String WATCHED_TEAMS = "teams.watched";

    private final Database database;

    /** Bumped after each write that can change which channels are watched, by any repository on the database. */
    private final AtomicLong watchWrites;

    private volatile WatchedChannels watchedChannels;

    public TeamRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.watchWrites = database.changeCounter(WATCHED_TEAMS);
    }

    /** The team of {@code channelId}, watched or not. */
    public Optional<Team> find(String channelId) {
        return database.read(connection -> findWith(connection, channelId));
    }

    /** Every currently watched team, by channel name. */
    public List<Team> watched() {
        return database.read(connection -> {
            List<Team> teams = new ArrayList<>();
            try (var statement =
                    connection.prepareStatement(SELECT_TEAM + " WHERE watched = 1 ORDER BY channel_name, channel_id")) {
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        teams.add(toTeam(connection, rows));
                    }
                }
            }
            return teams;
        });
    }

    /**
     * Whether the bot watches {@code channelId}. On the path of every channel message, so answered from memory: the
     * set of watched channels is read again only after {@link #watch} or {@link #unwatch}, the only writes that change
     * it, ran since the last reading (through this repository or another on the same database).
     */
    public boolean isWatched(String channelId) {
        WatchedChannels known = watchedChannels;
        long current = watchWrites.get();
        if (known == null || known.generation() != current) {
            Set<String> channels = database.read(connection -> {
                Set<String> ids = new HashSet<>();
                try (var statement = connection.prepareStatement("SELECT channel_id FROM teams WHERE watched = 1");
                        ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
                return Set.copyOf(ids);
            });
            // Read after taking the count: a watch or unwatch committed meanwhile raises it, and the next call reads
            // again.
            known = new WatchedChannels(current, channels);
            watchedChannels = known;
        }
        return known.channelIds().contains(channelId);
    }

    /**
     * Starts watching a channel. A channel watched before keeps its settings and leads; only the name is
     * refreshed. A new team gets the default working days and hours and {@code timezone}.
     *
     * @return the team as stored, and whether it was newly watched (false when it already was)
     */
    public WatchResult watch(
            String channelId, String workspaceId, String channelName, ZoneId timezone, String adminId, Instant at) {
        try {
            return watchWith(channelId, workspaceId, channelName, timezone, adminId, at);
        } finally {
            watchWrites.incrementAndGet();
        }
    }

    private WatchResult watchWith(
            String channelId, String workspaceId, String channelName, ZoneId timezone, String adminId, Instant at) {
        return database.inTransaction(connection -> {
            Optional<Team> before = findWith(connection, channelId);
            if (before.isPresent()) {
                try (var statement = connection.prepareStatement(
                        """
                        UPDATE teams SET watched = 1, channel_name = ?, watched_by = ?, watched_at = ?
                         WHERE channel_id = ?
                        """)) {
                    statement.setString(1, channelName);
                    statement.setString(2, before.get().watched() ? before.get().watchedBy() : adminId);
                    statement.setLong(
                            3, before.get().watched() ? before.get().watchedAt().toEpochMilli() : at.toEpochMilli());
                    statement.setString(4, channelId);
                    statement.executeUpdate();
                }
            } else {
                try (var statement = connection.prepareStatement(
                        """
                        INSERT INTO teams (channel_id, workspace_id, channel_name, timezone, watched, watched_by, watched_at)
                        VALUES (?, ?, ?, ?, 1, ?, ?)
                        """)) {
                    statement.setString(1, channelId);
                    statement.setString(2, workspaceId);
                    statement.setString(3, channelName);
                    statement.setString(4, timezone.getId());
                    statement.setString(5, adminId);
                    statement.setLong(6, at.toEpochMilli());
                    statement.executeUpdate();
                }
            }
            Team after = findWith(connection, channelId).orElseThrow();
            return new WatchResult(after, before.map(team -> !team.watched()).orElse(true));
        });
    }

    /**
     * Stops watching a channel; its settings are kept for a later {@code watch}.
     *
     * @return whether the channel was watched
     */
    public boolean unwatch(String channelId) {
        try {
            return update("UPDATE teams SET watched = 0 WHERE channel_id = ? AND watched = 1", channelId) == 1;
        } finally {
            watchWrites.incrementAndGet();
        }
    }

    /** Replaces the team's leads. */
    public void setLeads(String channelId, Collection<String> userIds) {
        database.write(connection -> {
            try (var delete = connection.prepareStatement("DELETE FROM team_leads WHERE channel_id = ?")) {
                delete.setString(1, channelId);
                delete.executeUpdate();
            }
            try (var insert = connection.prepareStatement(
                    "INSERT OR IGNORE INTO team_leads (channel_id, user_id) VALUES (?, ?)")) {
                for (String userId : userIds) {
                    insert.setString(1, channelId);
                    insert.setString(2, userId);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Sets the team's working days. */
    public void setWorkdays(String channelId, Set<DayOfWeek> workdays) {
        update("UPDATE teams SET workdays = ? WHERE channel_id = ?", Days.format(workdays), channelId);
    }

    /** Sets the team's working hours. */
    public void setHours(String channelId, LocalTime start, LocalTime end) {
        update(
                "UPDATE teams SET work_start = ?, work_end = ? WHERE channel_id = ?",
                start.toString(),
                end.toString(),
                channelId);
    }

    /** Sets the team's timezone. */
    public void setTimezone(String channelId, ZoneId timezone) {
        update("UPDATE teams SET timezone = ? WHERE channel_id = ?", timezone.getId(), channelId);
    }

    /** Turns the per-person leaderboard on or off. */
    public void setLeaderboard(String channelId, boolean enabled) {
        update("UPDATE teams SET leaderboard = ? WHERE channel_id = ?", enabled ? "1" : "0", channelId);
    }

    /** Teams of which {@code userId} is a lead. */
    public List<Team> ledBy(String userId) {
        return watched().stream().filter(team -> team.isLead(userId)).toList();
    }

    private int update(String sql, String... values) {
        return database.inTransaction(connection -> {
            try (var statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setString(i + 1, values[i]);
                }
                return statement.executeUpdate();
            }
        });
    }

    private static Optional<Team> findWith(Connection connection, String channelId) throws SQLException {
        try (var statement = connection.prepareStatement(SELECT_TEAM + " WHERE channel_id = ?")) {
            statement.setString(1, channelId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(toTeam(connection, rows)) : Optional.empty();
            }
        }
    }

    private static Team toTeam(Connection connection, ResultSet rows) throws SQLException {
        String channelId = rows.getString("channel_id");
        return new Team(
                channelId,
                rows.getString("workspace_id"),
                rows.getString("channel_name"),
                ZoneId.of(rows.getString("timezone")),
                rows.getInt("watched") == 1,
                rows.getString("watched_by"),
                Instant.ofEpochMilli(rows.getLong("watched_at")),
                Days.parse(rows.getString("workdays")),
                LocalTime.parse(rows.getString("work_start")),
                LocalTime.parse(rows.getString("work_end")),
                rows.getInt("leaderboard") == 1,
                leadsOf(connection, channelId));
    }

    private static List<String> leadsOf(Connection connection, String channelId) throws SQLException {
        List<String> leads = new ArrayList<>();
        try (var statement =
                connection.prepareStatement("SELECT user_id FROM team_leads WHERE channel_id = ? ORDER BY user_id")) {
            statement.setString(1, channelId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    leads.add(rows.getString(1));
                }
            }
        }
        return leads;
    }

    /** What {@link #watch} did. */
    public record WatchResult(Team team, boolean newlyWatched) {}

    private record WatchedChannels(long generation, Set<String> channelIds) {}
}
