package dev.ownership.bot.ops;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Whether the bot may still talk to Slack. Open until Slack says the app was uninstalled or the bot's token revoked;
 * from then on the Web API client refuses every call and scheduled work stops, so the bot stays up (health and
 * metrics answer) without sending anything. The installation feature records the revocation in the database and
 * restores it here at start-up. Thread-safe.
 */
public final class SlackAccess {
    private final List<Runnable> onRevoked = new CopyOnWriteArrayList<>();
    private volatile Revoked revoked;

    /** Whether Slack has revoked the bot's access. */
    public boolean isRevoked() {
        return revoked != null;
    }

    /** Why and since when the access is revoked, if it is. */
    public Optional<Revoked> revoked() {
        return Optional.ofNullable(revoked);
    }

    /**
     * Closes access and runs the actions registered with {@link #whenRevoked}, once.
     *
     * @return whether this call closed it (false when it already was)
     */
    public boolean revoke(String reason, Instant at) {
        Revoked now = new Revoked(reason, at);
        synchronized (this) {
            if (revoked != null) {
                return false;
            }
            revoked = now;
        }
        onRevoked.forEach(Runnable::run);
        return true;
    }

    /** Runs {@code action} when access is revoked, or at once if it already is. */
    public void whenRevoked(Runnable action) {
        Objects.requireNonNull(action, "action");
        boolean already;
        synchronized (this) {
            onRevoked.add(action);
            already = revoked != null;
        }
        if (already) {
            action.run();
        }
    }

    /**
     * Why access was revoked.
     *
     * @param reason the Slack event that said so: {@code app_uninstalled} or {@code tokens_revoked}
     * @param at when the bot received it
     */
    public record Revoked(String reason, Instant at) {
        public Revoked {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }
}
