package dev.ownership.bot.home;

import dev.ownership.storage.Team;
import dev.ownership.storage.TeamRepository;
import java.util.Objects;

/**
 * The App Home's digest preview for leads, as a private message pointing to {@code /ownership digest}, which
 * previews the week so far in the team's channel.
 *
 * <p>Thread-safe.
 */
public final class DigestInstructions implements DigestPreview {
    private final HomeMessenger messenger;
    private final TeamRepository teams;

    public DigestInstructions(HomeMessenger messenger, TeamRepository teams) {
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.teams = Objects.requireNonNull(teams, "teams");
    }

    @Override
    public void preview(String userId, String channelId) {
        String name = teams.find(channelId).map(Team::channelName).orElse(channelId);
        messenger.dm(
                userId,
                "Run `/ownership digest` in <#" + channelId + "> to preview the digest of #" + name
                        + " for the week so far. Only you see it.");
    }
}
