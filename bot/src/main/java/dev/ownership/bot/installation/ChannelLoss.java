package dev.ownership.bot.installation;

import dev.ownership.bot.ops.MetricName;
import dev.ownership.bot.ops.Metrics;
import dev.ownership.bot.prompt.PromptSchedules;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A watched channel the bot can no longer work in, because it was archived or removed the bot, is unwatched as
 * {@code /ownership unwatch} would (its settings, leads and records stay for a later {@code watch}), and the admin who
 * set the team up gets one short DM saying so. Slack may say it several times (an archive also removes the bot, and
 * redeliveries carry new ids): only the call that actually unwatches sends the DM. Thread-safe.
 */
public final class ChannelLoss {
    private static final Logger log = LoggerFactory.getLogger(ChannelLoss.class);

    private final TeamRepository teams;
    private final PromptSchedules schedules;
    private final InstallationMessenger messenger;
    private final Metrics metrics;

    public ChannelLoss(
            TeamRepository teams, PromptSchedules schedules, InstallationMessenger messenger, Metrics metrics) {
        this.teams = Objects.requireNonNull(teams, "teams");
        this.schedules = Objects.requireNonNull(schedules, "schedules");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** Why the bot can no longer work in a channel. */
    public enum Reason {
        ARCHIVED("archived"),
        BOT_REMOVED("bot_removed");

        private final String tag;

        Reason(String tag) {
            this.tag = tag;
        }
    }

    /** The channel was archived or removed the bot: unwatch it if it was watched, and tell its admin once. */
    public void lost(String channelId, Reason reason) {
        Optional<Team> team = teams.find(channelId);
        if (team.isEmpty() || !team.get().watched() || !teams.unwatch(channelId)) {
            log.debug("Channel {} is {}, but it was not watched", channelId, reason.tag);
            return;
        }
        schedules.teamChanged(channelId);
        metrics.count(MetricName.TEAMS_UNWATCHED, "reason", reason.tag);
        log.info("Stopped watching #{} ({}): the channel was {}", team.get().channelName(), channelId, reason.tag);
        String admin = team.get().watchedBy();
        if (!messenger.dm(admin, text(team.get().channelName(), reason))) {
            log.warn(
                    "Could not tell {} that #{} is no longer watched",
                    admin,
                    team.get().channelName());
        }
    }

    /** The DM to the admin who set the team up: what happened, that nothing was lost, and how to start again. */
    static String text(String channelName, Reason reason) {
        return switch (reason) {
            case ARCHIVED ->
                "#" + channelName + " was archived, so I've stopped watching it: no more nudges, prompts "
                        + "or digests for that team. Its settings are kept. If the channel comes back, run "
                        + "`/ownership watch` in it to pick up where you left off.";
            case BOT_REMOVED ->
                "I was removed from #" + channelName + ", so I've stopped watching it: no more nudges, "
                        + "prompts or digests for that team. Its settings are kept. To start again, type "
                        + "`/invite @ownership` in the channel, then `/ownership watch`.";
        };
    }
}
