package dev.ownership.storage.privacy;

import dev.ownership.storage.Database;
import dev.ownership.storage.pause.PauseRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Erases a person ({@code /ownership forget-me}): every row about them, in one transaction.
 *
 * <p>Thread-safe.
 */
public final class ErasureRepository {
    /** Every table with a column naming a person, and that column. Processed event ids name nobody. */
    private static final List<String[]> ROWS_ABOUT_PEOPLE = List.of(
            new String[] {"standup_posts", "user_id"},
            new String[] {"pauses", "user_id"},
            new String[] {"team_leads", "user_id"},
            new String[] {"team_members", "user_id"},
            new String[] {"prompt_deliveries", "user_id"},
            new String[] {"standup_days", "user_id"},
            new String[] {"learnings", "user_id"},
            new String[] {"risk_checkins", "user_id"},
            new String[] {"risks", "user_id"},
            new String[] {"risk_register", "user_id"},
            new String[] {"risk_changes", "changed_by"},
            new String[] {"impacts", "user_id"},
            new String[] {"streak_milestones", "user_id"},
            new String[] {"leaderboard_optins", "user_id"},
            new String[] {"personal_controls", "user_id"},
            new String[] {"ownership_admins", "user_id"},
            new String[] {"introductions", "user_id"},
            // Rows about an erased author's posts go with the posts (ON DELETE CASCADE); these are by their own id.
            new String[] {"long_blockers", "user_id"},
            new String[] {"blocker_replies", "user_id"},
            new String[] {"unblocks", "helper_id"},
            new String[] {"escalation_leads", "lead_id"});

    private final Database database;

    public ErasureRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Deletes every row about {@code userId} (their posts, learnings, risks, check-ins, prompts, pauses, lead and
     * member roles, milestones and preferences); a team they set up keeps running under one of its remaining leads,
     * or under nobody. Then, in the same transaction, pauses them from {@code today} until they resume, so that
     * nothing reaches them or is recorded as theirs in the meantime: that open pause is the only row left about them.
     *
     * @return the number of rows erased, by table
     */
    public Map<String, Integer> eraseAndPause(String userId, LocalDate today, Instant now) {
        Objects.requireNonNull(userId, "userId");
        return database.inTransaction(connection -> {
            Map<String, Integer> erased = new LinkedHashMap<>();
            for (String[] table : ROWS_ABOUT_PEOPLE) {
                erased.put(table[0], delete(connection, table[0], table[1], userId));
            }
            erased.put("teams", handOverTeams(connection, userId));
            PauseRepository.pauseWith(connection, userId, today, null, now);
            return Collections.unmodifiableMap(erased);
        });
    }

    private static int delete(Connection connection, String table, String column, String userId) throws SQLException {
        try (var statement = connection.prepareStatement("DELETE FROM " + table + " WHERE " + column + " = ?")) {
            statement.setString(1, userId);
            return statement.executeUpdate();
        }
    }

    private static int handOverTeams(Connection connection, String userId) throws SQLException {
        try (var statement = connection.prepareStatement(
                """
                UPDATE teams
                   SET watched_by = COALESCE((SELECT min(user_id) FROM team_leads
                                               WHERE team_leads.channel_id = teams.channel_id), '')
                 WHERE watched_by = ?
                """)) {
            statement.setString(1, userId);
            return statement.executeUpdate();
        }
    }
}
