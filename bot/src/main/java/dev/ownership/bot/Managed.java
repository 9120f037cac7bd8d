package dev.ownership.bot;

import java.util.Objects;

/**
 * A component with a lifecycle, started in the order the bot lists them and stopped in reverse (as Dropwizard's
 * {@code Managed}). Components that need no start or no stop pass {@link Step#NOTHING}.
 */
public interface Managed {
    /** A name for the log. */
    String name();

    /** Brings the component up; the ones listed before it are up. */
    void start() throws Exception;

    /** Stops the component; the ones listed after it are already stopped. */
    void stop() throws Exception;

    /** One step of a lifecycle. */
    @FunctionalInterface
    interface Step {
        Step NOTHING = () -> {};

        void run() throws Exception;
    }

    /** A component made of a start and a stop step. */
    static Managed of(String name, Step start, Step stop) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(stop, "stop");
        return new Managed() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void start() throws Exception {
                start.run();
            }

            @Override
            public void stop() throws Exception {
                stop.run();
            }
        };
    }
}
