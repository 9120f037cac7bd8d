package dev.ownership.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The messages of every simulated conversation, and the clock-derived {@code ts} values that identify them.
 *
 * <p>Thread-safe: every operation holds the instance's lock.
 */
final class MessageStore {
    static final Comparator<String> BY_TS = Comparator.comparingLong(MessageStore::micros);

    private final Clock clock;
    private final Map<String, TreeMap<String, StoredMessage>> channels = new HashMap<>();
    private final Map<String, StoredMessage> ephemerals = new HashMap<>();
    /** The {@code metadata} a message was posted with, by channel and ts. */
    private final Map<String, JsonNode> metadata = new HashMap<>();

    private long lastMicros;

    MessageStore(Clock clock) {
        this.clock = clock;
    }

    /**
     * A message as stored, with what Slack keeps beyond {@link SimMessage}.
     *
     * @param subtype Slack's message subtype ({@code bot_message}, {@code file_share}, …) or {@code null}
     * @param botId the posting bot's id for bot messages, else {@code null}
     * @param files the shared files' JSON for {@code file_share}, else {@code null}
     * @param editedTs when the message was last edited, or {@code null}
     * @param broadcast whether a thread reply was also sent to the channel
     */
    record StoredMessage(
            String channel,
            String ts,
            String threadTs,
            String user,
            String botId,
            String subtype,
            String text,
            JsonNode blocks,
            JsonNode files,
            String editedTs,
            boolean broadcast) {

        StoredMessage {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(ts, "ts");
        }

        static StoredMessage byUser(String channel, String ts, String threadTs, String user, String text) {
            return new StoredMessage(channel, ts, threadTs, user, null, null, text, null, null, null, false);
        }

        SimMessage toSimMessage() {
            return new SimMessage(channel, ts, threadTs, user, text, blocks);
        }

        boolean isReply() {
            return threadTs != null && !threadTs.equals(ts);
        }

        StoredMessage edited(String newText, JsonNode newBlocks, String editTs) {
            return new StoredMessage(
                    channel, ts, threadTs, user, botId, subtype, newText, newBlocks, files, editTs, broadcast);
        }

        StoredMessage asThreadParent() {
            return threadTs != null
                    ? this
                    : new StoredMessage(
                            channel, ts, ts, user, botId, subtype, text, blocks, files, editedTs, broadcast);
        }
    }

    /** A fresh {@code ts}: the clock's time in microseconds, strictly after every ts handed out before. */
    synchronized String nextTs() {
        lastMicros = Math.max(micros(clock.instant()), lastMicros + 1);
        return format(lastMicros);
    }

    /** Stores a message; a reply also marks its parent as a thread parent, as Slack does. */
    synchronized void add(StoredMessage message) {
        TreeMap<String, StoredMessage> messages =
                channels.computeIfAbsent(message.channel(), key -> new TreeMap<>(BY_TS));
        messages.put(message.ts(), message);
        if (message.isReply()) {
            StoredMessage parent = messages.get(message.threadTs());
            if (parent != null) {
                messages.put(parent.ts(), parent.asThreadParent());
            }
        }
    }

    /** Keeps the message metadata ({@code event_type}, {@code event_payload}) {@code channel}/{@code ts} carries. */
    synchronized void putMetadata(String channel, String ts, JsonNode value) {
        metadata.put(channel + "/" + ts, value);
    }

    /** The metadata message {@code channel}/{@code ts} was posted with, if any. */
    synchronized Optional<JsonNode> metadata(String channel, String ts) {
        return Optional.ofNullable(metadata.get(channel + "/" + ts));
    }

    synchronized Optional<StoredMessage> find(String channel, String ts) {
        TreeMap<String, StoredMessage> messages = channels.get(channel);
        return Optional.ofNullable(messages == null ? null : messages.get(ts));
    }

    /** Replaces a stored message with the same channel and ts. */
    synchronized void replace(StoredMessage message) {
        channels.computeIfAbsent(message.channel(), key -> new TreeMap<>(BY_TS)).put(message.ts(), message);
    }

    synchronized Optional<StoredMessage> remove(String channel, String ts) {
        TreeMap<String, StoredMessage> messages = channels.get(channel);
        return Optional.ofNullable(messages == null ? null : messages.remove(ts));
    }

    /** Every message of the conversation, replies included, oldest first. */
    synchronized List<StoredMessage> all(String channel) {
        TreeMap<String, StoredMessage> messages = channels.get(channel);
        return messages == null ? List.of() : List.copyOf(messages.values());
    }

    /** The thread's parent followed by its replies, oldest first; empty when there is no such message. */
    synchronized List<StoredMessage> thread(String channel, String threadTs) {
        List<StoredMessage> thread = new ArrayList<>();
        for (StoredMessage message : all(channel)) {
            if (message.ts().equals(threadTs) || threadTs.equals(message.threadTs())) {
                thread.add(message);
            }
        }
        return thread;
    }

    synchronized void addEphemeral(StoredMessage message) {
        ephemerals.put(message.channel() + "/" + message.ts(), message);
    }

    synchronized Optional<StoredMessage> findEphemeral(String channel, String ts) {
        return Optional.ofNullable(ephemerals.get(channel + "/" + ts));
    }

    /** The ephemeral messages shown in a conversation, oldest first. */
    synchronized List<StoredMessage> ephemerals(String channel) {
        return ephemerals.values().stream()
                .filter(message -> message.channel().equals(channel))
                .sorted(Comparator.comparing(StoredMessage::ts, BY_TS))
                .toList();
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    /** The ts as microseconds since the epoch; a ts without a fraction counts as whole seconds. */
    static long micros(String ts) {
        int dot = ts.indexOf('.');
        try {
            if (dot < 0) {
                return Long.parseLong(ts) * 1_000_000L;
            }
            String fraction = (ts.substring(dot + 1) + "000000").substring(0, 6);
            return Long.parseLong(ts.substring(0, dot)) * 1_000_000L + Long.parseLong(fraction);
        } catch (NumberFormatException notTs) {
            throw new IllegalArgumentException("not a Slack ts: " + ts, notTs);
        }
    }

    static String format(long micros) {
        return String.format("%d.%06d", micros / 1_000_000L, micros % 1_000_000L);
    }

    static boolean isTs(String value) {
        return value != null && value.matches("\\d{1,12}\\.\\d{6}");
    }
}
