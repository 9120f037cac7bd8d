package dev.ownership.bot.prompt;

import dev.ownership.bot.workspace.Person;
import dev.ownership.bot.workspace.Workspace;
import dev.ownership.scheduler.PromptTriggers;
import dev.ownership.storage.workspace.MemberRepository;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamMember;
import dev.ownership.storage.workspace.TeamRepository;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is in each team, and in which timezone: the humans in the team's channel (bots and deactivated accounts left
 * out), read from the channel when it is watched, followed through join and leave events and profile changes, and
 * refreshed daily. Any change rebuilds the prompt triggers, which are per member timezone.
 *
 * <p>Thread-safe. Calls Slack, so never on the ack path.
 */
public final class TeamMembership {
    private static final Logger log = LoggerFactory.getLogger(TeamMembership.class);

    private final TeamRepository teams;
    private final MemberRepository members;
    private final Workspace workspace;
    private final PromptTriggers triggers;
    private final Clock clock;

    public TeamMembership(
            TeamRepository teams, MemberRepository members, Workspace workspace, PromptTriggers triggers, Clock clock) {
        this.teams = Objects.requireNonNull(teams, "teams");
        this.members = Objects.requireNonNull(members, "members");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.triggers = Objects.requireNonNull(triggers, "triggers");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Brings the team's members in line with the channel's: newcomers are looked up and added, people who left are
     * removed, and with {@code lookUpKnown} the members already known are looked up again (a new timezone, a
     * deactivated account). Nothing changes when Slack does not list the channel's members.
     *
     * @return whether anything changed
     */
    public boolean sync(String channelId, boolean lookUpKnown) {
        return sync(channelId, lookUpKnown, workspace::person);
    }

    private boolean sync(String channelId, boolean lookUpKnown, Function<String, Optional<Person>> lookUp) {
        Optional<List<String>> listed = workspace.memberIds(channelId);
        if (listed.isEmpty()) {
            log.warn("Slack did not list the members of {}; keeping the members as they were", channelId);
            return false;
        }
        Set<String> known =
                members.of(channelId).stream().map(TeamMember::userId).collect(Collectors.toSet());
        Set<String> present = new HashSet<>(listed.get());
        boolean changed = false;
        for (String userId : present) {
            if (lookUpKnown || !known.contains(userId)) {
                changed |= keepIfHuman(channelId, userId, lookUp);
            }
        }
        for (String userId : known) {
            if (!present.contains(userId)) {
                changed |= members.remove(channelId, userId);
            }
        }
        return rebuiltIf(changed);
    }

    /** Someone joined a channel: a member of its team from now on, if the team is watched and they are human. */
    public void joined(String channelId, String userId) {
        if (teams.isWatched(channelId)) {
            rebuiltIf(keepIfHuman(channelId, userId, workspace::person));
        }
    }

    /** Someone left a channel: no longer a member of its team. */
    public void left(String channelId, String userId) {
        rebuiltIf(members.remove(channelId, userId));
    }

    /** Someone's profile changed (a new timezone, a deactivation): their memberships follow. */
    public void personChanged(String userId) {
        boolean changed = false;
        for (String channelId : members.teamsOf(userId)) {
            changed |= keepIfHuman(channelId, userId, workspace::person);
        }
        rebuiltIf(changed);
    }

    /**
     * Reads every watched team's members and their timezones again; a team that fails does not stop the rest. The
     * people are read once for all teams, in pages of the workspace's list; someone the list does not have (a guest
     * from another organisation) is looked up alone. When Slack will not list the workspace, only who is in which
     * team is brought up to date, as at start-up: looking up every member one by one would be the very storm of
     * calls the list avoids.
     */
    public void refreshAll() {
        Optional<Map<String, Person>> everyone = workspace.everyone();
        if (everyone.isEmpty()) {
            log.warn("Slack did not list the workspace's people; refreshing only who is in each team");
            syncAll(false, workspace::person, "trying again tomorrow");
            return;
        }
        Map<String, Person> listed = everyone.get();
        syncAll(
                true,
                userId -> listed.containsKey(userId) ? Optional.of(listed.get(userId)) : workspace.person(userId),
                "trying again tomorrow");
    }

    /**
     * Brings every watched team's members in line with its channel, looking up only newcomers: the joins and leaves
     * Slack sent while the bot was down, or that were acknowledged but not yet applied when it stopped. Run at
     * start-up; the daily {@link #refreshAll()} catches the rest (a new timezone, a deactivated account).
     */
    public void catchUp() {
        syncAll(false, workspace::person, "the daily refresh will try again");
    }

    private void syncAll(boolean lookUpKnown, Function<String, Optional<Person>> lookUp, String otherwise) {
        for (Team team : teams.watched()) {
            try {
                sync(team.channelId(), lookUpKnown, lookUp);
            } catch (RuntimeException e) {
                log.error("Reading the members of #{} failed; {}", team.channelName(), otherwise, e);
            }
        }
    }

    private boolean keepIfHuman(String channelId, String userId, Function<String, Optional<Person>> lookUp) {
        Optional<Person> person = lookUp.apply(userId);
        if (person.isPresent() && person.get().isReachableHuman()) {
            return members.save(channelId, userId, person.get().timezone(), clock.instant());
        }
        return members.remove(channelId, userId);
    }

    private boolean rebuiltIf(boolean changed) {
        if (changed) {
            triggers.rebuild();
        }
        return changed;
    }
}
