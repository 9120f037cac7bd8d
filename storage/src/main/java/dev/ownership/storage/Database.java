package dev.ownership.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite database file: opens it (creating directories), applies migrations, and hands out connections.
 *
 * <p>SQLite allows one writer at a time. Rather than letting concurrent writers collide on {@code SQLITE_BUSY},
 * every write goes through one connection guarded by a lock (not a fair one: handing the lock over in order
 * convoys the writers when the CPUs are busy); reads use a small pool of their own
 * connections, which WAL mode lets run beside the writer. A busy timeout covers the remaining case of another
 * process (a backup, an operator's {@code sqlite3} shell) holding a lock.
 *
 * <p>Thread-safe. Close it once, at shutdown.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final int READERS = 4;

    private final Path file;
    private final SQLiteDataSource dataSource;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Connection writer;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final Connection checkpointer;
    private final ScheduledExecutorService checkpoints;
    private final List<Connection> allReaders = new ArrayList<>();
    private volatile boolean closed;

    private Database(Path file) {
        this.file = file;
        this.dataSource = new SQLiteDataSource(configuration());
        dataSource.setUrl("jdbc:sqlite:" + file);
        migrate();
        this.writer = open();
        disableAutoCheckpoint(writer);
        this.checkpointer = open();
        this.checkpoints = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ownership-db-checkpoint");
            thread.setDaemon(true);
            return thread;
        });
        checkpoints.scheduleWithFixedDelay(this::checkpoint, 1, 1, TimeUnit.SECONDS);
        for (int i = 0; i < READERS; i++) {
            Connection reader = open();
            allReaders.add(reader);
            readers.add(reader);
        }
    }

    /**
     * Opens (and creates, if needed) the database file and brings its schema up to date.
     *
     * @throws StorageException if the file cannot be opened or a migration fails
     */
    public static Database open(Path file) {
        Objects.requireNonNull(file, "file");
        Path absolute = file.toAbsolutePath();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
        } catch (IOException e) {
            throw new StorageException("Cannot create the directory for " + absolute, e);
        }
        return new Database(absolute);
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** Runs {@code work} in one transaction on the writer connection; commits, or rolls back on any exception. */
    public <T> T inTransaction(SqlFunction<T> work) {
        writeLock.lock();
        try {
            ensureOpen();
            writer.setAutoCommit(false);
            try {
                T result = work.apply(writer);
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("Database write failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs a single SQL statement on the writer connection in autocommit mode: atomic on its own, without the
     * round trips of an explicit transaction. For the one-row writes on the ack path.
     */
    public <T> T writeStatement(SqlFunction<T> work) {
        writeLock.lock();
        try {
            ensureOpen();
            return work.apply(writer);
        } catch (SQLException e) {
            throw new StorageException("Database write failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on the writer connection as one transaction, for writes that return nothing. */
    public void write(SqlConsumer work) {
        inTransaction(connection -> {
            work.accept(connection);
            return null;
        });
    }

    /** Runs a read on one of the reader connections. */
    public <T> T read(SqlFunction<T> work) {
        ensureOpen();
        Connection reader;
        try {
            reader = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("Interrupted while waiting for a database connection", e);
        }
        try {
            return work.apply(reader);
        } catch (SQLException e) {
            throw new StorageException("Database read failed: " + e.getMessage(), e);
        } finally {
            readers.add(reader);
        }
    }

    /**
     * Writes a consistent copy of the live database to {@code target} with {@code VACUUM INTO}, while the bot
     * keeps running; the copy is a complete, compact SQLite file.
     *
     * @throws StorageException if {@code target} already exists or cannot be written
     */
    public void backupTo(Path target) {
        Path absolute = target.toAbsolutePath();
        if (Files.exists(absolute)) {
            throw new StorageException("Backup target already exists: " + absolute);
        }
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
        } catch (IOException e) {
            throw new StorageException("Cannot create the directory for " + absolute, e);
        }
        read(connection -> {
            try (var statement = connection.prepareStatement("VACUUM INTO ?")) {
                statement.setString(1, absolute.toString());
                statement.execute();
            }
            return null;
        });
    }

    /** Whether the database answers a trivial query. */
    public boolean isHealthy() {
        if (closed) {
            return false;
        }
        try {
            return read(connection -> {
                try (Statement statement = connection.createStatement()) {
                    return statement.executeQuery("SELECT 1").next();
                }
            });
        } catch (StorageException e) {
            log.warn("Database health check failed: {}", e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        checkpoints.shutdownNow();
        writeLock.lock();
        try {
            closed = true;
            checkpoint();
            closeQuietly(checkpointer);
            closeQuietly(writer);
            allReaders.forEach(Database::closeQuietly);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Copies the write-ahead log into the database file without blocking writers ({@code PASSIVE}). Committing
     * transactions then never pay for a checkpoint (and its fsync) on the ack path, as SQLite's automatic
     * checkpoint would make them.
     */
    private void checkpoint() {
        try (Statement statement = checkpointer.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            log.debug("Checkpoint skipped: {}", e.getMessage());
        }
    }

    private static void disableAutoCheckpoint(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_autocheckpoint = 0");
        } catch (SQLException e) {
            throw new StorageException("Cannot configure checkpoints: " + e.getMessage(), e);
        }
    }

    private void migrate() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .loggers("slf4j")
                .load()
                .migrate();
    }

    private Connection open() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new StorageException("Cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StorageException("The database is closed");
        }
    }

    private static SQLiteConfig configuration() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        return config;
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("Closing a database connection failed: {}", e.getMessage());
        }
    }

    /** A unit of JDBC work that returns a value. */
    @FunctionalInterface
    public interface SqlFunction<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** A unit of JDBC work that returns nothing. */
    @FunctionalInterface
    public interface SqlConsumer {
        void accept(Connection connection) throws SQLException;
    }
}
