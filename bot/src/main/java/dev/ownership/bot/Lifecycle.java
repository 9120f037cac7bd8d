package dev.ownership.bot;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts an ordered list of {@link Managed} components and stops the started ones in reverse: on {@link #stop}, and
 * at once when one of them fails to start, so that a failed start-up leaves nothing running. Thread-safe.
 */
final class Lifecycle {
    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

    private final List<Managed> components;
    private final Deque<Managed> started = new ArrayDeque<>();

    Lifecycle(List<Managed> components) {
        this.components = List.copyOf(components);
    }

    /**
     * Starts every component in order.
     *
     * @throws IllegalStateException naming the component that failed, after the ones before it were stopped; a
     *     runtime exception is rethrown as it was
     */
    synchronized void start() {
        for (Managed component : components) {
            try {
                component.start();
                started.push(component);
            } catch (Exception e) {
                stop();
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("Could not start " + component.name() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Stops the started components in reverse order; a failure is logged and the next one still stopped. */
    synchronized void stop() {
        while (!started.isEmpty()) {
            Managed component = started.pop();
            try {
                component.stop();
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", component.name(), e.getMessage());
            }
        }
    }
}
