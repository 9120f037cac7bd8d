package dev.ownership.bot.introduction;

/** Where introductions go out: implemented at the Slack edge. */
public interface IntroductionMessenger {
    /**
     * Posts {@code text} (Slack mrkdwn) in a channel or, given a user id, as a DM.
     *
     * @return whether Slack accepted it
     */
    boolean post(String channelOrUserId, String text);
}
