package dev.ownership.bot.command;

import java.util.Objects;
import java.util.Optional;

/**
 * A channel named in a command: an id (from {@code <#C123|name>} or a plain {@code C123}) or only a name
 * ({@code #standup}), or absent, meaning the channel the command was typed in.
 *
 * @param id the channel id, or {@code null} when only a name was given
 * @param name the name as typed or as Slack escaped it, or {@code null}
 */
public record ChannelRef(String id, String name) {
    private static final ChannelRef CURRENT = new ChannelRef(null, null);

    /** The channel the command was typed in. */
    public static ChannelRef current() {
        return CURRENT;
    }

    /** A channel known by id. */
    public static ChannelRef ofId(String id, String name) {
        return new ChannelRef(Objects.requireNonNull(id, "id"), name);
    }

    /** A channel known only by name. */
    public static ChannelRef ofName(String name) {
        return new ChannelRef(null, Objects.requireNonNull(name, "name"));
    }

    /** Whether no channel was named. */
    public boolean isCurrent() {
        return id == null && name == null;
    }

    /** The id, when one was given. */
    public Optional<String> optionalId() {
        return Optional.ofNullable(id);
    }
}
