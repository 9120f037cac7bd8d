package dev.ownership.simulator;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A public or private channel of the simulated workspace and its members, in the order they joined.
 *
 * <p>The bot ({@link SlackSimulator#BOT_USER_ID}) is a member only when listed, as in Slack, where an app must be
 * invited or call {@code conversations.join}.
 *
 * @param id the channel id, {@code C…}
 * @param name the name without {@code #}
 * @param isPrivate whether the channel is private
 * @param members user ids of the members
 */
public record SimChannel(String id, String name, boolean isPrivate, Set<String> members) {

    /** Keeps an unmodifiable copy of the members in their given order. */
    public SimChannel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        members = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(members, "members")));
    }

    public static SimChannel publicChannel(String id, String name, String... members) {
        return new SimChannel(id, name, false, new LinkedHashSet<>(List.of(members)));
    }

    public static SimChannel privateChannel(String id, String name, String... members) {
        return new SimChannel(id, name, true, new LinkedHashSet<>(List.of(members)));
    }

    public boolean hasMember(String userId) {
        return members.contains(userId);
    }

    public SimChannel withMember(String userId) {
        Set<String> joined = new LinkedHashSet<>(members);
        joined.add(userId);
        return new SimChannel(id, name, isPrivate, joined);
    }

    public SimChannel withoutMember(String userId) {
        Set<String> remaining = new LinkedHashSet<>(members);
        remaining.remove(userId);
        return new SimChannel(id, name, isPrivate, remaining);
    }
}
