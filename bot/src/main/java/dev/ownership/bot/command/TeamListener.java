package dev.ownership.bot.command;

/** Told when an admin changes a team, so that what other features keep for the team follows. */
interface TeamListener {
    /** The channel was newly watched: for the first time, or again after {@code unwatch}. */
    void watched(String channelId);

    /** A setting that decides when things happen changed: the team was unwatched, or its working days changed. */
    void changed(String channelId);
}
