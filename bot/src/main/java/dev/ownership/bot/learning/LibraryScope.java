package dev.ownership.bot.learning;

import dev.ownership.storage.workspace.Team;
import java.util.List;
import java.util.Objects;

/**
 * Whose learnings a search may read: the teams, or why none.
 *
 * @param teams the teams, sorted by channel name; empty when refused
 * @param refusal what to tell the person instead, or {@code null}
 */
public record LibraryScope(List<Team> teams, String refusal) {
    public LibraryScope {
        teams = List.copyOf(teams);
    }

    static LibraryScope of(List<Team> teams) {
        return new LibraryScope(teams, null);
    }

    static LibraryScope refused(String refusal) {
        return new LibraryScope(List.of(), Objects.requireNonNull(refusal, "refusal"));
    }

    /** Whether the search may go ahead. */
    public boolean allowed() {
        return refusal == null;
    }

    /** The channel ids of the teams. */
    public List<String> channelIds() {
        return teams.stream().map(Team::channelId).toList();
    }
}
