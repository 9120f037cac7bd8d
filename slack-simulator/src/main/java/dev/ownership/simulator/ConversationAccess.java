package dev.ownership.simulator;

import java.util.Optional;

/**
 * Resolves a {@code channel} argument to a conversation and applies Slack's rules for what the bot may do there.
 *
 * <p>Stateless over the workspace it reads; thread-safe.
 */
final class ConversationAccess {
    private final SimWorkspace workspace;

    ConversationAccess(SimWorkspace workspace) {
        this.workspace = workspace;
    }

    /** How Slack classifies a conversation, with the {@code channel_type} its events carry. */
    enum Kind {
        PUBLIC("channel"),
        PRIVATE("group"),
        IM("im");

        private final String channelType;

        Kind(String channelType) {
            this.channelType = channelType;
        }

        String channelType() {
            return channelType;
        }
    }

    /**
     * A resolved conversation.
     *
     * @param id the conversation id (a {@code D…} id for direct messages)
     * @param kind public, private or a direct message
     * @param channel the channel, or {@code null} for a direct message
     * @param dmUser the other party of a direct message, or {@code null}
     */
    record Conversation(String id, Kind kind, SimChannel channel, SimUser dmUser) {
        boolean botIsMember() {
            return kind == Kind.IM || channel.hasMember(SlackSimulator.BOT_USER_ID);
        }

        boolean hasMember(String userId) {
            if (kind == Kind.IM) {
                return dmUser.id().equals(userId) || SlackSimulator.BOT_USER_ID.equals(userId);
            }
            return channel.hasMember(userId);
        }
    }

    /**
     * Resolves a conversation id; for posting, also a user id (their direct message, as Slack does for bots) or a
     * channel name. Unknown ones are {@code channel_not_found}.
     */
    Conversation resolve(String channelArgument, boolean forPosting) {
        if (channelArgument == null) {
            throw new SlackError("channel_not_found");
        }
        String argument = channelArgument.strip();
        if (forPosting && (argument.startsWith("U") || argument.startsWith("W"))) {
            SimUser user = workspace.user(argument).orElseThrow(() -> new SlackError("channel_not_found"));
            return new Conversation(workspace.dmChannelOf(user.id()), Kind.IM, null, user);
        }
        if (argument.startsWith("D")) {
            String userId = workspace.userOfDm(argument).orElseThrow(() -> new SlackError("channel_not_found"));
            SimUser user = workspace.user(userId).orElseThrow(() -> new SlackError("channel_not_found"));
            return new Conversation(argument, Kind.IM, null, user);
        }
        SimChannel channel = workspace
                .channel(argument)
                .or(() -> forPosting ? workspace.channelNamed(argument) : Optional.empty())
                .orElseThrow(() -> new SlackError("channel_not_found"));
        return new Conversation(channel.id(), channel.isPrivate() ? Kind.PRIVATE : Kind.PUBLIC, channel, null);
    }

    /** Private channels the bot is not in do not exist for it; public ones answer {@code not_in_channel}. */
    void requireBotMember(Conversation conversation) {
        requireVisible(conversation);
        if (!conversation.botIsMember()) {
            throw new SlackError("not_in_channel");
        }
    }

    /** Private channels the bot is not in are {@code channel_not_found}; anything else can be looked at. */
    void requireVisible(Conversation conversation) {
        if (conversation.kind() == Kind.PRIVATE && !conversation.botIsMember()) {
            throw new SlackError("channel_not_found");
        }
    }

    /** The bot can't message other bots, nor deactivated accounts. */
    void requirePostable(Conversation conversation) {
        requireBotMember(conversation);
        if (conversation.kind() == Kind.IM) {
            if (conversation.dmUser().bot()) {
                throw new SlackError("cannot_dm_bot");
            }
            if (conversation.dmUser().deleted()) {
                throw new SlackError("account_inactive");
            }
        }
    }
}
