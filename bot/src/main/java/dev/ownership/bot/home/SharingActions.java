package dev.ownership.bot.home;

/**
 * Shares a learning or flags a risk for a person in one of their teams, through the same service and with the same answers as
 * {@code /ownership learned} and {@code /ownership risk}, so the App Home's modals count exactly like the commands.
 * Calls may block on Slack.
 */
public interface SharingActions {
    /**
     * Shares {@code text} as {@code userId}'s learning with the team of {@code channelId}.
     *
     * @return what to tell the person (mrkdwn)
     */
    String shareLearning(String userId, String channelId, String text);

    /**
     * Flags {@code text} as a risk {@code userId} sees in the team of {@code channelId}.
     *
     * @return what to tell the person (mrkdwn)
     */
    String flagRisk(String userId, String channelId, String text);
}
