package dev.ownership.storage.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.storage.Database;
import dev.ownership.storage.prompt.SharedItem;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("migration V10 (the learnings library) on a database of the schema before it, with data in it")
class LearningsMigrationTest {
    @TempDir
    Path directory;

    @Test
    @DisplayName("indexes the learnings already shared, and keeps indexing new ones")
    void shouldIndexExistingLearnings() throws Exception {
        Path file = directory.resolve("v9.db");
        String url = "jdbc:sqlite:" + file;
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration")
                .target("9")
                .load()
                .migrate();
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(
                    """
                    INSERT INTO learnings (channel_id, user_id, text, created_at, message_ts, source) VALUES
                      ('C1', 'U1', 'Retries need jitter, or they all come back at once', 1000, '1.000100', 'command'),
                      ('C1', 'U2', 'Feature flags want an owner and an expiry date', 2000, NULL, 'prompt'),
                      ('C2', 'U3', 'Retry budgets stop storms', 3000, '3.000100', 'home')
                    """);
        }

        try (Database database = Database.open(file)) {
            LearningLibraryRepository library = new LearningLibraryRepository(database);
            assertThat(library.searchAll(List.of("C1"), SearchTerms.of("retry"), 10))
                    .extracting(SharedItem::userId, SharedItem::messageTs)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("U1", "1.000100"));
            assertThat(library.searchAll(List.of("C1", "C2"), SearchTerms.of("retrying"), 10))
                    .hasSize(2);
            assertThat(library.count(List.of("C1"))).isEqualTo(2);

            new dev.ownership.storage.prompt.LearningRepository(database)
                    .add(
                            "C1",
                            "U2",
                            "Retry only idempotent calls",
                            dev.ownership.storage.prompt.ShareSource.COMMAND,
                            java.time.Instant.ofEpochMilli(4000));
            assertThat(library.searchAll(List.of("C1"), SearchTerms.of("retry"), 10))
                    .extracting(SharedItem::text)
                    .containsExactly(
                            "Retry only idempotent calls", "Retries need jitter, or they all come back at once");
        }
    }
}
