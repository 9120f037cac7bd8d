package dev.ownership.bot;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts an ordered list of {@link Managed} components and stops them in reverse. {@link #stop} stops the ones that
 * started. When one fails to start, every component is stopped at once, in reverse, the ones not yet started
 * included: building a component may already hold threads (Quartz's, the worker pool), so a failed start-up leaves
 * nothing running. Every component's stop must therefore be safe before its start. Thread-safe.
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
     * @throws IllegalStateException naming the component that failed (also logged), after every component was
     *     stopped; a runtime exception is rethrown as it was
     */
    synchronized void start() {
        for (Managed component : components) {
            try {
                component.start();
                started.push(component);
            } catch (Exception e) {
                log.error("Could not start {}: {}", component.name(), e.getMessage());
                started.clear();
                components.forEach(started::push);
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
