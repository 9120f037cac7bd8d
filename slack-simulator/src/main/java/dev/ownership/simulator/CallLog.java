package dev.ownership.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Every recorded call in arrival order, with waits that wake up as soon as a call is recorded.
 *
 * <p>Thread-safe: a lock guards the list and a condition on it signals each new call, so waiting never polls.
 */
final class CallLog {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition recorded = lock.newCondition();
    private final List<RecordedCall> calls = new ArrayList<>();

    void record(RecordedCall call) {
        lock.lock();
        try {
            calls.add(call);
            recorded.signalAll();
        } finally {
            lock.unlock();
        }
    }

    List<RecordedCall> all() {
        lock.lock();
        try {
            return List.copyOf(calls);
        } finally {
            lock.unlock();
        }
    }

    List<RecordedCall> of(String method) {
        return all().stream().filter(call -> call.method().equals(method)).toList();
    }

    void clear() {
        lock.lock();
        try {
            calls.clear();
        } finally {
            lock.unlock();
        }
    }

    RecordedCall await(String method, Predicate<RecordedCall> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                Optional<RecordedCall> found = calls.stream()
                        .filter(call -> call.method().equals(method) && matches(match, call))
                        .findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                if (!waitUntil(deadline)) {
                    throw new AssertionError(
                            "No " + method + " call matching the condition arrived within " + timeout + ".\n" + dump());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    List<RecordedCall> awaitCount(String method, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                List<RecordedCall> found = calls.stream()
                        .filter(call -> call.method().equals(method))
                        .toList();
                if (found.size() >= count) {
                    return found;
                }
                if (!waitUntil(deadline)) {
                    throw new AssertionError("Expected " + count + " " + method + " call(s) within " + timeout + " but "
                            + found.size() + " arrived.\n" + dump());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** A readable listing of what was recorded, for failure messages. */
    String dump() {
        List<RecordedCall> snapshot = all();
        StringBuilder out =
                new StringBuilder("Recorded calls (").append(snapshot.size()).append("):");
        if (snapshot.isEmpty()) {
            out.append(" none");
        }
        int number = 1;
        for (RecordedCall call : snapshot) {
            out.append("\n  ").append(number++).append(". ").append(call.summary());
        }
        return out.toString();
    }

    private boolean waitUntil(long deadline) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            return false;
        }
        try {
            recorded.await(remaining, TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for calls", e);
        }
    }

    private static boolean matches(Predicate<RecordedCall> match, RecordedCall call) {
        try {
            return match.test(call);
        } catch (RuntimeException notThisOne) {
            // A condition such as call.param("text").contains(…) fails on calls without the field: no match.
            return false;
        }
    }
}
