package dev.ownership.bot.workspace;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the domain needs to know about people and channels. Implemented by the Slack edge, which caches.
 *
 * <p>Implementations are thread-safe. Calls may block on the network: never call them on the ack path.
 */
public interface Workspace {
    /** The person with {@code userId}, or empty if Slack does not know them. */
    Optional<Person> person(String userId);

    /** The channel with {@code channelId}, or empty if it does not exist or the bot cannot see it. */
    Optional<ChannelInfo> channel(String channelId);

    /**
     * Joins a public channel.
     *
     * @return whether the bot is now a member
     */
    boolean join(String channelId);

    /** The human members of a channel (bots and deactivated accounts excluded). */
    List<String> members(String channelId);

    /**
     * Every member of a channel as Slack lists them, bots included, without looking anyone up; empty when Slack
     * would not say (the channel is gone, or the bot was removed from it).
     */
    Optional<List<String>> memberIds(String channelId);

    /**
     * Everyone in the workspace as Slack lists them, page by page, keyed by user id; empty when Slack would not list
     * them all. Also refreshes what is cached of each person.
     */
    Optional<Map<String, Person>> everyone();

    /** Forgets cached knowledge of a person, e.g. after a {@code user_change} event. */
    void forget(String userId);
}
