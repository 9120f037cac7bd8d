package dev.ownership.bot.command;

import dev.ownership.bot.risk.RiskRegister;
import dev.ownership.storage.risk.RiskStatus;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code risks [#channel]} and {@code schedule risk-followup DAYS [#channel]}.
 *
 * <p>{@code risks} shows a team's leads and admins the team's open risks, and anyone else only their own: the
 * register decides, on the server, for whoever typed the command. Each risk comes with buttons to change its status.
 */
public final class RiskCommands {
    /** Slack allows 50 blocks a message; each risk takes two. */
    static final int SHOWN = 20;

    private final TeamRepository teams;
    private final RiskRegister register;

    public RiskCommands(TeamRepository teams, RiskRegister register) {
        this.teams = Objects.requireNonNull(teams, "teams");
        this.register = Objects.requireNonNull(register, "register");
    }

    /** The register for {@code userId}: a team's, when the channel is a watched team, else their own everywhere. */
    Reply risks(Command.Risks command, String channelId, Invocation invocation) {
        Optional<Team> team = teams.find(channelId).filter(Team::watched);
        if (team.isEmpty() && !command.channel().isCurrent()) {
            return TeamAdminCommands.notWatched(channelId);
        }
        RiskRegister.View view = register.view(invocation.userId(), team);
        String where = team.map(found -> " in #" + found.channelName()).orElse("");
        if (view.items().isEmpty()) {
            return Reply.info(
                    view.wholeTeam()
                            ? "No open risks" + where + ". When someone runs `/ownership risk TEXT`, it shows here."
                            : "You have no open risks" + where
                                    + ". `/ownership risk TEXT` flags one; only you, your leads "
                                    + "and admins see it.");
        }
        List<Reply.Row> rows = new ArrayList<>();
        view.items().stream().limit(SHOWN).forEach(item -> rows.add(new Reply.Row(item.line(), buttons(item))));
        String intro = (view.wholeTeam()
                        ? ":clipboard: *Open risks" + where + "*, oldest first"
                        : ":clipboard: *Your open risks" + where + "*, oldest first")
                + " (" + view.items().size() + ")."
                + (view.wholeTeam()
                        ? " Only the team's leads and admins see these."
                        : " Only you, your leads and admins see these.")
                + (view.items().size() > SHOWN ? " Showing the oldest " + SHOWN + "." : "");
        return Reply.withRows(intro, rows);
    }

    /** Sets the team's follow-up period. */
    Reply followup(Command.RiskFollowup command, String channelId) {
        Optional<Team> team = teams.find(channelId).filter(Team::watched);
        if (team.isEmpty()) {
            return TeamAdminCommands.notWatched(channelId);
        }
        register.setFollowupDays(team.get(), command.days());
        return Reply.done(
                "Done: I'll ask about an open risk of #" + team.get().channelName() + " " + days(command.days())
                        + " after it was flagged or last answered, at a good moment in its author's working day. An open "
                        + "risk counts as ageing in the digest after " + days(2 * command.days()) + ".");
    }

    /** The line this adds to {@code /ownership settings}. */
    public TeamSettingsSection settings() {
        return this::describe;
    }

    private Optional<String> describe(Team team) {
        return Optional.of("Risk follow-up: " + days(register.followupDays(team.channelId()))
                + " (`/ownership schedule risk-followup DAYS` changes it)");
    }

    private static List<Reply.Button> buttons(RiskRegister.Item item) {
        String id = Long.toString(item.entry().riskId());
        List<Reply.Button> buttons = new ArrayList<>();
        for (RiskStatus next : item.next()) {
            buttons.add(new Reply.Button(RiskRegister.actionFor(next), label(next), false, id));
        }
        return buttons;
    }

    private static String label(RiskStatus status) {
        return switch (status) {
            case MITIGATING -> "Mitigating";
            case RESOLVED -> "Resolved";
            case ACCEPTED -> "Accepted";
            case OPEN -> "Open";
        };
    }

    private static String days(int count) {
        return count == 1 ? "1 day" : count + " days";
    }
}
