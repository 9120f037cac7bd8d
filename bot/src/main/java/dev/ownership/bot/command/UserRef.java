package dev.ownership.bot.command;

import java.util.Objects;

/**
 * A person named in a command: an id from {@code <@U123|name>} or a plain {@code U123}, or a plain name.
 *
 * @param id the user id, or {@code null} when only a name was given
 * @param name the name, or {@code null}
 */
public record UserRef(String id, String name) {
    public static UserRef ofId(String id) {
        return new UserRef(Objects.requireNonNull(id, "id"), null);
    }

    public static UserRef ofName(String name) {
        return new UserRef(null, Objects.requireNonNull(name, "name"));
    }
}
