package dev.ownership.bot.command;

import dev.ownership.storage.workspace.Team;
import java.util.Optional;

/** A line that a feature adds to {@code /ownership settings}, e.g. its schedules. */
@FunctionalInterface
public interface TeamSettingsSection {
    /** The line for {@code team}, or empty if the feature has nothing to say about it. */
    Optional<String> describe(Team team);
}
