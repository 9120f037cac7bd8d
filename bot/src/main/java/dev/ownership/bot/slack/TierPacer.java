package dev.ownership.bot.slack;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Keeps calls of one Web API method within Slack's rate-limit tier for it, so that bulk work (reading the members of
 * every watched channel at start-up) goes at the pace Slack allows instead of meeting a storm of 429s: a token bucket
 * holding a burst of {@code burst} calls and refilled at {@code perMinute} a minute. A caller takes a token,
 * waiting for one when there is none; occasional calls (a command's lookups) never wait. Slack counts its limits in
 * real time, so this does too. Thread-safe.
 */
public final class TierPacer {
    /** Slack's Tier 4 (100+ a minute), with a burst of 20. */
    public static TierPacer tier4() {
        return new TierPacer(20, 100, System::nanoTime, TierPacer::sleepNanos);
    }

    /** Slack's Tier 2 (20+ a minute), with a burst of 3. */
    public static TierPacer tier2() {
        return new TierPacer(3, 20, System::nanoTime, TierPacer::sleepNanos);
    }

    private final int burst;
    private final long nanosPerToken;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private double tokens;
    private long refilledAt;

    /**
     * @param burst calls that may go at once after a quiet spell, at least 1
     * @param perMinute calls a minute in the long run, at least 1
     * @param nanoTime the clock, in nanoseconds
     * @param sleeper how to wait
     */
    TierPacer(int burst, int perMinute, LongSupplier nanoTime, Sleeper sleeper) {
        if (burst < 1 || perMinute < 1) {
            throw new IllegalArgumentException("burst and perMinute must be at least 1");
        }
        this.burst = burst;
        this.nanosPerToken = Duration.ofMinutes(1).toNanos() / perMinute;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.tokens = burst;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** Takes one call's token, waiting for it if the burst is spent. */
    public void acquire() {
        long wait;
        synchronized (this) {
            refill();
            tokens -= 1;
            // A negative balance is the queue: each waiter sleeps until its own token has been refilled.
            wait = tokens >= 0 ? 0 : (long) Math.ceil(-tokens * nanosPerToken);
        }
        if (wait > 0) {
            sleeper.sleep(wait);
        }
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (double) (now - refilledAt) / nanosPerToken);
        refilledAt = now;
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackCallException("Interrupted while keeping to Slack's rate limits", e);
        }
    }

    /** Waits a number of nanoseconds. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos);
    }
}
