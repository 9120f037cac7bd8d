package dev.ownership.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The failures queued per method: one-off faults used in order first, then a standing one if set.
 *
 * <p>Method names are Web API methods ({@code chat.postMessage}) or {@code response_url}. Thread-safe.
 */
public final class Faults {
    private final Map<String, Deque<PendingFault>> nextFaults = new HashMap<>();
    private final Map<String, Fault> standingFaults = new HashMap<>();

    Faults() {}

    /** Fails the next call to this method with the fault. */
    public void failNext(String method, Fault fault) {
        failNext(method, 1, fault);
    }

    /** Fails the next {@code times} calls to this method with the fault, after any faults already queued. */
    public synchronized void failNext(String method, int times, Fault fault) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(fault, "fault");
        if (times < 1) {
            throw new IllegalArgumentException("times must be >= 1, was " + times);
        }
        nextFaults.computeIfAbsent(method, key -> new ArrayDeque<>()).addLast(new PendingFault(fault, times));
    }

    /** Fails every call to this method with the fault until {@link #clear} (queued one-off faults come first). */
    public synchronized void failAlways(String method, Fault fault) {
        standingFaults.put(Objects.requireNonNull(method, "method"), Objects.requireNonNull(fault, "fault"));
    }

    /** Removes every queued and standing fault. */
    public synchronized void clear() {
        nextFaults.clear();
        standingFaults.clear();
    }

    /** Removes the queued and standing faults of one method. */
    public synchronized void clear(String method) {
        nextFaults.remove(method);
        standingFaults.remove(method);
    }

    /**
     * How many calls of this method the queued one-off faults still wait for; 0 once the last has been taken by a
     * call that arrived (a delay is taken when its call arrives, before it waits).
     */
    public synchronized int queued(String method) {
        Deque<PendingFault> queued = nextFaults.get(method);
        return queued == null
                ? 0
                : queued.stream().mapToInt(pending -> pending.remaining).sum();
    }

    /** Takes the fault that applies to a call of this method now, using up one of a queued fault's times. */
    synchronized Optional<Fault> take(String method) {
        Deque<PendingFault> queued = nextFaults.get(method);
        if (queued != null && !queued.isEmpty()) {
            PendingFault head = queued.peekFirst();
            head.remaining--;
            if (head.remaining == 0) {
                queued.removeFirst();
            }
            return Optional.of(head.fault);
        }
        return Optional.ofNullable(standingFaults.get(method));
    }

    private static final class PendingFault {
        private final Fault fault;
        private int remaining;

        private PendingFault(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }
}
