package dev.ownership.storage.prompt;

import dev.ownership.storage.Database;
import java.sql.ResultSet;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Teams' standup questions and reminder time, for the standup the bot runs. A team without a row has the defaults.
 *
 * <p>Thread-safe.
 */
public final class StandupSettingsRepository {
    private final Database database;

    public StandupSettingsRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** The team's stored settings, if any were changed from the defaults. */
    public Optional<StoredStandup> find(String channelId) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT questions, remind_at, remind_enabled FROM standup_settings WHERE channel_id = ?")) {
                statement.setString(1, channelId);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    String questions = rows.getString("questions");
                    String remindAt = rows.getString("remind_at");
                    return Optional.of(new StoredStandup(
                            questions == null ? List.of() : Arrays.asList(questions.split("\n")),
                            remindAt == null ? null : LocalTime.parse(remindAt),
                            rows.getInt("remind_enabled") == 1));
                }
            }
        });
    }

    /** Stores the team's questions; an empty list restores the defaults. */
    public void saveQuestions(String channelId, List<String> questions) {
        String joined = questions.isEmpty() ? null : String.join("\n", questions);
        database.write(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    INSERT INTO standup_settings (channel_id, questions) VALUES (?, ?)
                    ON CONFLICT (channel_id) DO UPDATE SET questions = excluded.questions
                    """)) {
                statement.setString(1, channelId);
                statement.setString(2, joined);
                statement.executeUpdate();
            }
        });
    }

    /** Stores the team's reminder: at {@code at} (null: the default), or off when {@code enabled} is false. */
    public void saveReminder(String channelId, LocalTime at, boolean enabled) {
        database.write(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    INSERT INTO standup_settings (channel_id, remind_at, remind_enabled) VALUES (?, ?, ?)
                    ON CONFLICT (channel_id)
                    DO UPDATE SET remind_at = excluded.remind_at, remind_enabled = excluded.remind_enabled
                    """)) {
                statement.setString(1, channelId);
                statement.setString(2, at == null ? null : at.toString());
                statement.setInt(3, enabled ? 1 : 0);
                statement.executeUpdate();
            }
        });
    }

    /**
     * A team's stored standup settings.
     *
     * @param questions its own questions, or empty for the default ones
     * @param remindAt the reminder's local time, or null for two hours after the standup
     * @param remindEnabled whether a reminder goes out at all
     */
    public record StoredStandup(List<String> questions, LocalTime remindAt, boolean remindEnabled) {
        public StoredStandup {
            questions = List.copyOf(questions);
        }
    }
}
