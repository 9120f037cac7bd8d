package dev.ownership.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.UserChangeEvent;
import dev.ownership.bot.workspace.Workspace;
import java.util.Objects;

/** Keeps the cached view of people fresh: a {@code user_change} (new timezone, deactivation) drops the cache. */
final class WorkspaceListener implements Listener {
    private final Workspace workspace;

    WorkspaceListener(Workspace workspace) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    @Override
    public void register(App app) {
        app.event(UserChangeEvent.class, (payload, context) -> {
            if (payload.getEvent().getUser() != null) {
                workspace.forget(payload.getEvent().getUser().getId());
            }
            return context.ack();
        });
    }
}
