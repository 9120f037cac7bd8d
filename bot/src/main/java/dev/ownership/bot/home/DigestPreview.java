package dev.ownership.bot.home;

/** Shows a team's lead the digest of the week so far, privately. Calls may block on Slack. */
@FunctionalInterface
public interface DigestPreview {
    /** Previews the digest of the team of {@code channelId} for {@code userId}, one of its leads. */
    void preview(String userId, String channelId);
}
