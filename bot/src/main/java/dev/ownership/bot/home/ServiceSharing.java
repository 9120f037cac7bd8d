package dev.ownership.bot.home;

import dev.ownership.bot.prompt.Sharing;
import dev.ownership.bot.prompt.SharingText;
import dev.ownership.storage.prompt.ShareSource;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.util.Objects;
import java.util.Optional;

/**
 * Shares from the App Home through the prompt feature's {@link Sharing} service, with the same answers as
 * {@code /ownership learned} and {@code /ownership risk} ({@link SharingText}). Recorded as shared from the Home
 * ({@code source = 'home'}); before this class, the Home ran the command text and was recorded as {@code command},
 * though {@link ShareSource#HOME} existed for it. A team unwatched between the modal and its submission gets a short
 * answer instead of the command's fallback to the person's only team: the modal named the team. The text was checked
 * by {@link HomeActions#problemWithSharing} when the modal was submitted.
 *
 * <p>Thread-safe.
 */
public final class ServiceSharing implements SharingActions {
    private final Sharing sharing;
    private final TeamRepository teams;

    public ServiceSharing(Sharing sharing, TeamRepository teams) {
        this.sharing = Objects.requireNonNull(sharing, "sharing");
        this.teams = Objects.requireNonNull(teams, "teams");
    }

    @Override
    public String shareLearning(String userId, String channelId, String text) {
        return watched(channelId)
                .map(team ->
                        SharingText.learningShared(team, sharing.shareLearning(team, userId, text, ShareSource.HOME)))
                .orElseGet(() -> notWatched(channelId));
    }

    @Override
    public String flagRisk(String userId, String channelId, String text) {
        return watched(channelId)
                .map(team -> SharingText.riskFlagged(team, sharing.flagRisk(team, userId, text, ShareSource.HOME)))
                .orElseGet(() -> notWatched(channelId));
    }

    private Optional<Team> watched(String channelId) {
        return teams.find(channelId).filter(Team::watched);
    }

    private static String notWatched(String channelId) {
        return HomeText.teamNotWatched(channelId);
    }
}
