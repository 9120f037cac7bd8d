package dev.ownership.bot.home;

import dev.ownership.bot.command.CommandService;
import dev.ownership.bot.command.Invocation;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.util.Objects;
import java.util.Optional;

/**
 * Shares from the App Home by running {@code /ownership learned} or {@code /ownership risk} for the person in their
 * team's channel: one path for recording, whichever surface it came from.
 *
 * <p>Thread-safe.
 */
public final class CommandSharing implements SharingActions {
    private final CommandService commands;
    private final TeamRepository teams;

    public CommandSharing(CommandService commands, TeamRepository teams) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.teams = Objects.requireNonNull(teams, "teams");
    }

    @Override
    public String shareLearning(String userId, String channelId, String text) {
        return run(userId, channelId, "learned " + text);
    }

    @Override
    public String flagRisk(String userId, String channelId, String text) {
        return run(userId, channelId, "risk " + text);
    }

    private String run(String userId, String channelId, String commandText) {
        Optional<Team> team = teams.find(channelId);
        Invocation invocation = new Invocation(
                team.map(Team::workspaceId).orElse(""),
                userId,
                channelId,
                team.map(Team::channelName).orElse(""),
                commandText);
        return commands.handle(invocation).text();
    }
}
