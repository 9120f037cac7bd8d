package dev.ownership.bot.command;

import dev.ownership.bot.prompt.PromptType;
import dev.ownership.bot.prompt.Prompting;
import dev.ownership.bot.prompt.Sharing;
import dev.ownership.bot.prompt.SharingText;
import dev.ownership.storage.prompt.ShareSource;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code learned TEXT}, {@code risk TEXT} and {@code prompt learning|risk|impact [#channel]}.
 *
 * <p>{@code learned} and {@code risk} go to the team whose channel they were typed in, or else to the one watched
 * team the person is a member of. {@code prompt} is for admins and the team's leads, checked here on the server.
 */
final class SharingCommands {
    private final TeamRepository teams;
    private final Admins admins;
    private final Sharing sharing;
    private final Prompting prompting;

    SharingCommands(TeamRepository teams, Admins admins, Sharing sharing, Prompting prompting) {
        this.teams = Objects.requireNonNull(teams, "teams");
        this.admins = Objects.requireNonNull(admins, "admins");
        this.sharing = Objects.requireNonNull(sharing, "sharing");
        this.prompting = Objects.requireNonNull(prompting, "prompting");
    }

    Reply learned(Command.Learned command, Invocation invocation) {
        Chosen chosen = teamFor(invocation, "learned TEXT");
        if (chosen.team() == null) {
            return chosen.refusal();
        }
        boolean posted = sharing.shareLearning(chosen.team(), invocation.userId(), command.text(), ShareSource.COMMAND);
        return Reply.done(SharingText.learningShared(chosen.team(), posted));
    }

    Reply risk(Command.Risk command, Invocation invocation) {
        Chosen chosen = teamFor(invocation, "risk TEXT");
        if (chosen.team() == null) {
            return chosen.refusal();
        }
        List<String> told = sharing.flagRisk(chosen.team(), invocation.userId(), command.text(), ShareSource.COMMAND);
        return Reply.done(SharingText.riskFlagged(chosen.team(), told));
    }

    Reply prompt(Command.SendPrompt command, String channelId, Invocation invocation) {
        Optional<Team> found = teams.find(channelId).filter(Team::watched);
        if (found.isEmpty()) {
            return TeamAdminCommands.notWatched(channelId);
        }
        Team team = found.get();
        if (!admins.mayConfigure(invocation.userId(), team)) {
            return Reply.info(Refusals.teamAdminsOnly(team, admins.named(), "send it a prompt")
                    + " Scheduled prompts go out by themselves, and `/ownership learned TEXT` shares a learning any "
                    + "time.");
        }
        PromptType type = PromptType.fromWord(command.kind().word())
                .orElseThrow(() -> new IllegalArgumentException("Not a prompt: " + command.kind()));
        int members = prompting.sendNow(team, type);
        if (members == 0) {
            return Reply.info(
                    "Nobody in #" + team.channelName() + " to prompt: I don't see any people in the channel.");
        }
        return Reply.done("Sending the " + type.word() + " prompt to the " + members + " people in #"
                + team.channelName() + " now, by DM. Paused people are skipped.");
    }

    private Chosen teamFor(Invocation invocation, String usage) {
        Optional<Team> here = teams.find(invocation.channelId()).filter(Team::watched);
        if (here.isPresent()) {
            return new Chosen(here.get(), null);
        }
        List<Team> mine = sharing.teamsOf(invocation.userId());
        if (mine.size() == 1) {
            return new Chosen(mine.get(0), null);
        }
        String which = mine.isEmpty()
                ? "I don't know which team it's for: you're not in a channel I watch."
                : "You're in several teams ("
                        + mine.stream().map(team -> "#" + team.channelName()).collect(Collectors.joining(", "))
                        + "), so I don't know which one it's for.";
        return new Chosen(null, Reply.info(which + " Run `/ownership " + usage + "` in your team's channel."));
    }

    private record Chosen(Team team, Reply refusal) {}
}
