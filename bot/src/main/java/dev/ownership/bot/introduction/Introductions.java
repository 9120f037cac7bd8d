package dev.ownership.bot.introduction;

import dev.ownership.bot.ops.MetricName;
import dev.ownership.bot.ops.Metrics;
import dev.ownership.bot.workspace.Person;
import dev.ownership.bot.workspace.Workspace;
import dev.ownership.storage.workspace.IntroductionRepository;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Introduces the bot: once in a channel when it starts being watched (unless the admin asked for quiet), and once
 * to each person who joins a watched channel later, by DM. People who were in the channel when it was watched saw
 * the post and get no DM.
 *
 * <p>Thread-safe. May block on Slack calls: runs after the command or event was acknowledged.
 */
public final class Introductions {
    private static final Logger log = LoggerFactory.getLogger(Introductions.class);

    private final TeamRepository teams;
    private final IntroductionRepository introduced;
    private final Workspace workspace;
    private final IntroductionMessenger messenger;
    private final Clock clock;
    private final Metrics metrics;

    public Introductions(
            TeamRepository teams,
            IntroductionRepository introduced,
            Workspace workspace,
            IntroductionMessenger messenger,
            Clock clock,
            Metrics metrics) {
        this.teams = Objects.requireNonNull(teams, "teams");
        this.introduced = Objects.requireNonNull(introduced, "introduced");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * Posts the introduction in a channel that was just watched.
     *
     * @return whether it was posted
     */
    public boolean introduceChannel(String channelId) {
        Optional<Team> team = teams.find(channelId).filter(Team::watched);
        if (team.isEmpty()) {
            return false;
        }
        boolean posted = messenger.post(channelId, IntroductionText.inChannel(team.get()));
        metrics.count(MetricName.INTRODUCTIONS, "outcome", posted ? "channel_sent" : "channel_failed");
        if (!posted) {
            log.warn("The introduction in #{} could not be posted", team.get().channelName());
        }
        return posted;
    }

    /** Welcomes {@code userId}, who just joined {@code channelId}, once, if the channel is watched. */
    public void welcome(String channelId, String userId) {
        Optional<Team> team = teams.find(channelId).filter(Team::watched);
        if (team.isEmpty() || userId.equals(team.get().watchedBy())) {
            return;
        }
        Optional<Person> person = workspace.person(userId);
        if (person.isEmpty() || !person.get().isReachableHuman()) {
            return;
        }
        if (!introduced.claim(channelId, userId, clock.instant())) {
            return;
        }
        boolean sent = messenger.post(userId, IntroductionText.forNewcomer(team.get()));
        metrics.count(MetricName.INTRODUCTIONS, "outcome", sent ? "dm_sent" : "dm_failed");
    }
}
