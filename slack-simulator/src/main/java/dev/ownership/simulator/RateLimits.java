package dev.ownership.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rate limits the simulator enforces when a test asks, per Web API method and for {@code chat.postMessage} per
 * channel, each as a number of calls allowed in any sliding window.
 *
 * <p>{@link #slackTiers()} follows Slack's documented tiers (Tier 1: 1 per minute, Tier 2: 20, Tier 3: 50, Tier 4:
 * 100; {@code auth.test} and {@code chat.getPermalink} several hundred; {@code chat.postMessage} about one per second
 * per channel with short bursts). A call over a limit is answered with HTTP 429, a {@code Retry-After} header and
 * {@code {"ok":false,"error":"ratelimited"}}, and does not count against the window. Windows run on real elapsed
 * time, not the simulator's clock, so a frozen test clock does not freeze them.
 *
 * @param methods the limit of each method; methods not listed are not limited
 * @param postMessagePerChannel the limit of {@code chat.postMessage} per target channel, or {@code null} for none
 */
public record RateLimits(Map<String, Limit> methods, Limit postMessagePerChannel) {

    /** Keeps an unmodifiable copy of the method limits. */
    public RateLimits {
        methods = Map.copyOf(Objects.requireNonNull(methods, "methods"));
    }

    /**
     * A number of calls allowed in any window of the given length.
     *
     * @param permits calls allowed per window, at least 1
     * @param window the window's length, positive
     */
    public record Limit(int permits, Duration window) {
        /** Checks the permits and the window are positive. */
        public Limit {
            Objects.requireNonNull(window, "window");
            if (permits < 1 || window.isZero() || window.isNegative()) {
                throw new IllegalArgumentException("a limit needs permits >= 1 and a positive window");
            }
        }

        public static Limit perMinute(int permits) {
            return new Limit(permits, Duration.ofMinutes(1));
        }

        Limit scaled(double factor) {
            long nanos = Math.max(1_000_000L, Math.round(window.toNanos() * factor));
            return new Limit(permits, Duration.ofNanos(nanos));
        }
    }

    /** Slack's documented Web API rate-limit tiers. */
    public enum Tier {
        TIER_1(1),
        TIER_2(20),
        TIER_3(50),
        TIER_4(100);

        private final int perMinute;

        Tier(int perMinute) {
            this.perMinute = perMinute;
        }

        public Limit limit() {
            return Limit.perMinute(perMinute);
        }
    }

    /** Slack's "special" limit of {@code auth.test} and {@code chat.getPermalink}: several hundred per minute. */
    static final Limit SPECIAL_HUNDREDS_PER_MINUTE = Limit.perMinute(600);

    /** One {@code chat.postMessage} per second per channel, allowing a burst of three. */
    static final Limit POST_MESSAGE_PER_CHANNEL = new Limit(3, Duration.ofSeconds(3));

    /** The limits Slack documents for every method the simulator serves. */
    public static RateLimits slackTiers() {
        Map<String, Limit> limits = new LinkedHashMap<>();
        limits.put("apps.connections.open", Tier.TIER_1.limit());
        limits.put("auth.test", SPECIAL_HUNDREDS_PER_MINUTE);
        limits.put("bots.info", Tier.TIER_3.limit());
        limits.put("chat.delete", Tier.TIER_3.limit());
        limits.put("chat.getPermalink", SPECIAL_HUNDREDS_PER_MINUTE);
        limits.put("chat.postEphemeral", Tier.TIER_4.limit());
        limits.put("chat.update", Tier.TIER_3.limit());
        limits.put("conversations.history", Tier.TIER_3.limit());
        limits.put("conversations.info", Tier.TIER_3.limit());
        limits.put("conversations.join", Tier.TIER_3.limit());
        limits.put("conversations.members", Tier.TIER_4.limit());
        limits.put("conversations.open", Tier.TIER_3.limit());
        limits.put("conversations.replies", Tier.TIER_3.limit());
        limits.put("files.completeUploadExternal", Tier.TIER_4.limit());
        limits.put("files.getUploadURLExternal", Tier.TIER_4.limit());
        limits.put("team.info", Tier.TIER_3.limit());
        limits.put("users.info", Tier.TIER_4.limit());
        limits.put("users.list", Tier.TIER_2.limit());
        limits.put("views.open", Tier.TIER_4.limit());
        limits.put("views.publish", Tier.TIER_4.limit());
        limits.put("views.push", Tier.TIER_4.limit());
        limits.put("views.update", Tier.TIER_4.limit());
        return new RateLimits(limits, POST_MESSAGE_PER_CHANNEL);
    }

    /** No limits at all. */
    public static RateLimits off() {
        return new RateLimits(Map.of(), null);
    }

    /**
     * These limits with every window multiplied by the factor and the permits kept, so that {@code scaled(0.05)}
     * allows Tier 2's 20 calls per 3 seconds instead of per minute; windows never drop below a millisecond.
     */
    public RateLimits scaled(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be positive and finite, was " + factor);
        }
        Map<String, Limit> scaled = new LinkedHashMap<>();
        methods.forEach((method, limit) -> scaled.put(method, limit.scaled(factor)));
        return new RateLimits(scaled, postMessagePerChannel == null ? null : postMessagePerChannel.scaled(factor));
    }

    /** These limits with one method's limit set or replaced. */
    public RateLimits with(String method, Limit limit) {
        Map<String, Limit> changed = new LinkedHashMap<>(methods);
        changed.put(Objects.requireNonNull(method, "method"), Objects.requireNonNull(limit, "limit"));
        return new RateLimits(changed, postMessagePerChannel);
    }

    /** The limit of a method, not counting the per-channel limit of {@code chat.postMessage}. */
    public Optional<Limit> limitFor(String method) {
        return Optional.ofNullable(methods.get(method));
    }

    public boolean isOff() {
        return methods.isEmpty() && postMessagePerChannel == null;
    }
}
