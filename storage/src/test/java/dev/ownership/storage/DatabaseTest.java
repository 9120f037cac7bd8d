package dev.ownership.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("database")
class DatabaseTest {
    @TempDir
    Path directory;

    @Test
    @DisplayName("creates missing directories and applies migrations")
    void shouldCreateDirectoriesAndMigrate() {
        Path file = directory.resolve("nested/deeper/ownership.db");
        try (Database database = Database.open(file)) {
            assertThat(file).exists();
            int tables = database.read(connection -> {
                try (ResultSet rows = connection
                        .createStatement()
                        .executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'teams'")) {
                    rows.next();
                    return rows.getInt(1);
                }
            });
            assertThat(tables).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("runs in WAL mode with foreign keys enforced")
    void shouldUseWalAndForeignKeys() {
        try (Database database = Database.open(directory.resolve("o.db"))) {
            String journal = database.read(connection -> {
                try (ResultSet rows = connection.createStatement().executeQuery("PRAGMA journal_mode")) {
                    rows.next();
                    return rows.getString(1);
                }
            });
            assertThat(journal).isEqualToIgnoringCase("wal");
            assertThatThrownBy(() -> database.write(connection -> connection
                            .createStatement()
                            .executeUpdate("INSERT INTO team_leads (channel_id, user_id) VALUES ('CNOPE', 'U1')")))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("FOREIGN KEY");
        }
    }

    @Test
    @DisplayName("opening twice is harmless: migrations are applied once")
    void shouldReopenExistingDatabase() {
        Path file = directory.resolve("o.db");
        try (Database database = Database.open(file)) {
            new ProcessedEventRepository(database).markProcessed("Ev1", "message", Instant.EPOCH);
        }
        try (Database database = Database.open(file)) {
            assertThat(new ProcessedEventRepository(database).markProcessed("Ev1", "message", Instant.EPOCH))
                    .isFalse();
        }
    }

    @Test
    @DisplayName("rolls back a transaction that fails half-way")
    void shouldRollBackFailedTransaction() {
        try (Database database = Database.open(directory.resolve("o.db"))) {
            assertThatThrownBy(() -> database.write(connection -> {
                        connection
                                .createStatement()
                                .executeUpdate(
                                        "INSERT INTO processed_events (event_id, event_type, received_at) VALUES ('a', 'x', 1)");
                        connection.createStatement().executeUpdate("INSERT INTO no_such_table VALUES (1)");
                    }))
                    .isInstanceOf(StorageException.class);
            assertThat(new ProcessedEventRepository(database).markProcessed("a", "x", Instant.EPOCH))
                    .isTrue();
        }
    }

    @Nested
    @DisplayName("backup")
    class Backup {
        @Test
        @DisplayName("writes a readable, consistent copy while writes go on")
        void shouldBackUpWhileWriting() throws Exception {
            try (Database database = Database.open(directory.resolve("live.db"))) {
                ProcessedEventRepository events = new ProcessedEventRepository(database);
                for (int i = 0; i < 200; i++) {
                    events.markProcessed("before-" + i, "message", Instant.EPOCH);
                }
                ExecutorService writer = Executors.newSingleThreadExecutor();
                CompletableFuture<Void> writes = CompletableFuture.runAsync(
                        () -> {
                            for (int i = 0; i < 500; i++) {
                                events.markProcessed("during-" + i, "message", Instant.EPOCH);
                            }
                        },
                        writer);
                Path copy = directory.resolve("backups/copy.db");
                database.backupTo(copy);
                writes.get(30, TimeUnit.SECONDS);
                writer.shutdown();

                try (var connection = DriverManager.getConnection("jdbc:sqlite:" + copy);
                        ResultSet rows = connection
                                .createStatement()
                                .executeQuery("SELECT count(*) FROM processed_events WHERE event_id LIKE 'before-%'")) {
                    rows.next();
                    assertThat(rows.getInt(1)).isEqualTo(200);
                }
                try (var connection = DriverManager.getConnection("jdbc:sqlite:" + copy);
                        ResultSet rows = connection.createStatement().executeQuery("PRAGMA integrity_check")) {
                    rows.next();
                    assertThat(rows.getString(1)).isEqualTo("ok");
                }
            }
        }

        @Test
        @DisplayName("refuses to overwrite an existing file")
        void shouldRefuseExistingTarget() throws Exception {
            try (Database database = Database.open(directory.resolve("live.db"))) {
                Path target = directory.resolve("exists.db");
                java.nio.file.Files.writeString(target, "precious");
                assertThatThrownBy(() -> database.backupTo(target)).hasMessageContaining("already exists");
                assertThat(target).hasContent("precious");
            }
        }
    }
}
