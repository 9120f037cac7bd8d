package dev.ownership.bot.installation;

import dev.ownership.bot.ops.MetricName;
import dev.ownership.bot.ops.Metrics;
import dev.ownership.bot.ops.SlackAccess;
import dev.ownership.storage.installation.Revocation;
import dev.ownership.storage.installation.RevocationRepository;
import io.micrometer.core.instrument.Gauge;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's access to Slack across restarts. {@code app_uninstalled}, or {@code tokens_revoked} naming the bot's own
 * user, closes {@link SlackAccess} and records why in the database: from then on nothing scheduled runs and no Web API
 * call is made, and a restart with the same token keeps it so. A start-up whose {@code auth.test} accepts a
 * <em>different</em> bot token (the app was reinstalled) lifts it. Thread-safe.
 */
public final class Installation {
    private static final Logger log = LoggerFactory.getLogger(Installation.class);
    static final String APP_UNINSTALLED = "app_uninstalled";
    static final String TOKENS_REVOKED = "tokens_revoked";

    private final RevocationRepository revocations;
    private final SlackAccess access;
    private final Metrics metrics;
    private final Clock clock;
    private final String tokenDigest;

    /**
     * @param botToken the bot token in use; only its digest is kept, to tell it from a new one after a reinstall
     */
    public Installation(
            RevocationRepository revocations, SlackAccess access, Metrics metrics, Clock clock, String botToken) {
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.access = Objects.requireNonNull(access, "access");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokenDigest = digest(Objects.requireNonNull(botToken, "botToken"));
        Gauge.builder(MetricName.SLACK_ACCESS_REVOKED.key(), access, revoked -> revoked.isRevoked() ? 1 : 0)
                .description(MetricName.SLACK_ACCESS_REVOKED.description())
                .register(metrics.registry());
    }

    /**
     * At start-up, once {@code auth.test} has accepted the token: a revocation recorded for this same token still
     * holds (access stays closed), one recorded for another token is lifted.
     */
    public void restore() {
        Optional<Revocation> recorded = revocations.find();
        if (recorded.isEmpty()) {
            return;
        }
        Revocation revocation = recorded.get();
        if (revocation.tokenDigest().equals(tokenDigest)) {
            access.revoke(revocation.reason(), revocation.revokedAt());
            log.warn(
                    "Slack revoked this bot token on {} ({}): nothing scheduled runs and no message is sent. Reinstall "
                            + "the app and start the bot with the new SLACK_BOT_TOKEN to resume.",
                    revocation.revokedAt(),
                    revocation.reason());
        } else {
            revocations.clear();
            log.info(
                    "A new bot token was accepted; the revocation of {} ({}) no longer applies and work resumes",
                    revocation.revokedAt(),
                    revocation.reason());
        }
    }

    /** What to add to a refused {@code auth.test} at start-up, when Slack had said why beforehand. */
    public Optional<String> explainRefusedToken() {
        return revocations
                .find()
                .map(revocation -> "Slack said on " + revocation.revokedAt() + " that "
                        + (APP_UNINSTALLED.equals(revocation.reason())
                                ? "the app was uninstalled"
                                : "the bot token was revoked")
                        + ": reinstall the app and set the new SLACK_BOT_TOKEN");
    }

    /** {@code app_uninstalled}: the app is gone from the workspace, and with it every token. */
    public void uninstalled() {
        revoke(APP_UNINSTALLED);
    }

    /**
     * {@code tokens_revoked}: acts only when the bot's own token is among them ({@code botUserIds} names the bot
     * users whose tokens were revoked; user tokens, which the bot never uses, are ignored).
     */
    public void tokensRevoked(List<String> botUserIds, String ownBotUserId) {
        if (botUserIds.contains(ownBotUserId)) {
            revoke(TOKENS_REVOKED);
        } else {
            log.info("Slack revoked tokens that are not this bot's ({}); nothing to do", botUserIds);
        }
    }

    private void revoke(String reason) {
        if (access.isRevoked()) {
            log.debug("Slack said {} again; the bot's access is already revoked", reason);
            return;
        }
        revocations.record(new Revocation(reason, clock.instant(), tokenDigest));
        if (access.revoke(reason, clock.instant())) {
            metrics.count(MetricName.SLACK_ACCESS_REVOCATIONS, "reason", reason);
            log.warn(
                    "Slack says {}: stopping all scheduled work (prompts, digests, nudges) and every call to Slack. "
                            + "/healthz and /metrics still answer. Reinstall the app and restart the bot with the "
                            + "new SLACK_BOT_TOKEN to resume.",
                    reason.equals(APP_UNINSTALLED) ? "the app was uninstalled" : "the bot token was revoked");
        }
    }

    /** The hex SHA-256 of a token: enough to tell tokens apart, useless to call Slack with. */
    static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }
}
