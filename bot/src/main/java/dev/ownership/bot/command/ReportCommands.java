package dev.ownership.bot.command;

import dev.ownership.bot.nudge.StandupBots;
import dev.ownership.storage.nudge.ReportBot;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code settings reports from @bot} and {@code settings reports off}: which standup bot's posts a team's channel reads
 * as each person's report, and its line in {@code /ownership settings}.
 *
 * <p>Thread-safe.
 */
public final class ReportCommands implements TeamSettingsSection {
    private final TeamRepository teams;
    private final StandupBots bots;

    public ReportCommands(TeamRepository teams, StandupBots bots) {
        this.teams = Objects.requireNonNull(teams, "teams");
        this.bots = Objects.requireNonNull(bots, "bots");
    }

    Reply from(Command.ReportsFrom command, String channelId) {
        Optional<Team> found = teams.find(channelId).filter(Team::watched);
        if (found.isEmpty()) {
            return TeamAdminCommands.notWatched(channelId);
        }
        if (command.bot().id() == null) {
            return Reply.info("I couldn't tell which bot `@" + command.bot().name() + "` is. Mention it with `@` and "
                    + "pick it from the list, e.g. `/ownership settings reports from @Geekbot`, so that Slack sends me "
                    + "its id.");
        }
        String channel = found.get().channelName();
        String bot = command.bot().id();
        StandupBots.Naming naming = bots.name(channelId, bot);
        if (naming instanceof StandupBots.Naming.Refused refused) {
            return Reply.info(refusal(refused.reason(), bot) + " Nothing changed.");
        }
        return Reply.done("From now on I read <@" + bot + ">'s posts in #" + channel + " as the report of the person "
                + "each one is for, as if they had posted it: a blocker without a next step gets that person one "
                + "private nudge that links to the report. A report I can't match to exactly one member of #" + channel
                + " is skipped, never guessed, and other bots stay ignored. Nothing of a report's text is kept. "
                + "`/ownership settings reports off` stops it.");
    }

    Reply off(String channelId) {
        Optional<Team> found = teams.find(channelId).filter(Team::watched);
        if (found.isEmpty()) {
            return TeamAdminCommands.notWatched(channelId);
        }
        Optional<ReportBot> was = bots.off(channelId);
        if (was.isEmpty()) {
            return Reply.info("I'm not reading a standup bot's reports in #"
                    + found.get().channelName() + ". `/ownership settings reports from @geekbot` starts it.");
        }
        return Reply.done("I'll no longer read <@" + was.get().botUserId() + ">'s reports in #"
                + found.get().channelName() + ". People's own posts there count as before.");
    }

    @Override
    public Optional<String> describe(Team team) {
        return Optional.of(bots.find(team.channelId())
                .map(bot -> "Standup bot reports: read from <@" + bot.botUserId() + "> as each person's standup "
                        + "(`/ownership settings reports off` stops)")
                .orElse("Standup bot reports: off (`/ownership settings reports from @geekbot` reads the bot your "
                        + "team already uses)"));
    }

    private static String refusal(StandupBots.Reason reason, String bot) {
        return switch (reason) {
            case UNKNOWN -> "I can't find <@" + bot + "> in this workspace.";
            case PERSON ->
                "<@" + bot + "> is a person, not a bot. Name the bot that posts your team's standup "
                        + "reports, e.g. `/ownership settings reports from @Geekbot`.";
            case DEACTIVATED -> "<@" + bot + "> is deactivated, so it posts no reports.";
            case OURSELVES ->
                "That's me: I never read my own posts as reports. Name the bot that posts your "
                        + "team's standup reports, e.g. `/ownership settings reports from @Geekbot`.";
        };
    }
}
