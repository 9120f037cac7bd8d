package dev.ownership.bot.workspace;

import java.util.Objects;

/**
 * A channel as the bot sees it.
 *
 * @param id the channel id
 * @param name the channel name without {@code #}
 * @param isPrivate whether it is a private channel (the bot cannot join those by itself)
 * @param botIsMember whether the bot is a member
 */
public record ChannelInfo(String id, String name, boolean isPrivate, boolean botIsMember) {
    public ChannelInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
