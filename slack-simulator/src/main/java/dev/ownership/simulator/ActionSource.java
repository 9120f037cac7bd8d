package dev.ownership.simulator;

import java.util.Objects;

/** Where a user clicked: a message in a channel, an ephemeral message, a modal, or the App Home tab. */
public sealed interface ActionSource {

    /** A message the simulator holds in the channel's history (posted through the Web API or by a user). */
    static ActionSource message(String channel, String ts) {
        return new Message(channel, ts);
    }

    /** An ephemeral message the bot showed with {@code chat.postEphemeral} or a {@code response_url}. */
    static ActionSource ephemeral(String channel, String messageTs) {
        return new Ephemeral(channel, messageTs);
    }

    /** A modal opened, pushed or updated through the Web API. */
    static ActionSource view(String viewId) {
        return new View(viewId);
    }

    /** The App Home view published to the user. */
    static ActionSource home(String viewId) {
        return new Home(viewId);
    }

    /**
     * See {@link ActionSource#message}.
     *
     * @param channel the conversation id
     * @param ts the message's ts
     */
    record Message(String channel, String ts) implements ActionSource {
        /** Requires both ids. */
        public Message {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(ts, "ts");
        }
    }

    /**
     * See {@link ActionSource#ephemeral}.
     *
     * @param channel the conversation id
     * @param messageTs the {@code message_ts} the ephemeral post was answered with
     */
    record Ephemeral(String channel, String messageTs) implements ActionSource {
        /** Requires both ids. */
        public Ephemeral {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(messageTs, "messageTs");
        }
    }

    /**
     * See {@link ActionSource#view}.
     *
     * @param viewId the modal's view id
     */
    record View(String viewId) implements ActionSource {
        /** Requires the id. */
        public View {
            Objects.requireNonNull(viewId, "viewId");
        }
    }

    /**
     * See {@link ActionSource#home}.
     *
     * @param viewId the home view's id
     */
    record Home(String viewId) implements ActionSource {
        /** Requires the id. */
        public Home {
            Objects.requireNonNull(viewId, "viewId");
        }
    }
}
