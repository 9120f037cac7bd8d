package dev.ownership.bot.blocker;

import com.slack.api.bolt.App;
import com.slack.api.model.event.ReactionAddedEvent;
import dev.ownership.bot.slack.Listener;
import java.util.Objects;

/** {@code reaction_added}: the author's check mark on their blocker post or a reply in its thread resolves it. */
public final class BlockerSlackListener implements Listener {
    private final Unblockers unblockers;

    public BlockerSlackListener(Unblockers unblockers) {
        this.unblockers = Objects.requireNonNull(unblockers, "unblockers");
    }

    @Override
    public void register(App app) {
        app.event(ReactionAddedEvent.class, (payload, context) -> {
            ReactionAddedEvent event = payload.getEvent();
            if (event.getItem() != null
                    && "message".equals(event.getItem().getType())
                    && event.getUser() != null
                    && event.getItem().getChannel() != null
                    && event.getItem().getTs() != null) {
                unblockers.reacted(
                        event.getItem().getChannel(), event.getItem().getTs(), event.getUser(), event.getReaction());
            }
            return context.ack();
        });
    }
}
