package dev.ownership.bot.command;

import java.util.Objects;
import java.util.function.Function;

/**
 * What reading one argument of {@code /ownership} gave: a value, or a one-line problem that says what was wrong
 * with that argument (and, where the reader knows one, an example that would work).
 *
 * @param value what was read, or {@code null} when there is a problem
 * @param problem the explanation, or {@code null} when {@code value} was read
 * @param <T> the kind of value
 */
record Parsed<T>(T value, String problem) {
    Parsed {
        if ((value == null) == (problem == null)) {
            throw new IllegalArgumentException("exactly one of value and problem");
        }
    }

    static <T> Parsed<T> of(T value) {
        return new Parsed<>(Objects.requireNonNull(value, "value"), null);
    }

    static <T> Parsed<T> problem(String problem) {
        return new Parsed<>(null, Objects.requireNonNull(problem, "problem"));
    }

    boolean ok() {
        return problem == null;
    }

    /** The command made of the value, or {@link Command.Invalid} with the problem. */
    Command toCommand(Function<T, Command> make) {
        return ok() ? make.apply(value) : new Command.Invalid(problem);
    }
}
