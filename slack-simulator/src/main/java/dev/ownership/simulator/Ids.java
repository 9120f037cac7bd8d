package dev.ownership.simulator;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hands out Slack-looking ids ({@code V…}, {@code F…}, {@code Ev…}, trigger ids), unique per simulator.
 *
 * <p>Thread-safe: every operation holds the instance's lock.
 */
final class Ids {
    private final Map<String, Long> counters = new HashMap<>();

    /** The next id with this prefix, such as {@code V0SIM0000001}: a counter in base 36, upper case. */
    synchronized String next(String prefix) {
        long value = counters.merge(prefix, 1L, Long::sum);
        String digits = Long.toString(value, 36).toUpperCase(Locale.ROOT);
        return prefix + "0SIM" + "0".repeat(Math.max(0, 7 - digits.length())) + digits;
    }

    /** The next event id, {@code Ev0SIM000001} and on. */
    synchronized String nextEventId() {
        long value = counters.merge("Ev", 1L, Long::sum);
        return String.format("Ev0SIM%06d", value);
    }

    /** A trigger id shaped like Slack's, {@code 1700000000.1234567890.0123456789abcdef0123}. */
    String triggerId(long epochSecond) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return epochSecond + "." + (1_000_000_000L + random.nextLong(9_000_000_000L)) + "."
                + Long.toHexString(random.nextLong() | Long.MIN_VALUE)
                + Integer.toHexString(random.nextInt() | Integer.MIN_VALUE).substring(0, 4);
    }
}
