package dev.ownership.bot.prompt;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import dev.ownership.bot.slack.SlackApi;
import dev.ownership.bot.slack.SlackCallException;
import dev.ownership.storage.prompt.PromptDelivery.Key;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standup's Slack side: the answers posted in the team's channel ({@code chat.postMessage}), edited
 * ({@code chat.update}) and read back for an edit ({@code conversations.history}, since the bot keeps no copy), the
 * reminder DM, and the DMs settled. Thread-safe.
 */
public final class StandupSlackMessenger implements StandupMessenger {
    private static final Logger log = LoggerFactory.getLogger(StandupSlackMessenger.class);

    private final SlackApi api;

    public StandupSlackMessenger(SlackApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public Optional<String> post(String channelId, StandupAnswers answers) {
        try {
            ChatPostMessageResponse response = api.post(r -> r.channel(channelId)
                    .text(StandupSlackBlocks.postText(answers))
                    .blocks(StandupSlackBlocks.post(answers))
                    .unfurlLinks(false)
                    .unfurlMedia(false));
            return response.isOk() ? Optional.of(response.getTs()) : Optional.empty();
        } catch (SlackCallException e) {
            log.warn("Posting the standup of {} in {} failed: {}", answers.userId(), channelId, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public boolean update(String channelId, String ts, StandupAnswers answers) {
        try {
            ChatUpdateResponse response = api.call(
                    "chat.update",
                    methods -> methods.chatUpdate(r -> r.channel(channelId)
                            .ts(ts)
                            .text(StandupSlackBlocks.postText(answers))
                            .blocks(StandupSlackBlocks.post(answers))));
            return response.isOk();
        } catch (SlackCallException e) {
            log.warn("Updating the standup of {} in {} failed: {}", answers.userId(), channelId, e.getMessage());
            return false;
        }
    }

    @Override
    public Optional<StandupAnswers> read(String channelId, String ts, String userId) {
        try {
            ConversationsHistoryResponse response = api.call(
                    "conversations.history",
                    methods -> methods.conversationsHistory(r -> r.channel(channelId)
                            .latest(ts)
                            .oldest(ts)
                            .inclusive(true)
                            .limit(1)));
            if (!response.isOk() || response.getMessages() == null) {
                return Optional.empty();
            }
            return response.getMessages().stream()
                    .filter(message -> ts.equals(message.getTs()))
                    .map(Message::getBlocks)
                    .findFirst()
                    .flatMap(blocks -> StandupSlackBlocks.readPost(blocks, userId));
        } catch (SlackCallException e) {
            log.warn("Reading the standup of {} in {} failed: {}", userId, channelId, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public PromptMessenger.Sent remind(Key key, String channelName, boolean canSnooze) {
        try {
            ChatPostMessageResponse response = api.post(r -> r.channel(key.userId())
                    .text("Your standup for #" + channelName + " is still open today")
                    .blocks(StandupSlackBlocks.reminder(key, channelName, canSnooze)));
            return response.isOk()
                    ? PromptMessenger.Sent.ok(response.getChannel(), response.getTs())
                    : PromptMessenger.Sent.failed(response.getError());
        } catch (SlackCallException e) {
            return PromptMessenger.Sent.failed(e.getMessage());
        }
    }

    @Override
    public void settle(String dmChannel, String dmTs, String outcome, Key editable) {
        try {
            // An ok:false here is logged by SlackApi; what the person did is recorded either way.
            api.call(
                    "chat.update",
                    methods -> methods.chatUpdate(r -> r.channel(dmChannel)
                            .ts(dmTs)
                            .text(outcome)
                            .blocks(StandupSlackBlocks.settled(outcome, editable))));
        } catch (SlackCallException e) {
            log.warn("Updating a standup DM failed: {}", e.getMessage());
        }
    }
}
