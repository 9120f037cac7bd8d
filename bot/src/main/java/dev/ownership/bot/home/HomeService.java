package dev.ownership.bot.home;

import dev.ownership.bot.pause.Pauses;
import dev.ownership.bot.streak.Celebrations;
import dev.ownership.bot.streak.StreakService;
import dev.ownership.bot.streak.TeamProgress;
import dev.ownership.bot.workspace.Person;
import dev.ownership.bot.workspace.Workspace;
import dev.ownership.storage.LeaderboardOptOutRepository;
import dev.ownership.storage.PauseRepository.Pause;
import dev.ownership.storage.TeamRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts a person's App Home together from their progress and publishes it; on the way, celebrates the milestones
 * their progress newly reached. Not published for people the bot may not message (bots, deactivated accounts).
 *
 * <p>Thread-safe. Blocks on Slack: run it after the ack, e.g. behind a {@link HomeRefresher}.
 */
public final class HomeService {
    private final StreakService streaks;
    private final Celebrations celebrations;
    private final Pauses pauses;
    private final TeamRepository teams;
    private final LeaderboardOptOutRepository optOuts;
    private final Workspace workspace;
    private final HomeMessenger messenger;
    private final Clock clock;

    public HomeService(
            StreakService streaks,
            Celebrations celebrations,
            Pauses pauses,
            TeamRepository teams,
            LeaderboardOptOutRepository optOuts,
            Workspace workspace,
            HomeMessenger messenger,
            Clock clock) {
        this.streaks = Objects.requireNonNull(streaks, "streaks");
        this.celebrations = Objects.requireNonNull(celebrations, "celebrations");
        this.pauses = Objects.requireNonNull(pauses, "pauses");
        this.teams = Objects.requireNonNull(teams, "teams");
        this.optOuts = Objects.requireNonNull(optOuts, "optOuts");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Celebrates new milestones and publishes the person's App Home. */
    public void refresh(String userId) {
        refresh(userId, null);
    }

    /** Like {@link #refresh(String)}, showing {@code notice} (what their last action did) at the top. */
    public void refresh(String userId, String notice) {
        Optional<Person> person = workspace.person(userId).filter(Person::isReachableHuman);
        if (person.isEmpty()) {
            return;
        }
        List<TeamProgress> progress = streaks.progress(userId);
        celebrations.celebrateNew(userId, progress);
        messenger.publish(page(person.get(), progress, notice));
    }

    private HomePage page(Person person, List<TeamProgress> progress, String notice) {
        Instant now = clock.instant();
        Optional<Pause> pause = pauses.current(person.id(), person.timezone());
        return new HomePage(
                person.id(),
                now,
                pauses.today(person.timezone()),
                pause.isPresent(),
                pause.map(Pause::until).orElse(null),
                progress,
                optOuts.isShown(person.id()),
                teams.ledBy(person.id()),
                notice);
    }
}
