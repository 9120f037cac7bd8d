package dev.ownership.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The people and channels of the simulated workspace, which the Web API answers from.
 *
 * <p>It starts with the bot user ({@link SlackSimulator#BOT_USER_ID}); tests add the rest. Every user has a direct
 * message channel with the bot whose id is {@link #dmChannelOf}. Deleting a user deactivates the account, as in
 * Slack: {@code users.info} still answers, with {@code deleted: true}. Thread-safe: every operation holds the
 * instance's lock, and the records handed out are immutable snapshots.
 */
public final class SimWorkspace {
    /** The bot user the simulator's app acts as. */
    static final SimUser BOT_USER = new SimUser(
            SlackSimulator.BOT_USER_ID, "ownership", "Ownership", "America/Los_Angeles", false, false, true, false);

    private final Map<String, SimUser> users = new LinkedHashMap<>();
    private final Map<String, SimChannel> channels = new LinkedHashMap<>();
    private final Map<String, String> dmByUser = new HashMap<>();
    private final Map<String, String> userByDm = new HashMap<>();

    SimWorkspace() {
        users.put(BOT_USER.id(), BOT_USER);
    }

    /** Adds the user, or replaces the one with the same id; returns it. */
    public synchronized SimUser addUser(SimUser user) {
        Objects.requireNonNull(user, "user");
        users.put(user.id(), user);
        return user;
    }

    /** Adds the channel, or replaces the one with the same id; returns it. */
    public synchronized SimChannel addChannel(SimChannel channel) {
        Objects.requireNonNull(channel, "channel");
        if (channel.id().startsWith("D")) {
            throw new IllegalArgumentException("D… ids are direct messages, see dmChannelOf: " + channel.id());
        }
        channels.put(channel.id(), channel);
        return channel;
    }

    public synchronized Optional<SimUser> user(String id) {
        return Optional.ofNullable(users.get(id));
    }

    public synchronized Optional<SimChannel> channel(String id) {
        return Optional.ofNullable(channels.get(id));
    }

    /** The channel with this name, with or without a leading {@code #}. */
    public synchronized Optional<SimChannel> channelNamed(String name) {
        String bare = name.startsWith("#") ? name.substring(1) : name;
        return channels.values().stream()
                .filter(channel -> channel.name().equals(bare))
                .findFirst();
    }

    /** Every user, the bot first, then in the order they were added. */
    public synchronized List<SimUser> users() {
        return List.copyOf(users.values());
    }

    /** Every channel in the order they were added (direct messages not included). */
    public synchronized List<SimChannel> channels() {
        return List.copyOf(channels.values());
    }

    /** Changes a user's timezone, as when they travel; send {@link SlackRequests#userChange} to tell the bot. */
    public synchronized void setTimezone(String userId, String tz) {
        users.put(userId, existingUser(userId).withTimezone(tz));
    }

    /** Deactivates the account; it stays in the workspace with {@code deleted: true}. */
    public synchronized void deleteUser(String userId) {
        users.put(userId, existingUser(userId).asDeleted());
    }

    public synchronized void join(String channelId, String userId) {
        channels.put(channelId, existingChannel(channelId).withMember(userId));
    }

    public synchronized void leave(String channelId, String userId) {
        channels.put(channelId, existingChannel(channelId).withoutMember(userId));
    }

    /**
     * The id of the direct message channel between the user and the bot: {@code D} followed by the user id without
     * its first letter ({@code U0ANNA} has {@code D0ANNA}), stable for the simulator's life.
     */
    public synchronized String dmChannelOf(String userId) {
        existingUser(userId);
        return dmByUser.computeIfAbsent(userId, this::allocateDm);
    }

    /** The user whose direct message channel with the bot this is. */
    public synchronized Optional<String> userOfDm(String dmChannelId) {
        if (!dmChannelId.startsWith("D")) {
            return Optional.empty();
        }
        Optional<String> known = Optional.ofNullable(userByDm.get(dmChannelId));
        if (known.isPresent()) {
            return known;
        }
        // DM ids follow from user ids, so one may be asked about before anything was sent to it.
        for (String userId : new ArrayList<>(users.keySet())) {
            if (dmChannelOf(userId).equals(dmChannelId)) {
                return Optional.of(userId);
            }
        }
        return Optional.empty();
    }

    private String allocateDm(String userId) {
        String candidate = "D" + userId.substring(1);
        int suffix = 2;
        while (userByDm.containsKey(candidate)) {
            candidate = "D" + userId.substring(1) + suffix++;
        }
        userByDm.put(candidate, userId);
        return candidate;
    }

    private SimUser existingUser(String userId) {
        SimUser user = users.get(userId);
        if (user == null) {
            throw new IllegalArgumentException("no user " + userId + " in the simulated workspace");
        }
        return user;
    }

    private SimChannel existingChannel(String channelId) {
        SimChannel channel = channels.get(channelId);
        if (channel == null) {
            throw new IllegalArgumentException("no channel " + channelId + " in the simulated workspace");
        }
        return channel;
    }
}
