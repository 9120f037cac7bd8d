package dev.ownership.bot.command;

import dev.ownership.bot.workspace.Person;
import dev.ownership.bot.workspace.Workspace;
import dev.ownership.storage.workspace.AdminRepository;
import dev.ownership.storage.workspace.Team;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides who may configure what.
 *
 * <ul>
 *   <li>Ownership admins configure every team: workspace admins and owners (from Slack, cached briefly by the
 *       workspace), the ids in {@code OWNERSHIP_ADMINS}, and the people added with {@code /ownership admins add}.
 *   <li>A team's own admins configure that team: whoever set it up with {@code watch}, and its leads.
 *   <li>Only workspace admins and owners (and {@code OWNERSHIP_ADMINS}, the operator's own list) add or remove
 *       Ownership admins, so that nobody added can add others.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class Admins {
    private final Set<String> configured;
    private final AdminRepository added;
    private final Workspace workspace;
    private final Clock clock;

    public Admins(Set<String> configured, AdminRepository added, Workspace workspace, Clock clock) {
        this.configured = Set.copyOf(configured);
        this.added = Objects.requireNonNull(added, "added");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether {@code userId} may configure every team. */
    public boolean isAdmin(String userId) {
        return isWorkspaceAdmin(userId) || added.contains(userId);
    }

    /** Whether {@code userId} may add and remove Ownership admins. */
    public boolean isWorkspaceAdmin(String userId) {
        if (configured.contains(userId)) {
            return true;
        }
        return workspace
                .person(userId)
                .filter(Person::isReachableHuman)
                .map(person -> person.admin() || person.owner())
                .orElse(false);
    }

    /** Whether {@code userId} may configure {@code team}: an Ownership admin, or the team's own admin. */
    public boolean mayConfigure(String userId, Team team) {
        return isTeamAdmin(userId, team) || isAdmin(userId);
    }

    /** Whether {@code userId} set up {@code team} or leads it. */
    static boolean isTeamAdmin(String userId, Team team) {
        return userId.equals(team.watchedBy()) || team.isLead(userId);
    }

    /**
     * The people to ask about {@code team}: who set it up, then its leads.
     *
     * @return user ids, without repeats; empty when nobody is left (the person who set it up was forgotten)
     */
    static List<String> teamAdmins(Team team) {
        Set<String> ids = new LinkedHashSet<>();
        if (!team.watchedBy().isEmpty()) {
            ids.add(team.watchedBy());
        }
        ids.addAll(team.leads());
        return List.copyOf(ids);
    }

    /** The Ownership admins named in the database or configured, for a refusal to point at. */
    List<String> named() {
        List<String> ids = new ArrayList<>(added.all());
        configured.stream().sorted().filter(id -> !ids.contains(id)).forEach(ids::add);
        return List.copyOf(ids);
    }

    /**
     * Makes {@code userId} an Ownership admin.
     *
     * @return whether they were not one already
     */
    boolean add(String userId, String addedBy) {
        return added.add(userId, addedBy, clock.instant());
    }

    /**
     * Removes {@code userId} from the Ownership admins added from Slack.
     *
     * @return whether they were one
     */
    boolean remove(String userId) {
        return added.remove(userId);
    }

    /** Whether {@code userId} is an admin only because {@code OWNERSHIP_ADMINS} lists them. */
    boolean isConfigured(String userId) {
        return configured.contains(userId);
    }

    /** The admins added from Slack, in the order they were added. */
    List<String> added() {
        return added.all();
    }
}
