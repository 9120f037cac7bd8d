package dev.ownership.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Percentiles and small formatting helpers for {@link LargeOrgDriver}'s tables. Stateless; thread-safe. */
final class LargeOrgStats {
    private LargeOrgStats() {}

    /** A sorted copy of durations in milliseconds. */
    static List<Double> sorted(Collection<Double> millis) {
        List<Double> copy = new ArrayList<>(millis);
        Collections.sort(copy);
        return copy;
    }

    /** The nearest-rank percentile of sorted values, or NaN when there are none. */
    static double percentile(List<Double> sorted, double percentile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** {@code n, p50, p99, max} of millisecond values, as table cells. */
    static String summary(Collection<Double> millis) {
        List<Double> sorted = sorted(millis);
        if (sorted.isEmpty()) {
            return "0 | – | – | –";
        }
        return String.format(
                Locale.ROOT,
                "%,d | %s | %s | %s",
                sorted.size(),
                ms(percentile(sorted, 50)),
                ms(percentile(sorted, 99)),
                ms(sorted.get(sorted.size() - 1)));
    }

    /** A millisecond figure with a sensible number of digits, in seconds once it is large. */
    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "–";
        }
        if (millis >= 10_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000);
        }
        if (millis >= 100) {
            return String.format(Locale.ROOT, "%.0f ms", millis);
        }
        return String.format(Locale.ROOT, "%.2f ms", millis);
    }

    static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }

    static double millisBetween(Instant from, Instant to) {
        return millis(Duration.between(from, to));
    }

    static double nanosToMillis(long nanos) {
        return nanos / 1e6;
    }

    static String mib(long kib) {
        return kib < 0 ? "–" : String.format(Locale.ROOT, "%.1f MiB", kib / 1024.0);
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The most events in any window of {@code window} among sorted instants. */
    static int peakIn(List<Instant> sortedTimes, Duration window) {
        int best = 0;
        int start = 0;
        for (int end = 0; end < sortedTimes.size(); end++) {
            while (Duration.between(sortedTimes.get(start), sortedTimes.get(end))
                            .compareTo(window)
                    >= 0) {
                start++;
            }
            best = Math.max(best, end - start + 1);
        }
        return best;
    }
}
