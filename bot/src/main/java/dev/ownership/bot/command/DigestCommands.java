package dev.ownership.bot.command;

import dev.ownership.bot.digest.DigestService;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.util.Objects;
import java.util.Optional;

/** {@code /ownership digest [#channel]}: a private preview of the week so far, for admins and the team's leads. */
final class DigestCommands {
    private final TeamRepository teams;
    private final Admins admins;
    private final DigestService digests;

    DigestCommands(TeamRepository teams, Admins admins, DigestService digests) {
        this.teams = Objects.requireNonNull(teams, "teams");
        this.admins = Objects.requireNonNull(admins, "admins");
        this.digests = Objects.requireNonNull(digests, "digests");
    }

    Reply preview(String userId, String channelId) {
        Optional<Team> team = teams.find(channelId).filter(Team::watched);
        if (team.isEmpty()) {
            return Reply.info("I'm not watching <#" + channelId + ">, so it has no digest. Run `/ownership digest` in "
                    + "your team's standup channel, or name it: `/ownership digest #standup`.");
        }
        if (!admins.mayConfigure(userId, team.get())) {
            return Reply.info("The digest of #" + team.get().channelName() + " is for the people who look after the "
                    + "team. `/ownership team` shows its trends to everyone.");
        }
        return Reply.withDigest(
                "Here is the digest of #" + team.get().channelName() + " for the week so far. Only you can see this; "
                        + "the leads get the full week by DM.",
                digests.preview(team.get()));
    }
}
