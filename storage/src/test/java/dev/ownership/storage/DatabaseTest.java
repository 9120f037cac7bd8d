package dev.ownership.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

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
    @DisplayName("refuses a database a newer version upgraded, naming the migration, and leaves it as it was")
    void shouldRefuseDatabaseFromNewerVersion() throws SQLException {
        Path file = directory.resolve("o.db");
        try (Database database = Database.open(file)) {
            database.write(connection -> connection
                    .createStatement()
                    .executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, "
                            + "script, checksum, installed_by, execution_time, success) VALUES (9999, '9999', "
                            + "'from the future', 'SQL', 'V9999__from_the_future.sql', 0, 'test', 0, 1)"));
        }

        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("upgraded by a newer version of Ownership (V9999 from the future)")
                .hasMessageContaining("restore the backup");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery("SELECT count(*) FROM flyway_schema_history WHERE version = '9999'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
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
    @DisplayName("single statements from many threads")
    class GroupCommitted {
        private static int insert(Connection connection, String eventId) throws SQLException {
            try (var statement = connection.prepareStatement(
                    "INSERT INTO processed_events (event_id, event_type, received_at) VALUES (?, 'test', 1)"
                            + " ON CONFLICT (event_id) DO NOTHING")) {
                statement.setString(1, eventId);
                return statement.executeUpdate();
            }
        }

        private static int count(Database database) {
            return database.read(connection -> {
                try (ResultSet rows =
                        connection.createStatement().executeQuery("SELECT count(*) FROM processed_events")) {
                    rows.next();
                    return rows.getInt(1);
                }
            });
        }

        /** Runs {@code tasks} calls of {@code task} (given 0, 1, ...) on {@code threads} threads; their results. */
        private static <T> List<T> onThreads(int threads, int tasks, java.util.function.IntFunction<T> task)
                throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<CompletableFuture<T>> futures = new ArrayList<>();
                for (int i = 0; i < tasks; i++) {
                    int n = i;
                    futures.add(CompletableFuture.supplyAsync(() -> task.apply(n), pool));
                }
                List<T> results = new ArrayList<>();
                for (CompletableFuture<T> future : futures) {
                    results.add(future.get(30, TimeUnit.SECONDS));
                }
                return results;
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        @DisplayName("are each committed once, with their own result, before the caller returns")
        void shouldCommitEveryStatementOnce() throws Exception {
            try (Database database = Database.open(directory.resolve("o.db"))) {
                List<Integer> inserted = onThreads(16, 2_000, n -> {
                    String eventId = "Ev" + (n % 1_000); // every id twice: the second insert changes nothing
                    int result = database.writeStatement(c -> insert(c, eventId));
                    // Committed before the call returned: another connection sees it.
                    int visible = database.read(c -> {
                        try (var statement =
                                c.prepareStatement("SELECT count(*) FROM processed_events WHERE event_id = ?")) {
                            statement.setString(1, eventId);
                            ResultSet rows = statement.executeQuery();
                            rows.next();
                            return rows.getInt(1);
                        }
                    });
                    assertThat(visible).isEqualTo(1);
                    return result;
                });

                assertThat(inserted.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1_000);
                assertThat(count(database)).isEqualTo(1_000);
            }
        }

        @Test
        @DisplayName("fail alone: a bad statement does not take the others of its batch with it")
        void shouldFailOnlyTheBadStatement() throws Exception {
            try (Database database = Database.open(directory.resolve("o.db"))) {
                List<Boolean> failed = onThreads(8, 400, n -> {
                    try {
                        database.writeStatement(c -> n % 10 == 0
                                ? c.createStatement().executeUpdate("INSERT INTO no_such_table VALUES (1)")
                                : insert(c, "Ev" + n));
                        return false;
                    } catch (StorageException e) {
                        return true;
                    }
                });

                assertThat(failed).filteredOn(Boolean::booleanValue).hasSize(40);
                assertThat(count(database)).isEqualTo(360);
            }
        }

        @Test
        @DisplayName("are refused once the database is closed")
        void shouldRefuseAfterClose() {
            Database database = Database.open(directory.resolve("o.db"));
            database.close();

            assertThatThrownBy(() -> database.writeStatement(c -> insert(c, "late")))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("closed");
        }
    }

    /**
     * Another process writing to the same file. It is a second connection here: SQLite's locks are the file's
     * locks, taken alike whether the other connection is in this JVM or not (the bot's own tests use a real second
     * process).
     */
    @Nested
    @DisplayName("when another process writes to the same file")
    class OtherWriter {
        private Connection other(Path file, int busyTimeoutMillis) throws SQLException {
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(busyTimeoutMillis);
            return config.createConnection("jdbc:sqlite:" + file);
        }

        private static void insertEvent(Connection connection, String eventId) throws SQLException {
            try (var statement = connection.prepareStatement(
                    "INSERT INTO processed_events (event_id, event_type, received_at) VALUES (?, 'test', 1)")) {
                statement.setString(1, eventId);
                statement.executeUpdate();
            }
        }

        private static int count(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT count(*) FROM processed_events")) {
                rows.next();
                return rows.getInt(1);
            }
        }

        private static void execute(Connection connection, String sql) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }

        private static void await(java.util.function.BooleanSupplier condition) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!condition.getAsBoolean()) {
                assertThat(System.nanoTime()).as("waiting for the condition").isLessThan(deadline);
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            }
        }

        @Test
        @DisplayName("a transaction that reads and then writes holds the write lock from its start, so another "
                + "process cannot write in between (SQLITE_BUSY_SNAPSHOT) and the transaction runs once")
        void shouldTakeTheWriteLockBeforeReading() throws Exception {
            Path file = directory.resolve("o.db");
            try (Database database = Database.open(file);
                    Connection other = other(file, 0)) {
                AtomicInteger runs = new AtomicInteger();
                List<SQLException> otherFailures = new ArrayList<>();

                int seen = database.inTransaction(connection -> {
                    runs.incrementAndGet();
                    int before = count(connection);
                    try {
                        insertEvent(other, "other-" + runs.get());
                    } catch (SQLException busy) {
                        otherFailures.add(busy);
                    }
                    insertEvent(connection, "mine-" + runs.get());
                    return before;
                });

                assertThat(runs).as("runs of the transaction").hasValue(1);
                assertThat(seen).isZero();
                assertThat(otherFailures)
                        .as("the other process's write while the transaction was open")
                        .singleElement()
                        .satisfies(busy -> assertThat(Database.isBusy(busy)).isTrue());
                assertThat(database.read(OtherWriter::count)).isEqualTo(1);
                assertThat(database.busyRetries()).isZero();
            }
        }

        @Test
        @DisplayName("a write that finds the lock held beyond the busy timeout is retried, and lands once it is free")
        void shouldRetryWhileBusy() throws Exception {
            Path file = directory.resolve("o.db");
            try (Database database = Database.open(file, Duration.ofMillis(500));
                    Connection other = other(file, 0)) {
                execute(other, "BEGIN IMMEDIATE");
                insertEvent(other, "other");
                CompletableFuture<Boolean> write = CompletableFuture.supplyAsync(
                        () -> new ProcessedEventRepository(database).markProcessed("mine", "test", Instant.EPOCH));

                await(() -> database.busyRetries() >= 1);
                execute(other, "COMMIT");

                assertThat(write.get(10, TimeUnit.SECONDS)).isTrue();
                assertThat(database.read(OtherWriter::count)).isEqualTo(2);
            }
        }

        @Test
        @DisplayName("counts the writes held up by the lock, statements and transactions, until they land")
        void shouldCountTheWritesUnderWay() throws Exception {
            Path file = directory.resolve("o.db");
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try (Database database = Database.open(file, Duration.ofSeconds(5));
                    Connection other = other(file, 0)) {
                assertThat(database.writesUnderWay()).isZero();
                execute(other, "BEGIN IMMEDIATE");
                insertEvent(other, "other");
                List<CompletableFuture<?>> writes = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    String id = "statement-" + i;
                    writes.add(CompletableFuture.supplyAsync(
                            () -> new ProcessedEventRepository(database).markProcessed(id, "test", Instant.EPOCH),
                            threads));
                }
                writes.add(CompletableFuture.runAsync(
                        () -> database.write(connection -> insertEvent(connection, "transaction")), threads));

                await(() -> database.writesUnderWay() == 4);
                assertThat(writes).noneMatch(CompletableFuture::isDone);
                execute(other, "COMMIT");

                CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                        .get(10, TimeUnit.SECONDS);
                assertThat(database.writesUnderWay()).isZero();
                assertThat(database.read(OtherWriter::count)).isEqualTo(5);
                assertThat(database.busyRetries()).isZero();
            } finally {
                threads.shutdownNow();
            }
        }

        @Test
        @DisplayName("a transaction still busy after three attempts fails, and has changed nothing")
        void shouldGiveUpAfterThreeAttempts() throws Exception {
            Path file = directory.resolve("o.db");
            try (Database database = Database.open(file, Duration.ofMillis(50));
                    Connection other = other(file, 0)) {
                execute(other, "BEGIN IMMEDIATE");
                AtomicInteger runs = new AtomicInteger();

                assertThatThrownBy(() -> database.write(connection -> {
                            runs.incrementAndGet();
                            insertEvent(connection, "mine");
                        }))
                        .isInstanceOf(StorageException.class)
                        .hasMessageContaining("still busy after 3 attempts");

                assertThat(runs)
                        .as("the work never ran: the lock is taken first")
                        .hasValue(0);
                assertThat(database.busyRetries()).isEqualTo(2);
                execute(other, "ROLLBACK");
                assertThat(database.read(OtherWriter::count)).isZero();
                database.write(connection -> insertEvent(connection, "mine"));
                assertThat(database.read(OtherWriter::count)).isEqualTo(1);
            }
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

    @Nested
    @DisplayName("the write-ahead log")
    class Log {
        private static final long LIMIT = 1024 * 1024;

        @Test
        @DisplayName("is cut back without holding writers while a long read still uses it, and once the read ends")
        void shouldCutBackWithoutWaitingForReaders() throws Exception {
            Path file = directory.resolve("log.db");
            try (Database database = Database.open(file, Duration.ofSeconds(2), LIMIT);
                    Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Connection reader = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                try (Statement statement = other.createStatement()) {
                    statement.execute("PRAGMA wal_autocheckpoint = 0");
                    statement.execute("CREATE TABLE filler (bytes BLOB)");
                }
                Path log = directory.resolve("log.db-wal");
                int attempts = 0;
                do {
                    // A read left open over the whole log, as a slow query or a backup would.
                    reader.setAutoCommit(true);
                    fill(other);
                    reader.setAutoCommit(false);
                    try (Statement statement = reader.createStatement();
                            ResultSet rows = statement.executeQuery("SELECT count(*) FROM filler")) {
                        rows.next();
                    }
                    // The scheduled checkpoint may have cut the log back just before the read began: fill again.
                } while (java.nio.file.Files.size(log) <= LIMIT && ++attempts < 3);
                assertThat(java.nio.file.Files.size(log)).isGreaterThan(LIMIT);

                long started = System.nanoTime();
                database.checkpoint();
                Duration held = Duration.ofNanos(System.nanoTime() - started);
                long writeStarted = System.nanoTime();
                database.inTransaction(connection -> {
                    try (Statement statement = connection.createStatement()) {
                        return statement.executeUpdate("INSERT INTO filler VALUES (x'00')");
                    }
                });
                Duration write = Duration.ofNanos(System.nanoTime() - writeStarted);

                assertThat(held).as("checkpoint with a reader on the log").isLessThan(Duration.ofMillis(500));
                assertThat(write).as("a write right after it").isLessThan(Duration.ofMillis(500));
                reader.commit();
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (java.nio.file.Files.size(log) > LIMIT && System.nanoTime() < deadline) {
                    database.checkpoint();
                    LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
                }
                assertThat(java.nio.file.Files.size(log))
                        .as("log once the read ended")
                        .isLessThanOrEqualTo(LIMIT);
            }
        }

        @Test
        @DisplayName("copied whole between bursts of writes, starts over instead of growing")
        void shouldStartOverAfterCheckpointNow() throws Exception {
            Path file = directory.resolve("bursts.db");
            try (Database database = Database.open(file, Duration.ofSeconds(2), 64 * LIMIT);
                    Connection other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                try (Statement statement = other.createStatement()) {
                    statement.execute("PRAGMA wal_autocheckpoint = 0");
                    statement.execute("CREATE TABLE filler (bytes BLOB)");
                }
                for (int burst = 0; burst < 4; burst++) {
                    fill(other);
                    database.checkpointNow();
                }
                // Each burst wrote three times LIMIT; had the log not started over, it would hold twelve.
                assertThat(java.nio.file.Files.size(directory.resolve("bursts.db-wal")))
                        .isLessThan(5 * LIMIT);
            }
        }

        /** Writes three times the limit into the log, in one transaction of another connection. */
        private void fill(Connection other) throws SQLException {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                for (int row = 0; row < 48; row++) {
                    statement.execute("INSERT INTO filler VALUES (randomblob(65536))");
                }
            }
            other.commit();
            other.setAutoCommit(true);
        }
    }
}
