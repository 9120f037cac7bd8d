package dev.ownership.bot.command;

import dev.ownership.bot.workspace.Person;
import dev.ownership.bot.workspace.Workspace;
import java.util.Objects;
import java.util.Set;

/**
 * Decides who is an admin: workspace admins and owners (from Slack, cached briefly by the workspace) and the
 * extra ids configured in {@code OWNERSHIP_ADMINS}.
 *
 * <p>Thread-safe.
 */
public final class Admins {
    private final Set<String> configured;
    private final Workspace workspace;

    public Admins(Set<String> configured, Workspace workspace) {
        this.configured = Set.copyOf(configured);
        this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    /** Whether {@code userId} may run admin commands. */
    public boolean isAdmin(String userId) {
        if (configured.contains(userId)) {
            return true;
        }
        return workspace
                .person(userId)
                .filter(Person::isReachableHuman)
                .map(person -> person.admin() || person.owner())
                .orElse(false);
    }
}
