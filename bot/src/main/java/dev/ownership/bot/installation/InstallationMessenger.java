package dev.ownership.bot.installation;

/** Sends the installation feature's private messages (the wiring hands it the App Home's DM sender). */
@FunctionalInterface
public interface InstallationMessenger {
    /**
     * Sends {@code text} (mrkdwn) to {@code userId} as a DM.
     *
     * @return whether Slack accepted it
     */
    boolean dm(String userId, String text);
}
