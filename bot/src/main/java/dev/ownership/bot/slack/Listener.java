package dev.ownership.bot.slack;

import com.slack.api.bolt.App;

/** A group of Bolt listeners for one feature; each listener parses, hands on to the domain and acks. */
public interface Listener {
    /** Adds this group's listeners to {@code app}. */
    void register(App app);
}
