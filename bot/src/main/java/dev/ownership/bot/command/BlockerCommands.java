package dev.ownership.bot.command;

import dev.ownership.storage.blocker.LongBlockerRepository;
import dev.ownership.storage.blocker.LongBlockerRepository.Settings;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code settings escalation on|off} and {@code settings long-blockers DAYS} (team admins), and the line
 * {@code /ownership settings} shows about long-running blockers.
 *
 * <p>Thread-safe.
 */
public final class BlockerCommands implements TeamSettingsSection {
    private final TeamRepository teams;
    private final LongBlockerRepository settings;
    private final Clock clock;

    public BlockerCommands(TeamRepository teams, LongBlockerRepository settings, Clock clock) {
        this.teams = Objects.requireNonNull(teams, "teams");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Reply escalation(Command.Escalation command, String channelId) {
        Optional<Team> team = teams.find(channelId).filter(Team::watched);
        if (team.isEmpty()) {
            return TeamAdminCommands.notWatched(channelId);
        }
        settings.setEscalation(channelId, command.on(), clock.instant());
        return Reply.done(
                command.on()
                        ? "Escalation is on for #" + team.get().channelName()
                                + ": when someone doesn't answer my question "
                                + "about a long-running blocker within a workday, its leads get a link to the post (never its "
                                + "text)."
                        : "Escalation is off for #" + team.get().channelName() + ": only the author is asked about a "
                                + "long-running blocker; the digest still lists them.");
    }

    Reply longAfter(Command.LongBlockerDays command, String channelId) {
        Optional<Team> team = teams.find(channelId).filter(Team::watched);
        if (team.isEmpty()) {
            return TeamAdminCommands.notWatched(channelId);
        }
        settings.setLongAfterDays(channelId, command.days(), clock.instant());
        return Reply.done("In #" + team.get().channelName() + ", a blocker now counts as long-running after "
                + command.days() + " workdays without a next step, or when the same kind comes up "
                + command.days() + " workdays in a row.");
    }

    @Override
    public Optional<String> describe(Team team) {
        Settings current = settings.settings(team.channelId());
        return Optional.of("Long-running blockers: after " + current.longAfterDays() + " workdays; escalation to "
                + "leads " + (current.escalation() ? "on" : "off")
                + ". `/ownership settings escalation on|off`, `settings long-blockers DAYS` change them");
    }
}
