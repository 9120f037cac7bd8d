package dev.ownership.storage.prompt;

import dev.ownership.storage.Database;
import dev.ownership.storage.Days;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Teams' schedules for prompts and the digest, the source of truth the scheduler's triggers are rebuilt from.
 *
 * <p>Thread-safe.
 */
public final class ScheduleRepository {
    private static final String COLUMNS = "channel_id, kind, days, at_time, enabled";

    private final Database database;

    public ScheduleRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** The team's schedules, by kind. */
    public List<TeamSchedule> forTeam(String channelId) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM team_schedules WHERE channel_id = ? ORDER BY kind")) {
                statement.setString(1, channelId);
                List<TeamSchedule> schedules = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        schedules.add(toSchedule(rows));
                    }
                }
                return schedules;
            }
        });
    }

    /** The team's schedule of {@code kind}, if stored. */
    public Optional<TeamSchedule> find(String channelId, String kind) {
        return forTeam(channelId).stream()
                .filter(schedule -> schedule.kind().equals(kind))
                .findFirst();
    }

    /** Stores a schedule, replacing the team's schedule of the same kind. */
    public void save(TeamSchedule schedule) {
        database.write(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    INSERT INTO team_schedules (channel_id, kind, days, at_time, enabled) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (channel_id, kind)
                    DO UPDATE SET days = excluded.days, at_time = excluded.at_time, enabled = excluded.enabled
                    """)) {
                bind(statement, schedule);
                statement.executeUpdate();
            }
        });
    }

    /**
     * Stores each schedule whose kind the team has none of yet; schedules already stored, including ones turned
     * off, are kept.
     *
     * @return how many were added
     */
    public int addMissing(Collection<TeamSchedule> schedules) {
        return database.inTransaction(connection -> {
            int added = 0;
            try (var statement = connection.prepareStatement(
                    """
                    INSERT INTO team_schedules (channel_id, kind, days, at_time, enabled) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (channel_id, kind) DO NOTHING
                    """)) {
                for (TeamSchedule schedule : schedules) {
                    bind(statement, schedule);
                    added += statement.executeUpdate();
                }
            }
            return added;
        });
    }

    /**
     * Every enabled prompt schedule of a watched team, once for each timezone its members live in: the prompt
     * triggers to build.
     */
    public List<PromptSlot> promptSlots() {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    SELECT s.channel_id, s.kind, s.days, s.at_time, t.workdays, m.timezone
                      FROM team_schedules s
                      JOIN teams t ON t.channel_id = s.channel_id
                      JOIN (SELECT DISTINCT channel_id, timezone FROM team_members) m ON m.channel_id = s.channel_id
                     WHERE t.watched = 1 AND s.enabled = 1 AND s.kind IN ('learning', 'risk', 'impact', 'standup')
                     ORDER BY s.channel_id, s.kind, m.timezone
                    """)) {
                List<PromptSlot> slots = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        slots.add(new PromptSlot(
                                rows.getString(1),
                                rows.getString(2),
                                Days.parse(rows.getString(3)),
                                LocalTime.parse(rows.getString(4)),
                                Days.parse(rows.getString(5)),
                                ZoneId.of(rows.getString(6))));
                    }
                }
                return slots;
            }
        });
    }

    private static void bind(java.sql.PreparedStatement statement, TeamSchedule schedule) throws SQLException {
        statement.setString(1, schedule.channelId());
        statement.setString(2, schedule.kind());
        statement.setString(3, Days.format(schedule.days()));
        statement.setString(4, schedule.at().toString());
        statement.setInt(5, schedule.enabled() ? 1 : 0);
    }

    private static TeamSchedule toSchedule(ResultSet rows) throws SQLException {
        Set<DayOfWeek> days = Days.parse(rows.getString("days"));
        return new TeamSchedule(
                rows.getString("channel_id"),
                rows.getString("kind"),
                days,
                LocalTime.parse(rows.getString("at_time")),
                rows.getInt("enabled") == 1);
    }
}
