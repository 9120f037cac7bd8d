package dev.ownership.bot.nudge;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.ownership.bot.slack.SlackApi;
import dev.ownership.bot.slack.SlackCallException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends nudges as Slack DMs and posts next steps in standup threads. Thread-safe. */
public final class NudgeSlackMessenger implements NudgeMessenger {
    private static final Logger log = LoggerFactory.getLogger(NudgeSlackMessenger.class);

    private final SlackApi api;

    public NudgeSlackMessenger(SlackApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public Delivery send(Nudge nudge) {
        String permalink = api.permalink(nudge.channelId(), nudge.ts());
        ChatPostMessageResponse response = api.post(r -> r.channel(nudge.userId())
                .text(NudgeSlackBlocks.fallbackText(nudge))
                .blocks(NudgeSlackBlocks.nudge(nudge, permalink))
                .unfurlLinks(false)
                .unfurlMedia(false));
        return response.isOk()
                ? Delivery.sent(response.getChannel(), response.getTs())
                : Delivery.failed(response.getError());
    }

    @Override
    public void update(String dmChannel, String dmTs, NudgeOutcome outcome) {
        // An ok:false here is logged by SlackApi; the person's decision is already recorded either way.
        String text = NudgeSlackBlocks.outcomeText(outcome);
        api.call(
                "chat.update",
                methods -> methods.chatUpdate(
                        r -> r.channel(dmChannel).ts(dmTs).text(text).blocks(NudgeSlackBlocks.settled(text))));
    }

    @Override
    public boolean postNextStep(String channelId, String ts, String userId, String step) {
        try {
            ChatPostMessageResponse response = api.post(r -> r.channel(channelId)
                    .threadTs(ts)
                    .text(NudgeSlackBlocks.stepInThread(userId, step))
                    .unfurlLinks(false));
            return response.isOk();
        } catch (SlackCallException e) {
            log.warn("Posting the next step of {} in {}/{} failed: {}", userId, channelId, ts, e.getMessage());
            return false;
        }
    }
}
