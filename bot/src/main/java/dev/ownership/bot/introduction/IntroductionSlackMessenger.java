package dev.ownership.bot.introduction;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.ownership.bot.slack.MrkdwnBlocks;
import dev.ownership.bot.slack.SlackApi;
import dev.ownership.bot.slack.SlackCallException;
import java.util.Objects;

/** Posts introductions with {@code chat.postMessage}: in the channel, or to a user id as a DM. Thread-safe. */
public final class IntroductionSlackMessenger implements IntroductionMessenger {
    private final SlackApi api;

    public IntroductionSlackMessenger(SlackApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public boolean post(String channelOrUserId, String text) {
        try {
            ChatPostMessageResponse response = api.post(r -> r.channel(channelOrUserId)
                    .text(MrkdwnBlocks.plainFallback(text))
                    .blocks(MrkdwnBlocks.blocks(text))
                    .unfurlLinks(false)
                    .unfurlMedia(false));
            return response.isOk();
        } catch (SlackCallException e) {
            return false;
        }
    }
}
