package dev.ownership.bot.risk;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.ownership.bot.slack.SlackApi;
import dev.ownership.bot.slack.SlackCallException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the register's DMs ({@code chat.postMessage} to the user id) and updates check-ins once answered. Rate
 * limits are waited out by {@link SlackApi}. Thread-safe.
 */
public final class RiskSlackMessenger implements RiskMessenger {
    private static final Logger log = LoggerFactory.getLogger(RiskSlackMessenger.class);

    private final SlackApi api;

    public RiskSlackMessenger(SlackApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public Sent sendCheckin(Checkin checkin) {
        ChatPostMessageResponse response = api.post(r -> r.channel(checkin.userId())
                .text("Is this risk still open?")
                .blocks(RiskSlackBlocks.checkin(checkin))
                .unfurlLinks(false)
                .unfurlMedia(false));
        return response.isOk() ? Sent.ok(response.getChannel(), response.getTs()) : Sent.failed(response.getError());
    }

    @Override
    public void settle(String dmChannel, String dmTs, String outcome) {
        try {
            // An ok:false here is logged by SlackApi; the change is recorded either way.
            api.call(
                    "chat.update",
                    methods -> methods.chatUpdate(
                            r -> r.channel(dmChannel).ts(dmTs).text(outcome).blocks(RiskSlackBlocks.settled(outcome))));
        } catch (SlackCallException e) {
            log.warn("Updating a risk check-in failed: {}", e.getMessage());
        }
    }

    @Override
    public void tell(String userId, String text) {
        try {
            api.post(r -> r.channel(userId).text(text).unfurlLinks(false));
        } catch (SlackCallException e) {
            log.warn("Telling {} about their risk failed: {}", userId, e.getMessage());
        }
    }
}
