package dev.ownership.bot.installation;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.ChannelArchiveEvent;
import com.slack.api.model.event.ChannelLeftEvent;
import com.slack.api.model.event.GroupArchiveEvent;
import com.slack.api.model.event.GroupLeftEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import dev.ownership.bot.slack.BackgroundWork;
import dev.ownership.bot.slack.Listener;
import java.util.List;
import java.util.Objects;

/**
 * {@code app_uninstalled} and {@code tokens_revoked} close the bot's access before the ack, so that nothing scheduled
 * starts after it; {@code channel_archive}, {@code group_archive} and the bot's own {@code channel_left} and
 * {@code group_left} unwatch the channel after the ack. (The bot's own {@code member_left_channel} is the prompt
 * slice's event; the wiring routes it to {@link ChannelLoss} too.)
 */
public final class InstallationSlackListener implements Listener {
    private final Installation installation;
    private final ChannelLoss channels;
    private final BackgroundWork work;
    private final String botUserId;

    /** @param botUserId the bot's own user id, as {@code auth.test} reported it */
    public InstallationSlackListener(
            Installation installation, ChannelLoss channels, BackgroundWork work, String botUserId) {
        this.installation = Objects.requireNonNull(installation, "installation");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.work = Objects.requireNonNull(work, "work");
        this.botUserId = Objects.requireNonNull(botUserId, "botUserId");
    }

    @Override
    public void register(App app) {
        app.event(AppUninstalledEvent.class, (payload, context) -> {
            installation.uninstalled();
            return context.ack();
        });
        app.event(TokensRevokedEvent.class, (payload, context) -> {
            TokensRevokedEvent.Tokens tokens = payload.getEvent().getTokens();
            List<String> bots = tokens == null || tokens.getBot() == null ? List.of() : tokens.getBot();
            installation.tokensRevoked(bots, botUserId);
            return context.ack();
        });
        app.event(ChannelArchiveEvent.class, (payload, context) -> {
            lost(payload.getEvent().getChannel(), ChannelLoss.Reason.ARCHIVED);
            return context.ack();
        });
        app.event(GroupArchiveEvent.class, (payload, context) -> {
            lost(payload.getEvent().getChannel(), ChannelLoss.Reason.ARCHIVED);
            return context.ack();
        });
        app.event(ChannelLeftEvent.class, (payload, context) -> {
            lost(payload.getEvent().getChannel(), ChannelLoss.Reason.BOT_REMOVED);
            return context.ack();
        });
        app.event(GroupLeftEvent.class, (payload, context) -> {
            lost(payload.getEvent().getChannel(), ChannelLoss.Reason.BOT_REMOVED);
            return context.ack();
        });
    }

    /** Hands the bot's own departure from a channel, reported by {@code member_left_channel}, to the same path. */
    public void botLeft(String channelId) {
        lost(channelId, ChannelLoss.Reason.BOT_REMOVED);
    }

    private void lost(String channelId, ChannelLoss.Reason reason) {
        if (channelId != null) {
            work.submit("installation.channel-lost", () -> channels.lost(channelId, reason));
        }
    }
}
