package dev.ownership.bot.command;

import dev.ownership.storage.workspace.Team;
import java.util.List;
import java.util.stream.Collectors;

/** What a refused command says: who can do it instead, by name, never a configuration variable. */
final class Refusals {
    private Refusals() {}

    /** Someone who may not configure {@code team} tried to. */
    static String teamAdminsOnly(Team team, List<String> ownershipAdmins) {
        return teamAdminsOnly(team, ownershipAdmins, "change how it's set up");
    }

    /** Someone who does not look after {@code team} tried to do {@code what} ("send it a prompt"). */
    static String teamAdminsOnly(Team team, List<String> ownershipAdmins, String what) {
        List<String> teamAdmins = Admins.teamAdmins(team);
        StringBuilder text = new StringBuilder("Only the people who look after #")
                .append(team.channelName())
                .append(" can ")
                .append(what)
                .append(": ");
        if (teamAdmins.isEmpty()) {
            text.append(ownershipAdminsToAsk(ownershipAdmins));
        } else {
            text.append("ask ").append(whoSetUpAndLeads(team));
            text.append('.');
        }
        return text.toString();
    }

    /** Someone who is not an Ownership admin tried to watch a channel nobody set up yet. */
    static String newTeam(List<String> ownershipAdmins) {
        return "Starting to watch a new channel is up to an Ownership admin: " + ownershipAdminsToAsk(ownershipAdmins)
                + " Once it's watched, whoever set it up and the team's leads can change its settings.";
    }

    /** Someone who is not a workspace admin tried to change who the Ownership admins are. */
    static String workspaceAdminsOnly() {
        return "Only workspace admins and owners can change who the Ownership admins are. `/ownership admins` shows "
                + "who they are now.";
    }

    private static String whoSetUpAndLeads(Team team) {
        String leads = team.leads().stream()
                .filter(id -> !id.equals(team.watchedBy()))
                .map(Refusals::mention)
                .collect(Collectors.joining(", "));
        if (team.watchedBy().isEmpty()) {
            return "its leads, " + leads;
        }
        String setUp = mention(team.watchedBy()) + ", who set up #" + team.channelName();
        return leads.isEmpty() ? setUp : setUp + ", or its leads, " + leads;
    }

    private static String ownershipAdminsToAsk(List<String> ownershipAdmins) {
        if (ownershipAdmins.isEmpty()) {
            return "ask a workspace admin or owner.";
        }
        return "ask " + ownershipAdmins.stream().limit(3).map(Refusals::mention).collect(Collectors.joining(" or "))
                + ", or a workspace admin.";
    }

    static String mention(String userId) {
        return "<@" + userId + ">";
    }
}
