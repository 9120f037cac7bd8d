package dev.ownership.bot;

import java.time.Duration;

/** Runs the passes of due work and counts the completed ones, so that a probe can wait for the next. Thread-safe. */
final class DuePasses {
    private final Object lock = new Object();
    private long completed;

    /** Runs one pass of {@code work}; it counts as completed even when it fails. */
    void run(Runnable work) {
        try {
            work.run();
        } finally {
            synchronized (lock) {
                completed++;
                lock.notifyAll();
            }
        }
    }

    /** Waits until a complete pass has run after this call. */
    void awaitNext(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            // One more pass may already be running with an older view of the clock: wait for two.
            long target = completed + 2;
            while (completed < target) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new IllegalStateException("No due-work pass completed within " + timeout);
                }
                try {
                    lock.wait(Math.max(1, remaining / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for due work", e);
                }
            }
        }
    }
}
