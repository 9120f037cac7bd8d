package dev.ownership.storage.learning;

import dev.ownership.storage.Database;
import dev.ownership.storage.prompt.SharedItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Reads the learnings library: the learnings of some teams, best matches of a search first (bm25 over the FTS5 index
 * {@code learnings_fts}), or the latest.
 *
 * <p>Every query is limited to the channels it is given: callers decide whose library a person may read. The
 * index is written by the database's own triggers, never here. Thread-safe.
 */
public final class LearningLibraryRepository {
    /** bm25 weights: the text counts, the channel column only filters. */
    private static final String RANK = "bm25(learnings_fts, 1.0, 0.0)";

    private final Database database;

    public LearningLibraryRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * The learnings of {@code channelIds} that hold every term, best match first (newest first among equals); when
     * none holds them all, nothing: see {@link #searchAny}.
     */
    public List<SharedItem> searchAll(Collection<String> channelIds, SearchTerms terms, int limit) {
        return search(channelIds, terms, true, limit);
    }

    /** The learnings of {@code channelIds} that hold at least one of the terms, best match first. */
    public List<SharedItem> searchAny(Collection<String> channelIds, SearchTerms terms, int limit) {
        return search(channelIds, terms, false, limit);
    }

    /** The latest learnings of {@code channelIds}, newest first. */
    public List<SharedItem> latest(Collection<String> channelIds, int limit) {
        List<String> channels = List.copyOf(channelIds);
        if (channels.isEmpty() || limit <= 0) {
            return List.of();
        }
        String sql = "SELECT id, channel_id, user_id, text, created_at, message_ts FROM learnings WHERE channel_id IN ("
                + placeholders(channels.size()) + ") ORDER BY created_at DESC, id DESC LIMIT ?";
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int index = bindChannels(statement, 1, channels);
                statement.setInt(index, limit);
                return items(statement);
            }
        });
    }

    /** How many learnings {@code channelIds} hold. */
    public int count(Collection<String> channelIds) {
        List<String> channels = List.copyOf(channelIds);
        if (channels.isEmpty()) {
            return 0;
        }
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT count(*) FROM learnings WHERE channel_id IN (" + placeholders(channels.size()) + ")")) {
                bindChannels(statement, 1, channels);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    private List<SharedItem> search(Collection<String> channelIds, SearchTerms terms, boolean all, int limit) {
        Objects.requireNonNull(terms, "terms");
        List<String> channels = List.copyOf(channelIds);
        if (channels.isEmpty() || terms.isEmpty() || limit <= 0) {
            return List.of();
        }
        String match = SearchTerms.channels(channels) + " AND " + (all ? terms.allOf() : terms.anyOf());
        // The channel filter in MATCH makes the index do the narrowing; the one on the table is the rule itself.
        // CROSS JOIN keeps the full-text query the outer loop: with the team's rows outside, SQLite would run the
        // whole MATCH once for each of them.
        String sql =
                """
                SELECT l.id, l.channel_id, l.user_id, l.text, l.created_at, l.message_ts
                  FROM learnings_fts
                 CROSS JOIN learnings l ON l.id = learnings_fts.rowid
                 WHERE learnings_fts MATCH ? AND l.channel_id IN (%s)
                 ORDER BY %s, l.created_at DESC, l.id DESC
                 LIMIT ?
                """
                        .formatted(placeholders(channels.size()), RANK);
        return database.read(connection -> query(connection, sql, match, channels, limit));
    }

    private static List<SharedItem> query(
            Connection connection, String sql, String match, List<String> channels, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, match);
            int index = bindChannels(statement, 2, channels);
            statement.setInt(index, limit);
            return items(statement);
        }
    }

    private static int bindChannels(PreparedStatement statement, int first, List<String> channels) throws SQLException {
        int index = first;
        for (String channel : channels) {
            statement.setString(index++, channel);
        }
        return index;
    }

    private static List<SharedItem> items(PreparedStatement statement) throws SQLException {
        List<SharedItem> items = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                items.add(SharedItem.fromRow(rows));
            }
        }
        return items;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
