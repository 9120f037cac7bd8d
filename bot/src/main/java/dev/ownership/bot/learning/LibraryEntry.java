package dev.ownership.bot.learning;

import dev.ownership.storage.prompt.SharedItem;
import dev.ownership.storage.workspace.Team;
import java.util.Objects;

/**
 * One learning as the library shows it.
 *
 * @param learning what was shared, by whom and when
 * @param team the team it was shared with
 * @param link the permalink of its post in the team's channel, or {@code null} when there is none
 */
public record LibraryEntry(SharedItem learning, Team team, String link) {
    public LibraryEntry {
        Objects.requireNonNull(learning, "learning");
        Objects.requireNonNull(team, "team");
    }
}
