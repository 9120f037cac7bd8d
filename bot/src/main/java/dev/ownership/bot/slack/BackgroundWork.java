package dev.ownership.bot.slack;

import dev.ownership.bot.ops.MetricName;
import dev.ownership.bot.ops.Metrics;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded executor for the slow part of handling a Slack request, which runs after the request has been
 * acknowledged: Web API calls, answers through {@code response_url}.
 *
 * <p>Work that fails is logged, never lost silently. Thread-safe.
 */
public final class BackgroundWork implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);

    private final ThreadPoolExecutor executor;
    private final Metrics metrics;
    private final Object idle = new Object();
    private int inFlight;

    public BackgroundWork(int threads, int queueCapacity, Metrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        AtomicInteger counter = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueCapacity), runnable -> {
                    Thread thread = new Thread(runnable, "ownership-work-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs {@code task} soon, on a worker thread.
     *
     * @return whether it was accepted (false when the queue is full or shutting down)
     */
    public boolean submit(String what, Runnable task) {
        changeInFlight(1);
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    metrics.count(MetricName.WORK_FAILURES, "work", what);
                    log.error("Background work '{}' failed", what, e);
                } finally {
                    changeInFlight(-1);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            changeInFlight(-1);
            metrics.count(MetricName.WORK_REJECTED, "work", what);
            log.error("Background work '{}' refused: the queue is full or the bot is stopping", what);
            return false;
        }
    }

    /**
     * Waits until no work is queued or running, including work that queued work submitted meanwhile; for tests and
     * the demo, which look at what the work did.
     *
     * @throws IllegalStateException if work is still in flight after {@code timeout}
     */
    public void awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (inFlight > 0) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new IllegalStateException(inFlight + " background task(s) still running after " + timeout);
                }
                try {
                    idle.wait(Math.max(1, remaining / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for background work", e);
                }
            }
        }
    }

    private void changeInFlight(int delta) {
        synchronized (idle) {
            inFlight += delta;
            if (inFlight == 0) {
                idle.notifyAll();
            }
        }
    }

    /** Stops taking work and waits up to {@code timeout} for queued work to finish. */
    public void shutdown(Duration timeout) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Background work still running after {}; stopping it", timeout);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }

    @Override
    public void close() {
        shutdown(Duration.ofSeconds(10));
    }
}
