package dev.ownership.bot.slack;

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
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    metrics.count("ownership.work.failures", "Background work that failed", "work", what);
                    log.error("Background work '{}' failed", what, e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            metrics.count(
                    "ownership.work.rejected", "Background work refused because the queue was full", "work", what);
            log.error("Background work '{}' refused: the queue is full or the bot is stopping", what);
            return false;
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
