package dev.ownership.bot.home;

/** What the App Home needs from Slack. Implemented by the Slack edge; calls block on the network. */
public interface HomeMessenger {
    /** Publishes the page as the person's App Home tab. */
    void publish(HomePage page);

    /**
     * Sends a private message to the person by DM.
     *
     * @return whether Slack accepted it
     */
    boolean dm(String userId, String text);
}
