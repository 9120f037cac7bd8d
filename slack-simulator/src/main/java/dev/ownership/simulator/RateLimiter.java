package dev.ownership.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Sliding-window counters for {@link RateLimits}: remembers when each counted call happened, per key.
 *
 * <p>Thread-safe: every operation holds the instance's lock.
 */
final class RateLimiter {
    private final LongSupplier nanoTime;
    private final Map<String, Deque<Long>> callTimes = new HashMap<>();
    private RateLimits limits = RateLimits.off();

    RateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    synchronized void enforce(RateLimits newLimits) {
        limits = newLimits == null ? RateLimits.off() : newLimits;
        callTimes.clear();
    }

    /**
     * Counts a call of the method (to the channel, for {@code chat.postMessage}) if every limit that applies allows
     * it; otherwise counts nothing and returns how long the caller should wait.
     */
    synchronized Optional<Duration> tryAcquire(String method, String channel) {
        long now = nanoTime.getAsLong();
        RateLimits.Limit methodLimit = limits.methods().get(method);
        RateLimits.Limit channelLimit =
                "chat.postMessage".equals(method) && channel != null ? limits.postMessagePerChannel() : null;
        String channelKey = method + "@" + channel;
        Optional<Duration> wait = waitFor(method, methodLimit, now).or(() -> waitFor(channelKey, channelLimit, now));
        if (wait.isEmpty()) {
            count(method, methodLimit, now);
            count(channelKey, channelLimit, now);
        }
        return wait;
    }

    private Optional<Duration> waitFor(String key, RateLimits.Limit limit, long now) {
        if (limit == null) {
            return Optional.empty();
        }
        Deque<Long> times = callTimes.computeIfAbsent(key, unused -> new ArrayDeque<>());
        long windowNanos = limit.window().toNanos();
        while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
            times.removeFirst();
        }
        if (times.size() < limit.permits()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(times.peekFirst() + windowNanos - now));
    }

    private void count(String key, RateLimits.Limit limit, long now) {
        if (limit != null) {
            callTimes.computeIfAbsent(key, unused -> new ArrayDeque<>()).addLast(now);
        }
    }
}
