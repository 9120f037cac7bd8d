package dev.ownership.bot.digest;

import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a lead (or an admin) a private preview of their team's digest for the week so far, by DM, as from the App
 * Home's button. Anyone else gets nothing: the request is refused and logged.
 *
 * <p>Thread-safe.
 */
public final class DigestPreviews {
    private static final Logger log = LoggerFactory.getLogger(DigestPreviews.class);

    private final TeamRepository teams;
    private final Predicate<String> isAdmin;
    private final DigestService digests;
    private final DigestMessenger messenger;

    public DigestPreviews(
            TeamRepository teams, Predicate<String> isAdmin, DigestService digests, DigestMessenger messenger) {
        this.teams = Objects.requireNonNull(teams, "teams");
        this.isAdmin = Objects.requireNonNull(isAdmin, "isAdmin");
        this.digests = Objects.requireNonNull(digests, "digests");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
    }

    /** Previews the digest of {@code channelId}'s team for {@code userId}, if they lead it or are an admin. */
    public void preview(String userId, String channelId) {
        Optional<Team> team = teams.find(channelId).filter(Team::watched);
        if (team.isEmpty() || !(team.get().isLead(userId) || isAdmin.test(userId))) {
            log.warn(
                    "Refused a digest preview of {} for {}, who is neither a lead of it nor an admin",
                    channelId,
                    userId);
            return;
        }
        messenger.sendPreview(userId, digests.preview(team.get()));
    }
}
