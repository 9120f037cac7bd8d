package dev.ownership.simulator;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The bot tokens the workspace honours. An uninstall or a revocation makes every current token answer
 * {@code token_revoked}; a reinstall hands out a new one. Starts with {@link SlackSimulator#BOT_TOKEN}. Thread-safe.
 */
final class BotTokens {
    private final Set<String> valid = new HashSet<>(Set.of(SlackSimulator.BOT_TOKEN));
    private final Set<String> revoked = new HashSet<>();
    private int issued = 1;

    /** {@code token_revoked} for a revoked bot token, {@code invalid_auth} for one never issued, else empty. */
    synchronized Optional<String> refusal(String token) {
        if (valid.contains(token)) {
            return Optional.empty();
        }
        return Optional.of(revoked.contains(token) ? "token_revoked" : "invalid_auth");
    }

    synchronized boolean isBotToken(String token) {
        return valid.contains(token) || revoked.contains(token);
    }

    synchronized void revokeAll() {
        revoked.addAll(valid);
        valid.clear();
    }

    synchronized String issue() {
        issued++;
        String token = SlackSimulator.BOT_TOKEN + "-" + issued;
        valid.add(token);
        return token;
    }
}
