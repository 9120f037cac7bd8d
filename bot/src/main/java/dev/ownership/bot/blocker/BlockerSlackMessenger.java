package dev.ownership.bot.blocker;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.ownership.bot.nudge.NudgeMessenger.Delivery;
import dev.ownership.bot.slack.MrkdwnBlocks;
import dev.ownership.bot.slack.SlackApi;
import dev.ownership.bot.slack.SlackCallException;
import dev.ownership.storage.nudge.PostKey;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends the blocker feature's DMs through the Web API. Thread-safe. */
public final class BlockerSlackMessenger implements BlockerMessenger {
    private static final Logger log = LoggerFactory.getLogger(BlockerSlackMessenger.class);

    private final SlackApi api;

    public BlockerSlackMessenger(SlackApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public Delivery ask(Ask ask) {
        String permalink = api.permalink(ask.channelId(), ask.postTs());
        PostKey key = new PostKey(ask.channelId(), ask.postTs());
        ChatPostMessageResponse response = api.post(r -> r.channel(ask.userId())
                .text(MrkdwnBlocks.plainFallback("A blocker has been with you for a while: want a hand?"))
                .blocks(BlockerSlackBlocks.ask(ask, key, permalink))
                .unfurlLinks(false)
                .unfurlMedia(false));
        return response.isOk()
                ? Delivery.sent(response.getChannel(), response.getTs())
                : Delivery.failed(response.getError());
    }

    @Override
    public void answered(String dmChannel, String dmTs, String text) {
        api.call(
                "chat.update",
                methods -> methods.chatUpdate(
                        r -> r.channel(dmChannel).ts(dmTs).text(text).blocks(MrkdwnBlocks.blocks(text))));
    }

    @Override
    public boolean tellLead(String leadId, LeadMessage message) {
        return dm(leadId, BlockerSlackBlocks.leadText(message, api.permalink(message.channelId(), message.postTs())));
    }

    @Override
    public boolean thank(Thanks thanks) {
        return dm(
                thanks.helperId(),
                BlockerSlackBlocks.thanksText(thanks, api.permalink(thanks.channelId(), thanks.postTs())));
    }

    private boolean dm(String userId, String text) {
        try {
            ChatPostMessageResponse response = api.post(r -> r.channel(userId)
                    .text(MrkdwnBlocks.plainFallback(text))
                    .blocks(MrkdwnBlocks.blocks(text))
                    .unfurlLinks(false)
                    .unfurlMedia(false));
            return response.isOk();
        } catch (SlackCallException e) {
            log.warn("A DM to {} failed: {}", userId, e.getMessage());
            return false;
        }
    }
}
