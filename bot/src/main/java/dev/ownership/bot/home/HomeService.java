package dev.ownership.bot.home;

import dev.ownership.bot.learning.LearningLibrary;
import dev.ownership.bot.pause.Pauses;
import dev.ownership.bot.pause.PersonalControls;
import dev.ownership.bot.streak.Celebrations;
import dev.ownership.bot.streak.ProgressRefresher;
import dev.ownership.bot.streak.StreakService;
import dev.ownership.bot.streak.TeamProgress;
import dev.ownership.bot.workspace.Person;
import dev.ownership.bot.workspace.Workspace;
import dev.ownership.storage.pause.PauseRepository.Pause;
import dev.ownership.storage.pause.PersonalControlRepository.Controls;
import dev.ownership.storage.streak.LeaderboardOptInRepository;
import dev.ownership.storage.workspace.TeamRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Puts a person's App Home together from their progress and publishes it; on the way, celebrates the milestones
 * their progress newly reached. Not published for people the bot may not message (bots, deactivated accounts).
 *
 * <p>A notice (what the person's last action did) stays on their page for {@link #NOTICE_SHOWN}, so a refresh that
 * overlaps the action's own does not swallow it.
 *
 * <p>Thread-safe. Refreshes of one person run one at a time, each reading their progress afresh, so the page
 * published last shows the latest progress even when several facts arrive at once. Blocks on Slack: run it after
 * the ack, e.g. behind a {@link ProgressRefresher}.
 */
public final class HomeService {
    /** How long a notice stays on the page. */
    public static final Duration NOTICE_SHOWN = Duration.ofMinutes(10);

    private static final int STRIPES = 64;

    private final StreakService streaks;
    private final Celebrations celebrations;
    private final PersonalControls controls;
    private final Pauses pauses;
    private final TeamRepository teams;
    private final LeaderboardOptInRepository optIns;
    private final Workspace workspace;
    private final HomeMessenger messenger;
    private final Clock clock;
    private final Function<String, String> unblocks;
    private final LearningLibrary library;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final Map<String, Notice> notices = new ConcurrentHashMap<>();

    public HomeService(
            StreakService streaks,
            Celebrations celebrations,
            PersonalControls controls,
            TeamRepository teams,
            LeaderboardOptInRepository optIns,
            Workspace workspace,
            HomeMessenger messenger,
            Clock clock,
            LearningLibrary library,
            Function<String, String> unblocks) {
        this.unblocks = Objects.requireNonNull(unblocks, "unblocks");
        this.streaks = Objects.requireNonNull(streaks, "streaks");
        this.celebrations = Objects.requireNonNull(celebrations, "celebrations");
        this.controls = Objects.requireNonNull(controls, "controls");
        this.pauses = controls.pauses();
        this.teams = Objects.requireNonNull(teams, "teams");
        this.optIns = Objects.requireNonNull(optIns, "optIns");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.library = Objects.requireNonNull(library, "library");
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock(true);
        }
    }

    /** Celebrates new milestones and publishes the person's App Home. */
    public void refresh(String userId) {
        refresh(userId, null);
    }

    /** Like {@link #refresh(String)}, showing {@code notice} (what their last action did) at the top. */
    public void refresh(String userId, String notice) {
        if (notice != null) {
            notices.put(userId, new Notice(notice, clock.instant()));
        }
        Optional<Person> person = workspace.person(userId).filter(Person::isReachableHuman);
        if (person.isEmpty()) {
            return;
        }
        ReentrantLock lock = stripes[Math.floorMod(userId.hashCode(), STRIPES)];
        lock.lock();
        try {
            List<TeamProgress> progress = streaks.progress(userId);
            celebrations.celebrateNew(userId, progress);
            messenger.publish(page(person.get(), progress, currentNotice(userId)));
        } finally {
            lock.unlock();
        }
    }

    private String currentNotice(String userId) {
        Instant shownSince = clock.instant().minus(NOTICE_SHOWN);
        Notice notice =
                notices.computeIfPresent(userId, (id, current) -> current.at().isAfter(shownSince) ? current : null);
        return notice == null ? null : notice.text();
    }

    private HomePage page(Person person, List<TeamProgress> progress, String notice) {
        Instant now = clock.instant();
        Optional<Pause> pause = pauses.current(person.id(), person.timezone());
        Controls switches = controls.controls(person.id());
        return new HomePage(
                person.id(),
                now,
                pauses.today(person.timezone()),
                pause.isPresent(),
                pause.map(Pause::until).orElse(null),
                switches.nudges(),
                switches.prompts(),
                progress,
                optIns.isShown(person.id()),
                teams.ledBy(person.id()),
                notice,
                unblocks.apply(person.id()),
                library.latestForHome(person.id()));
    }

    private record Notice(String text, Instant at) {}
}
