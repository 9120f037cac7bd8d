package dev.ownership.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteException;

/**
 * The SQLite database file: opens it (creating directories), applies migrations, and hands out connections.
 *
 * <p>SQLite allows one writer at a time. Rather than letting concurrent writers collide on {@code SQLITE_BUSY},
 * every write goes through one connection guarded by a lock (not a fair one: handing the lock over in order
 * convoys the writers when the CPUs are busy); reads use a small pool of their own
 * connections, which WAL mode lets run beside the writer. The single-statement writes of the ack path go through a
 * {@link GroupCommit} instead: one thread commits all those queued at a moment in one transaction.
 *
 * <p>Other processes may still hold the write lock: an operator's {@code sqlite3} shell, a second bot started on
 * the same file by mistake. For them:
 *
 * <ul>
 *   <li>Every transaction begins with {@code BEGIN IMMEDIATE}, taking the write lock before its first read. A
 *       deferred transaction that reads and then writes fails at once with {@code SQLITE_BUSY_SNAPSHOT}, with no
 *       wait, if another process committed in between; an immediate one waits for the lock instead, and what it
 *       read stays true until it commits. (The statements are issued by hand rather than through sqlite-jdbc's
 *       {@code IMMEDIATE} transaction mode, which begins the next transaction as soon as one commits: that re-takes
 *       the lock, and can fail after the commit succeeded, which would make the retry below unsafe.)
 *   <li>The busy timeout is 2 s, within Slack's 3 s acknowledgement deadline: message events are recorded before
 *       they are acknowledged, so a lock held for a moment (a shell's write) costs them a wait, never an error.
 *   <li>A write still busy or locked after that is retried as a whole, three attempts in all with a short backoff,
 *       with one warning in the log; only then does it fail with a {@link StorageException} (a nudge is then tried
 *       again on the next tick, an event is redelivered by Slack). An event acknowledged late that way is
 *       redelivered by Slack too, and recognised as a duplicate. The work of a transaction may therefore run more
 *       than once, and must do nothing but use its connection.
 * </ul>
 *
 * <p>Thread-safe. Close it once, at shutdown.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int BUSY_TIMEOUT_MILLIS = 2_000;
    private static final int WRITE_ATTEMPTS = 3;
    private static final long[] RETRY_BACKOFF_MILLIS = {50, 250};
    private static final int READERS = 4;

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    private final Path file;
    private final SQLiteDataSource dataSource;
    /** The bytes the write-ahead log is cut back to once a checkpoint let it start over. */
    private static final long WAL_SIZE_LIMIT = 64 * 1024 * 1024;
    /** How many passive checkpoints {@link #checkpointNow} runs at most to copy the whole log. */
    private static final int CATCH_UP_PASSES = 8;
    /** SQLite's default page size, which the database keeps. */
    private static final long PAGE_SIZE = 4096;

    private final long walSizeLimit;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Connection writer;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final Connection checkpointer;
    private final ScheduledExecutorService checkpoints;
    private final List<Connection> allReaders = new ArrayList<>();
    private final AtomicLong busyRetries = new AtomicLong();
    private final Map<String, AtomicLong> changeCounters = new ConcurrentHashMap<>();
    private final AtomicInteger writesUnderWay = new AtomicInteger();
    private final GroupCommit groupCommit;
    private volatile boolean closed;

    private Database(Path file, int busyTimeoutMillis, long walSizeLimit) {
        this.file = file;
        this.walSizeLimit = walSizeLimit;
        this.dataSource = new SQLiteDataSource(configuration(busyTimeoutMillis, walSizeLimit));
        dataSource.setUrl("jdbc:sqlite:" + file);
        migrate();
        this.writer = open();
        disableAutoCheckpoint(writer);
        this.checkpointer = open();
        neverWaitWhenBusy(checkpointer);
        startWithAnEmptyLog(checkpointer);
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
        this.groupCommit = new GroupCommit("ownership-db-commit", this::commitBatch);
    }

    /**
     * Opens (and creates, if needed) the database file and brings its schema up to date.
     *
     * @throws StorageException if the file cannot be opened or a migration fails
     */
    public static Database open(Path file) {
        return open(file, Duration.ofMillis(BUSY_TIMEOUT_MILLIS));
    }

    /** Opens the database with another busy timeout, for tests that make another process hold the write lock. */
    static Database open(Path file, Duration busyTimeout) {
        return open(file, busyTimeout, WAL_SIZE_LIMIT);
    }

    /** Opens the database with another busy timeout and log size limit, for tests of the log's cut-back. */
    static Database open(Path file, Duration busyTimeout, long walSizeLimit) {
        Objects.requireNonNull(file, "file");
        Path absolute = file.toAbsolutePath();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
        } catch (IOException e) {
            throw new StorageException("Cannot create the directory for " + absolute, e);
        }
        return new Database(absolute, Math.toIntExact(busyTimeout.toMillis()), walSizeLimit);
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /**
     * Runs {@code work} in one transaction on the writer connection; commits, or rolls back on any exception. If the
     * database is busy (another process holds the write lock), the whole transaction is tried again, so {@code work}
     * must do nothing but use the connection.
     */
    public <T> T inTransaction(SqlFunction<T> work) {
        writesUnderWay.incrementAndGet();
        try {
            return writing(() -> {
                execute(writer, "BEGIN IMMEDIATE");
                try {
                    T result = work.apply(writer);
                    execute(writer, "COMMIT");
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollback(e);
                    throw e;
                }
            });
        } finally {
            writesUnderWay.decrementAndGet();
        }
    }

    /**
     * Runs a single SQL statement on the writer connection, for the one-row writes of the ack path (and any other
     * write that is one statement): the statement
     * is committed together with the others queued at the same moment ({@link GroupCommit}), and this returns once it
     * is. A statement that fails is rolled back alone; the others of its batch are unaffected. Retried like a
     * transaction when the database is busy, so {@code work} must do nothing but use the connection.
     */
    public <T> T writeStatement(SqlFunction<T> work) {
        ensureOpen();
        writesUnderWay.incrementAndGet();
        try {
            return groupCommit.submit(work);
        } finally {
            writesUnderWay.decrementAndGet();
        }
    }

    /** Commits a batch of queued statements in one transaction; completes each of them, never throws. */
    private void commitBatch(List<GroupCommit.Pending<?>> batch) {
        if (batch.size() > 1) {
            try {
                writing(() -> {
                    execute(writer, "BEGIN IMMEDIATE");
                    try {
                        for (GroupCommit.Pending<?> pending : batch) {
                            pending.run(writer);
                        }
                        execute(writer, "COMMIT");
                        return null;
                    } catch (SQLException | RuntimeException e) {
                        rollback(e);
                        throw e;
                    }
                });
                batch.forEach(GroupCommit.Pending::succeed);
                return;
            } catch (StorageException e) {
                if (e.getCause() instanceof SQLException sql && isBusy(sql)) {
                    batch.forEach(pending -> pending.fail(e));
                    return;
                }
                // One statement failed (a constraint, say): run each on its own so that it fails alone.
            } catch (RuntimeException e) {
                // As above: a statement threw; the batch was rolled back.
            }
        }
        for (GroupCommit.Pending<?> pending : batch) {
            try {
                writing(() -> {
                    pending.run(writer);
                    return null;
                });
                pending.succeed();
            } catch (StorageException e) {
                pending.fail(e);
            } catch (RuntimeException e) {
                pending.fail(new StorageException("Database write failed: " + e, e));
            }
        }
    }

    /**
     * A counter of changes to {@code what} shared by every repository on this database: the repository that changes
     * {@code what} bumps it after its write, one that caches {@code what} reads it again when it moved (as the
     * watched teams are cached on the path of every message).
     */
    public AtomicLong changeCounter(String what) {
        return changeCounters.computeIfAbsent(what, name -> new AtomicLong());
    }

    /**
     * How many writes found the database busy or locked beyond the busy timeout and were tried again, since it was
     * opened.
     */
    public long busyRetries() {
        return busyRetries.get();
    }

    /**
     * How many writes ({@link #inTransaction}, {@link #write}, {@link #writeStatement}) have been asked for and have
     * not yet committed or failed: those waiting for the write lock, or for the group commit, and the one running.
     * Many for long means the writer is held up, by another process holding the write lock for instance.
     */
    public int writesUnderWay() {
        return writesUnderWay.get();
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
        groupCommit.close();
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

    /** Runs a write under the write lock, retrying it while the database is busy or locked, up to the limit. */
    private <T> T writing(SqlWork<T> write) {
        writeLock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                ensureOpen();
                try {
                    return write.run();
                } catch (SQLException e) {
                    if (!isBusy(e)) {
                        throw new StorageException("Database write failed: " + e.getMessage(), e);
                    }
                    if (attempt == WRITE_ATTEMPTS) {
                        throw new StorageException(
                                "Database write failed: still busy after " + WRITE_ATTEMPTS + " attempts: "
                                        + e.getMessage(),
                                e);
                    }
                    if (attempt == 1) {
                        log.warn(
                                "The database is busy ({}): another process holds its write lock; retrying the write"
                                        + " up to {} more times",
                                e.getMessage(),
                                WRITE_ATTEMPTS - 1);
                    }
                    busyRetries.incrementAndGet();
                    backOff(RETRY_BACKOFF_MILLIS[attempt - 1]);
                }
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Whether SQLite said busy or locked ({@code SQLITE_BUSY}, {@code SQLITE_LOCKED} and their extended codes). */
    static boolean isBusy(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                int vendor = sql.getErrorCode() & 0xFF;
                int result = sql instanceof SQLiteException sqlite ? sqlite.getResultCode().code & 0xFF : -1;
                if (vendor == SQLITE_BUSY
                        || vendor == SQLITE_LOCKED
                        || result == SQLITE_BUSY
                        || result == SQLITE_LOCKED) {
                    return true;
                }
            }
        }
        return false;
    }

    private void rollback(Exception failure) {
        try {
            execute(writer, "ROLLBACK");
        } catch (SQLException e) {
            // SQLite rolls back by itself after some errors; there is then no transaction left to roll back.
            if (!e.getMessage().contains("no transaction is active")) {
                failure.addSuppressed(e);
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void backOff(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("Interrupted while waiting for the database to be free", e);
        }
    }

    /**
     * Copies the log into the file now, beside the checkpoint each second, for work that writes a lot at once
     * (retention, between its batches), again while writes came in meanwhile (up to {@value #CATCH_UP_PASSES}
     * passes), until all of it is copied: the next write then starts the log over from its beginning, at no cost.
     * The log's file so stays as small as the work between two such calls made it, and is never cut back under the
     * write lock, which holds every write for tens of milliseconds on a busy disk (docs/BENCHMARKS.md).
     */
    public synchronized void checkpointNow() {
        for (int pass = 0; pass < CATCH_UP_PASSES; pass++) {
            try (Statement statement = checkpointer.createStatement();
                    ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                if (copiedAll(result)) {
                    return;
                }
            } catch (SQLException e) {
                log.debug("Checkpoint skipped: {}", e.getMessage());
                return;
            }
        }
    }

    /** Whether a checkpoint's answer says it copied the whole log. */
    private static boolean copiedAll(ResultSet result) throws SQLException {
        return result.next() && result.getInt(1) == 0 && result.getInt(2) == result.getInt(3);
    }

    /**
     * Copies the write-ahead log into the database file without blocking writers ({@code PASSIVE}). Committing
     * transactions then never pay for a checkpoint (and its fsync) on the ack path, as SQLite's automatic
     * checkpoint would make them.
     *
     * <p>The log starts over only when a write comes after a checkpoint that copied all of it; under steady writes
     * that moment may never come, and a burst (a retention run) would leave the log as large as it grew. So when a
     * passive checkpoint copied everything and the log is past {@link #WAL_SIZE_LIMIT}, it is cut back with a
     * {@code TRUNCATE} checkpoint, under the write lock: with nothing left to copy, that holds writers for a moment.
     */
    synchronized void checkpoint() {
        try (Statement statement = checkpointer.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            boolean copiedAll = copiedAll(result);
            long logPages = result.getInt(2);
            if (copiedAll && logPages * PAGE_SIZE > walSizeLimit) {
                truncateLog(statement);
            }
        } catch (SQLException e) {
            log.debug("Checkpoint skipped: {}", e.getMessage());
        }
    }

    /**
     * Cuts the log back, if the write lock comes free soon; else the next checkpoint tries again. (Never waiting
     * long for it also keeps {@link #close}, which takes the lock before its last checkpoint, from waiting on this.)
     */
    private void truncateLog(Statement statement) throws SQLException {
        try {
            if (!writeLock.tryLock(50, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * The checkpointer never waits in SQLite's busy handler. A passive checkpoint does not anyway; the cut-back runs
     * under the write lock, and waiting there for a reader to leave the log (up to the busy timeout, 2 s) would hold
     * up every write, the ack path's included. Busy, it gives up at once and the next checkpoint tries again.
     */
    private static void neverWaitWhenBusy(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 0");
        } catch (SQLException e) {
            throw new StorageException("Cannot configure checkpoints: " + e.getMessage(), e);
        }
    }

    /**
     * Copies what a migration or the last run left in the log and cuts it back, before any write waits on the lock:
     * cutting back a large log later, under the lock, would hold the first acks for as long.
     */
    private static void startWithAnEmptyLog(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            log.debug("The log was not cut back at start: {}", e.getMessage());
        }
    }

    private static void disableAutoCheckpoint(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_autocheckpoint = 0");
        } catch (SQLException e) {
            throw new StorageException("Cannot configure checkpoints: " + e.getMessage(), e);
        }
    }

    /**
     * Brings the schema up to date. Migrations only go forward, so a database a newer version already upgraded is
     * refused rather than used by code that does not know its schema.
     */
    private void migrate() {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .loggers("slf4j")
                .load();
        List<String> newer = Arrays.stream(flyway.info().all())
                .filter(migration -> migration.getState() == MigrationState.FUTURE_SUCCESS
                        || migration.getState() == MigrationState.FUTURE_FAILED)
                .map(migration -> "V" + migration.getVersion() + " " + migration.getDescription())
                .toList();
        if (!newer.isEmpty()) {
            throw new StorageException("The database " + file + " was upgraded by a newer version of Ownership ("
                    + String.join(", ", newer) + "), which this version does not know. Run that newer version, "
                    + "or restore the backup taken before the upgrade.");
        }
        flyway.migrate();
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

    private static SQLiteConfig configuration(int busyTimeoutMillis, long walSizeLimit) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(busyTimeoutMillis);
        // After a checkpoint lets the write-ahead log start over, it is cut back to this size: a burst of writes
        // (a retention run deleting a backlog) would otherwise leave the file as large as the burst made it.
        config.setJournalSizeLimit(Math.toIntExact(walSizeLimit));
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

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** A unit of JDBC work that returns nothing. */
    @FunctionalInterface
    public interface SqlConsumer {
        void accept(Connection connection) throws SQLException;
    }
}
