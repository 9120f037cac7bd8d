package dev.ownership.bot.workspace;

import com.slack.api.bolt.App;
import com.slack.api.model.event.UserChangeEvent;
import dev.ownership.bot.slack.Listener;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Keeps the cached view of people fresh: a {@code user_change} (new timezone, deactivation) drops the cache, then
 * tells {@code profileChanged} whose profile changed (it must return quickly: it runs before the ack).
 */
public final class WorkspaceSlackListener implements Listener {
    private final Workspace workspace;
    private final Consumer<String> profileChanged;

    public WorkspaceSlackListener(Workspace workspace, Consumer<String> profileChanged) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.profileChanged = Objects.requireNonNull(profileChanged, "profileChanged");
    }

    @Override
    public void register(App app) {
        app.event(UserChangeEvent.class, (payload, context) -> {
            if (payload.getEvent().getUser() != null) {
                workspace.forget(payload.getEvent().getUser().getId());
                profileChanged.accept(payload.getEvent().getUser().getId());
            }
            return context.ack();
        });
    }
}
