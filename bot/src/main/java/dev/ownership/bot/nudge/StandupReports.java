package dev.ownership.bot.nudge;

import dev.ownership.bot.workspace.Person;
import dev.ownership.bot.workspace.Workspace;
import dev.ownership.storage.nudge.ReportBot;
import dev.ownership.storage.nudge.ReportBotRepository;
import dev.ownership.storage.nudge.StandupPost;
import dev.ownership.storage.nudge.StandupRepository;
import dev.ownership.storage.workspace.TeamRepository;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the posts of a team's standup bot (Geekbot, DailyBot, Standuply, …) as reports: each is attributed to exactly
 * one member of the channel and handed to the {@link StandupService} as that person's own post, so that detection,
 * the grace period, the nudge (which links to the report) and the person's controls are the ones of any standup.
 * Another bot's posts, and posts of the named bot that cannot be attributed, change nothing; the latter are logged at
 * debug, by ids only. Nothing of the report is kept beyond what {@link StandupService} keeps for any post.
 *
 * <p>Like any post, a report is recorded before its event is acknowledged ({@link #received}, database only): its
 * verdict waits, with no person, until {@link #attribute} (which looks people up in Slack, so it runs after the ack)
 * finds the one member it names, or forgets it. Thread-safe.
 */
public final class StandupReports {
    private static final Logger log = LoggerFactory.getLogger(StandupReports.class);

    private final TeamRepository teams;
    private final ReportBotRepository bots;
    private final StandupRepository posts;
    private final Workspace workspace;
    private final StandupService standups;

    public StandupReports(
            TeamRepository teams,
            ReportBotRepository bots,
            StandupRepository posts,
            Workspace workspace,
            StandupService standups) {
        this.teams = Objects.requireNonNull(teams, "teams");
        this.bots = Objects.requireNonNull(bots, "bots");
        this.posts = Objects.requireNonNull(posts, "posts");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.standups = Objects.requireNonNull(standups, "standups");
    }

    /**
     * A bot posted at the top level of a channel; called before the ack. A report of the team's standup bot is
     * recorded without its person, who is to be found by {@link #attribute}.
     *
     * @return the report to attribute, or empty when the post is not one (or was recorded before)
     */
    Optional<Arrival> received(BotPost post) {
        Optional<ReportBot> bot = reportBot(post);
        if (bot.isEmpty()) {
            return Optional.empty();
        }
        ReportReading.Reading reading = ReportReading.read(post, bot.get().botName());
        if (!reading.isReport()) {
            log.debug("Skipped a post of the standup bot in {} ({}): {}", post.channelId(), post.ts(), reading.why());
            return Optional.empty();
        }
        if (!standups.arrived(post.channelId(), post.ts(), reading.answers())) {
            return Optional.empty();
        }
        return Optional.of(new Arrival(post, reading.named()));
    }

    /**
     * Finds the one member of the channel a received report names, after the ack, or forgets the report: also when
     * Slack cannot be asked, since nothing that names the person is kept to ask again later.
     */
    void attribute(Arrival arrival) {
        BotPost post = arrival.post();
        Optional<String> person = Optional.empty();
        try {
            person = member(post, arrival.named());
        } finally {
            if (person.isPresent()) {
                standups.attributed(post.channelId(), post.ts(), person.get());
            } else {
                standups.unattributed(post.channelId(), post.ts());
            }
        }
    }

    /**
     * A bot edited a top-level post of a channel (Geekbot lets people edit a report after sending it); called before
     * the ack. A report read before is judged again as its person's, whoever the edit names; one not read before is
     * received now.
     *
     * @return the report to attribute, when the edit is the first this bot saw of it
     */
    Optional<Arrival> edited(BotPost post) {
        Optional<ReportBot> bot = reportBot(post);
        if (bot.isEmpty()) {
            return Optional.empty();
        }
        Optional<StandupPost> known = posts.find(post.channelId(), post.ts());
        if (known.isEmpty()) {
            return received(post);
        }
        ReportReading.Reading reading = ReportReading.read(post, bot.get().botName());
        String answers = reading.isReport() ? reading.answers() : "";
        standups.edited(post.channelId(), post.ts(), known.get().userId(), answers);
        return Optional.empty();
    }

    /** A report recorded before its ack, and whom it names. */
    record Arrival(BotPost post, ReportReading.Named named) {
        Arrival {
            Objects.requireNonNull(post, "post");
            Objects.requireNonNull(named, "named");
        }
    }

    private Optional<ReportBot> reportBot(BotPost post) {
        if (!teams.isWatched(post.channelId())) {
            return Optional.empty();
        }
        return bots.find(post.channelId())
                .filter(bot ->
                        bot.botId().equals(post.botId()) || bot.botUserId().equals(post.botUserId()));
    }

    /** The one reachable member of the channel the report names, or empty (logged) when there is not exactly one. */
    private Optional<String> member(BotPost post, ReportReading.Named named) {
        List<String> matches;
        if (named instanceof ReportReading.Named.ById byId) {
            // One lookup for an id: it must be in the channel and an active person.
            boolean member =
                    workspace.memberIds(post.channelId()).orElse(List.of()).contains(byId.userId())
                            && workspace
                                    .person(byId.userId())
                                    .filter(Person::isReachableHuman)
                                    .isPresent();
            matches = member ? List.of(byId.userId()) : List.of();
        } else {
            String name = ((ReportReading.Named.ByName) named).name();
            matches = workspace.members(post.channelId()).stream()
                    .filter(id -> workspace
                            .person(id)
                            .filter(person -> isNamed(person, name))
                            .isPresent())
                    .toList();
        }
        if (matches.size() != 1) {
            log.debug(
                    "Skipped a report in {} ({}): it names {} of the channel's members, not exactly one",
                    post.channelId(),
                    post.ts(),
                    matches.size());
            return Optional.empty();
        }
        return Optional.of(matches.get(0));
    }

    private static boolean isNamed(Person person, String name) {
        return ReportReading.normalised(person.name()).equals(name)
                || ReportReading.normalised(person.realName()).equals(name);
    }
}
