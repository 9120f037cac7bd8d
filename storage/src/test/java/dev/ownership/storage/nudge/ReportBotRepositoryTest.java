package dev.ownership.storage.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.storage.Database;
import dev.ownership.storage.workspace.TeamRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

@DisplayName("standup bots read as reports")
class ReportBotRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path directory;

    @Nested
    @DisplayName("the setting")
    class Setting {
        @Test
        @DisplayName("is at most one bot a team: naming another replaces it, clearing says what was named")
        void shouldKeepOneBotPerTeam() {
            try (Database database = Database.open(directory.resolve("o.db"))) {
                new TeamRepository(database).watch("C1", "T1", "standup", BERLIN, "U0ADMIN", NOW);
                ReportBotRepository bots = new ReportBotRepository(database);
                ReportBot geekbot = new ReportBot("C1", "U0GEEK", "B0GEEK", "Geekbot", NOW);
                ReportBot dailybot = new ReportBot("C1", "U0DAILY", "B0DAILY", "DailyBot", NOW.plusSeconds(60));

                bots.set(geekbot);
                bots.set(dailybot);

                assertThat(bots.find("C1")).contains(dailybot);
                assertThat(bots.clear("C1")).contains(dailybot);
                assertThat(bots.find("C1")).isEmpty();
                assertThat(bots.clear("C1")).isEmpty();
                assertThat(bots.find("C2")).isEmpty();
            }
        }
    }

    @Nested
    @DisplayName("the migration")
    class Migration {
        @Test
        @DisplayName("applies on a database of the schema before it, holding teams and standup posts, and keeps them")
        void shouldMigrateDatabaseWithData() throws Exception {
            Path file = directory.resolve("before.db");
            SQLiteDataSource source = new SQLiteDataSource();
            source.setUrl("jdbc:sqlite:" + file);
            Flyway.configure()
                    .dataSource(source)
                    .locations("classpath:db/migration")
                    .loggers("slf4j")
                    .target("9")
                    .load()
                    .migrate();
            try (Connection connection = source.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO teams (channel_id, workspace_id, channel_name, timezone, watched,"
                        + " watched_by, watched_at) VALUES ('C1', 'T1', 'standup', 'Europe/Berlin', 1, 'U0ADMIN', 1)");
                statement.execute("INSERT INTO standup_posts (channel_id, ts, user_id, posted_at, label, reasons,"
                        + " state, updated_at) VALUES ('C1', '1.000100', 'U0ALICE', 1, 'none', '[]', 'clear', 1)");
            }

            try (Database database = Database.open(file)) {
                ReportBotRepository bots = new ReportBotRepository(database);
                bots.set(new ReportBot("C1", "U0GEEK", "B0GEEK", "Geekbot", NOW));

                assertThat(new TeamRepository(database).find("C1")).isPresent();
                assertThat(new StandupRepository(database).find("C1", "1.000100"))
                        .hasValueSatisfying(post -> assertThat(post.userId()).isEqualTo("U0ALICE"));
                assertThat(bots.find("C1")).isPresent();
            }
            try (Connection connection = source.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT count(*) FROM report_bots r JOIN teams t ON t.channel_id = r.channel_id")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        }
    }
}
