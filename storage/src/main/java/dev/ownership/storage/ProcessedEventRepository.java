package dev.ownership.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * Remembers which Slack events were already processed, so that retries and redeliveries have one effect.
 *
 * <p>Thread-safe.
 */
public final class ProcessedEventRepository {
    private final Database database;

    public ProcessedEventRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Records {@code eventId} as processed.
     *
     * @return {@code true} the first time an id is seen, {@code false} for a retry or redelivery
     */
    public boolean markProcessed(String eventId, String eventType, Instant receivedAt) {
        Objects.requireNonNull(eventId, "eventId");
        return database.writeStatement(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    INSERT INTO processed_events (event_id, event_type, received_at)
                    VALUES (?, ?, ?)
                    ON CONFLICT (event_id) DO NOTHING
                    """)) {
                statement.setString(1, eventId);
                statement.setString(2, eventType == null ? "unknown" : eventType);
                statement.setLong(3, receivedAt.toEpochMilli());
                return statement.executeUpdate() == 1;
            }
        });
    }

    /** Forgets one event id, so that Slack's retry of an event whose handling failed is processed. */
    public void forget(String eventId) {
        database.write(connection -> {
            try (var statement = connection.prepareStatement("DELETE FROM processed_events WHERE event_id = ?")) {
                statement.setString(1, eventId);
                statement.executeUpdate();
            }
        });
    }

    /** Forgets event ids received before {@code cutoff}; Slack stops retrying long before that. */
    public int pruneBefore(Instant cutoff) {
        return database.inTransaction(connection -> {
            try (var statement = connection.prepareStatement("DELETE FROM processed_events WHERE received_at < ?")) {
                statement.setLong(1, cutoff.toEpochMilli());
                return statement.executeUpdate();
            }
        });
    }
}
