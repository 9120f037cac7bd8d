package dev.ownership.bot.prompt;

import com.slack.api.bolt.App;
import com.slack.api.model.event.MemberJoinedChannelEvent;
import com.slack.api.model.event.MemberLeftChannelEvent;
import dev.ownership.bot.slack.BackgroundWork;
import dev.ownership.bot.slack.Listener;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * {@code member_joined_channel} and {@code member_left_channel}: a team's members follow its channel's, and whoever
 * joins is told about it ({@code onJoined}, which the wiring points at the introductions). The bot's own
 * {@code member_left_channel} (it was removed from the channel) goes to {@code botLeft} instead, before the ack.
 */
public final class MembershipSlackListener implements Listener {
    private final TeamMembership membership;
    private final BiConsumer<String, String> onJoined;
    private final BackgroundWork work;
    private final String botUserId;
    private final Consumer<String> botLeft;

    /**
     * @param onJoined told who joined which channel, after the ack
     * @param botUserId the bot's own user id
     * @param botLeft told the channel the bot was removed from; must return quickly
     */
    public MembershipSlackListener(
            TeamMembership membership,
            BiConsumer<String, String> onJoined,
            BackgroundWork work,
            String botUserId,
            Consumer<String> botLeft) {
        this.membership = Objects.requireNonNull(membership, "membership");
        this.onJoined = Objects.requireNonNull(onJoined, "onJoined");
        this.work = Objects.requireNonNull(work, "work");
        this.botUserId = Objects.requireNonNull(botUserId, "botUserId");
        this.botLeft = Objects.requireNonNull(botLeft, "botLeft");
    }

    @Override
    public void register(App app) {
        app.event(MemberJoinedChannelEvent.class, (payload, context) -> {
            String channel = payload.getEvent().getChannel();
            String user = payload.getEvent().getUser();
            work.submit("members.joined", () -> {
                membership.joined(channel, user);
                onJoined.accept(channel, user);
            });
            return context.ack();
        });
        app.event(MemberLeftChannelEvent.class, (payload, context) -> {
            String channel = payload.getEvent().getChannel();
            String user = payload.getEvent().getUser();
            if (botUserId.equals(user)) {
                botLeft.accept(channel);
            } else {
                work.submit("members.left", () -> membership.left(channel, user));
            }
            return context.ack();
        });
    }
}
