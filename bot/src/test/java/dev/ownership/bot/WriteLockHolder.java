package dev.ownership.bot;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * Another process on the bot's database file, as an operator's {@code sqlite3} shell would be: takes the write lock
 * ({@code BEGIN IMMEDIATE}) and inserts a row, says {@code LOCKED}, then holds the lock until a line arrives on
 * standard input and at least {@code minimumHoldMillis} have passed, commits, and says {@code RELEASED} with the
 * wall-clock time just before its commit.
 *
 * <p>Usage: {@code WriteLockHolder DATABASE_FILE MINIMUM_HOLD_MILLIS}.
 */
public final class WriteLockHolder {
    private WriteLockHolder() {}

    public static void main(String[] args) throws Exception {
        String file = args[0];
        long minimumHoldMillis = Long.parseLong(args[1]);
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(10_000);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            statement.execute("BEGIN IMMEDIATE");
            statement.executeUpdate("INSERT INTO processed_events (event_id, event_type, received_at)"
                    + " VALUES ('EvLOCKHOLDER', 'lock_holder', 0)");
            long lockedAt = System.nanoTime();
            System.out.println("LOCKED");
            System.out.flush();
            input.readLine();
            long heldMillis = (System.nanoTime() - lockedAt) / 1_000_000;
            if (heldMillis < minimumHoldMillis) {
                Thread.sleep(minimumHoldMillis - heldMillis);
            }
            long releasing = System.currentTimeMillis();
            statement.execute("COMMIT");
            System.out.println("RELEASED " + releasing);
            System.out.flush();
        }
    }
}
