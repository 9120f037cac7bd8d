package dev.ownership.storage.blocker;

import static dev.ownership.storage.blocker.LongBlockerRepository.execute;

import dev.ownership.storage.Database;
import dev.ownership.storage.nudge.PostKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Replies by others in blockers' threads, blockers their authors resolved, and the people credited with unblocking
 * them, with their thank-you (claimed before it is sent, at most one per helper and day). Ids and times only.
 *
 * <p>Thread-safe.
 */
public final class UnblockRepository {
    private static final String COLUMNS = "channel_id, ts, helper_id, author_id, reply_ts, resolved_at, thanks_state";

    /** Why a credit does not count: the helper turned out to be a bot. */
    public static final String NOT_A_PERSON = "bot";

    /** Credits that count: every one but a bot's. */
    private static final String COUNTED = " AND thanks_reason IS NOT '" + NOT_A_PERSON + "'";

    private final Database database;

    public UnblockRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Records that {@code userId} (not the author) replied in the thread of the blocker {@code post}. */
    public boolean recordReply(PostKey post, String replyTs, String userId, Instant at) {
        return database.writeStatement(connection -> execute(
                        connection,
                        "INSERT INTO blocker_replies (channel_id, reply_ts, thread_ts, user_id, replied_at) VALUES (?,"
                                + " ?, ?, ?, ?) ON CONFLICT (channel_id, reply_ts) DO NOTHING",
                        post.channelId(),
                        replyTs,
                        post.ts(),
                        userId,
                        at.toEpochMilli())
                > 0);
    }

    /** The recorded reply {@code replyTs} in {@code channelId}, if it is someone's reply in a blocker's thread. */
    public Optional<Reply> reply(String channelId, String replyTs) {
        return replies("channel_id = ? AND reply_ts = ?", channelId, replyTs);
    }

    /** The last reply in the blocker's thread by someone other than {@code authorId}, before {@code before}. */
    public Optional<Reply> lastHelperReply(PostKey post, String authorId, Instant before) {
        return replies(
                "channel_id = ? AND thread_ts = ? AND user_id <> ? AND replied_at <= ? ORDER BY replied_at DESC,"
                        + " reply_ts DESC LIMIT 1",
                post.channelId(),
                post.ts(),
                authorId,
                before.toEpochMilli());
    }

    private Optional<Reply> replies(String where, Object... values) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT channel_id, thread_ts, reply_ts, user_id FROM blocker_replies WHERE " + where)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next()
                            ? Optional.of(new Reply(
                                    new PostKey(rows.getString("channel_id"), rows.getString("thread_ts")),
                                    rows.getString("reply_ts"),
                                    rows.getString("user_id")))
                            : Optional.empty();
                }
            }
        });
    }

    /**
     * Records that the author resolved the blocker, and credits {@code helper} (may be empty) in the same transaction;
     * the helper's thank-you is due at {@code now}.
     *
     * @return whether this was the blocker's first resolution (a second one changes nothing)
     */
    public boolean resolve(PostKey post, String via, String authorId, Optional<Reply> helper, Instant now) {
        return database.inTransaction(connection -> {
            boolean first = execute(
                            connection,
                            "INSERT INTO blocker_resolutions (channel_id, ts, resolved_at, via) VALUES (?, ?, ?, ?)"
                                    + " ON CONFLICT (channel_id, ts) DO NOTHING",
                            post.channelId(),
                            post.ts(),
                            now.toEpochMilli(),
                            via)
                    > 0;
            if (first && helper.isPresent()) {
                execute(
                        connection,
                        """
                        INSERT INTO unblocks (channel_id, ts, helper_id, author_id, reply_ts, resolved_at, thanks_state,
                                              thanks_due_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'due', ?, ?)
                        """,
                        post.channelId(),
                        post.ts(),
                        helper.get().userId(),
                        authorId,
                        helper.get().replyTs(),
                        now.toEpochMilli(),
                        now.toEpochMilli(),
                        now.toEpochMilli());
            }
            return first;
        });
    }

    /** Whether the blocker was resolved. */
    public boolean isResolved(PostKey post) {
        return database.read(connection -> {
            try (var statement =
                    connection.prepareStatement("SELECT 1 FROM blocker_resolutions WHERE channel_id = ? AND ts = ?")) {
                statement.setString(1, post.channelId());
                statement.setString(2, post.ts());
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    /** The posts of {@code channelId} posted in {@code [from, to)} that their authors resolved. */
    public Set<String> resolvedPosts(String channelId, Instant from, Instant to) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    SELECT r.ts FROM blocker_resolutions r
                      JOIN standup_posts p ON p.channel_id = r.channel_id AND p.ts = r.ts
                     WHERE r.channel_id = ? AND p.posted_at >= ? AND p.posted_at < ?
                    """)) {
                statement.setString(1, channelId);
                statement.setLong(2, from.toEpochMilli());
                statement.setLong(3, to.toEpochMilli());
                Set<String> found = new HashSet<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
                return found;
            }
        });
    }

    /** The credit for the blocker {@code post}, if someone was credited. */
    public Optional<Unblock> find(PostKey post) {
        List<Unblock> found = select("channel_id = ? AND ts = ?", post.channelId(), post.ts());
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Thank-yous due at {@code now}, oldest first. */
    public List<Unblock> dueThanks(Instant now, int limit) {
        return select(
                "thanks_state = 'due' AND thanks_due_at <= ? ORDER BY thanks_due_at LIMIT ?",
                now.toEpochMilli(),
                limit);
    }

    /** Every credit of the team of {@code channelId} resolved in {@code [from, to)}, oldest first. */
    public List<Unblock> creditedIn(String channelId, Instant from, Instant to) {
        return select(
                "channel_id = ? AND resolved_at >= ? AND resolved_at < ?" + COUNTED + " ORDER BY resolved_at",
                channelId,
                from.toEpochMilli(),
                to.toEpochMilli());
    }

    /** Every credit of {@code helperId} from {@code since}, oldest first. */
    public List<Unblock> byHelper(String helperId, Instant since) {
        return select(
                "helper_id = ? AND resolved_at >= ?" + COUNTED + " ORDER BY resolved_at",
                helperId,
                since.toEpochMilli());
    }

    /** Holds a due thank-you until {@code at} (outside the helper's working hours). */
    public boolean rescheduleThanks(PostKey post, Instant at, Instant now) {
        return thanks(post, "thanks_due_at = ?", "thanks_state = 'due'", now, at.toEpochMilli());
    }

    /** Settles a due thank-you without sending it, saying why. */
    public boolean skipThanks(PostKey post, String reason, Instant now) {
        return thanks(post, "thanks_state = 'skipped', thanks_reason = ?", "thanks_state = 'due'", now, reason);
    }

    /**
     * Claims a due thank-you for sending, unless the helper was already thanked on {@code localDate}: then it is
     * skipped (the credit stays). One transaction, so two deliveries cannot both thank the same person that day.
     *
     * @return whether this delivery owns the thank-you and must send it
     */
    public boolean claimThanks(PostKey post, String helperId, LocalDate localDate, Instant now) {
        return database.inTransaction(connection -> {
            boolean thankedToday;
            try (var statement = connection.prepareStatement(
                    "SELECT 1 FROM unblocks WHERE helper_id = ? AND thanks_date = ? AND thanks_state IN ('sending',"
                            + " 'sent', 'failed')")) {
                statement.setString(1, helperId);
                statement.setString(2, localDate.toString());
                try (ResultSet rows = statement.executeQuery()) {
                    thankedToday = rows.next();
                }
            }
            if (thankedToday) {
                execute(
                        connection,
                        "UPDATE unblocks SET thanks_state = 'skipped', thanks_reason = 'daily_limit', updated_at = ?"
                                + " WHERE channel_id = ? AND ts = ? AND thanks_state = 'due'",
                        now.toEpochMilli(),
                        post.channelId(),
                        post.ts());
                return false;
            }
            return execute(
                            connection,
                            "UPDATE unblocks SET thanks_state = 'sending', thanks_date = ?, thanked_at = ?, updated_at"
                                    + " = ? WHERE channel_id = ? AND ts = ? AND thanks_state = 'due'",
                            localDate.toString(),
                            now.toEpochMilli(),
                            now.toEpochMilli(),
                            post.channelId(),
                            post.ts())
                    > 0;
        });
    }

    /** Settles a claimed thank-you: {@code sent} or {@code failed} (not tried again). */
    public boolean settleThanks(PostKey post, String outcome, Instant now) {
        return thanks(post, "thanks_state = ?", "thanks_state = 'sending'", now, outcome);
    }

    /** Marks thank-yous left half-sent by a crash failed: never sent twice. */
    public int failInterruptedThanks(Instant claimedBefore, Instant now) {
        return database.inTransaction(connection -> execute(
                connection,
                "UPDATE unblocks SET thanks_state = 'failed', thanks_reason = 'interrupted', updated_at = ? WHERE"
                        + " thanks_state = 'sending' AND thanked_at < ?",
                now.toEpochMilli(),
                claimedBefore.toEpochMilli()));
    }

    private boolean thanks(PostKey post, String set, String when, Instant now, Object value) {
        return database.writeStatement(connection -> execute(
                        connection,
                        "UPDATE unblocks SET " + set + ", updated_at = ? WHERE channel_id = ? AND ts = ? AND (" + when
                                + ")",
                        value,
                        now.toEpochMilli(),
                        post.channelId(),
                        post.ts())
                > 0);
    }

    private List<Unblock> select(String where, Object... values) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM unblocks WHERE " + where)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                return list(statement);
            }
        });
    }

    private static List<Unblock> list(PreparedStatement statement) throws SQLException {
        List<Unblock> found = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.add(new Unblock(
                        rows.getString("channel_id"),
                        rows.getString("ts"),
                        rows.getString("helper_id"),
                        rows.getString("author_id"),
                        rows.getString("reply_ts"),
                        Instant.ofEpochMilli(rows.getLong("resolved_at")),
                        rows.getString("thanks_state")));
            }
        }
        return found;
    }

    /**
     * A reply by someone other than the author in a blocker's thread.
     *
     * @param post the blocker post whose thread it is in
     * @param replyTs the reply
     * @param userId who replied
     */
    public record Reply(PostKey post, String replyTs, String userId) {}
}
