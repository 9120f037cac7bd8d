package dev.ownership.bot.prompt;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.ownership.bot.slack.SlackApi;
import dev.ownership.bot.slack.SlackCallException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends prompts as DMs ({@code chat.postMessage} to the user id, no {@code conversations.open}), posts learnings in
 * team channels and tells leads about risks. Rate limits are waited out by {@link SlackApi}. Thread-safe.
 */
public final class PromptSlackMessenger implements PromptMessenger {
    private static final Logger log = LoggerFactory.getLogger(PromptSlackMessenger.class);

    private final SlackApi api;

    public PromptSlackMessenger(SlackApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public Sent send(PromptDm prompt) {
        ChatPostMessageResponse response = api.post(r -> r.channel(prompt.userId())
                .text(PromptSlackBlocks.fallbackText(prompt))
                .blocks(PromptSlackBlocks.prompt(prompt))
                .unfurlLinks(false)
                .unfurlMedia(false));
        return response.isOk() ? Sent.ok(response.getChannel(), response.getTs()) : Sent.failed(response.getError());
    }

    @Override
    public void update(String dmChannel, String dmTs, String outcome) {
        // An ok:false here is logged by SlackApi; the person's answer is already recorded either way.
        api.call(
                "chat.update",
                methods -> methods.chatUpdate(
                        r -> r.channel(dmChannel).ts(dmTs).text(outcome).blocks(PromptSlackBlocks.settled(outcome))));
    }

    @Override
    public Optional<String> postLearning(String channelId, String userId, String text) {
        return post(channelId, PromptSlackBlocks.learningPost(userId, text)).map(ChatPostMessageResponse::getTs);
    }

    @Override
    public boolean sendRisk(String recipientId, String channelId, String userId, String text) {
        return post(recipientId, PromptSlackBlocks.riskAlert(channelId, userId, text))
                .isPresent();
    }

    private Optional<ChatPostMessageResponse> post(String channel, String text) {
        try {
            ChatPostMessageResponse response = api.post(
                    r -> r.channel(channel).text(text).unfurlLinks(false).unfurlMedia(false));
            return response.isOk() ? Optional.of(response) : Optional.empty();
        } catch (SlackCallException e) {
            log.warn("Posting to {} failed: {}", channel, e.getMessage());
            return Optional.empty();
        }
    }
}
