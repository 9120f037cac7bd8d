package dev.ownership.bot.home;

import dev.ownership.bot.pause.Pauses;
import dev.ownership.bot.pause.PersonalControls;
import dev.ownership.bot.streak.StreakService;
import dev.ownership.bot.workspace.Person;
import dev.ownership.bot.workspace.Workspace;
import dev.ownership.storage.streak.LeaderboardOptInRepository;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The App Home's quick actions. Each acts for the person who clicked, in their own teams only, then publishes
 * their App Home again with a line saying what happened.
 *
 * <p>Thread-safe. May block on Slack: run after the ack, except {@link #problemWithSharing}, which only reads the
 * database and answers a modal's submission.
 */
public final class HomeActions {
    /** The longest learning or risk accepted, as for the commands. */
    public static final int MAX_TEXT_LENGTH = 2_000;

    private final HomeService home;
    private final StreakService streaks;
    private final SharingActions sharing;
    private final DigestPreview digest;
    private final PersonalControls controls;
    private final Pauses pauses;
    private final LeaderboardOptInRepository optIns;
    private final TeamRepository teams;
    private final Workspace workspace;
    private final Clock clock;

    public HomeActions(
            HomeService home,
            StreakService streaks,
            SharingActions sharing,
            DigestPreview digest,
            PersonalControls controls,
            LeaderboardOptInRepository optIns,
            TeamRepository teams,
            Workspace workspace,
            Clock clock) {
        this.home = Objects.requireNonNull(home, "home");
        this.streaks = Objects.requireNonNull(streaks, "streaks");
        this.sharing = Objects.requireNonNull(sharing, "sharing");
        this.digest = Objects.requireNonNull(digest, "digest");
        this.controls = Objects.requireNonNull(controls, "controls");
        this.pauses = controls.pauses();
        this.optIns = Objects.requireNonNull(optIns, "optIns");
        this.teams = Objects.requireNonNull(teams, "teams");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What a person shares in: their watched teams. */
    public List<Team> teamsOf(String userId) {
        return streaks.teamsOf(userId);
    }

    /** Checks a learning or risk typed into a modal; returns what to show in it, or empty when it can go. */
    public Optional<String> problemWithSharing(String userId, String channelId, String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(HomeText.writeSomething());
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            return Optional.of(HomeText.tooLong(MAX_TEXT_LENGTH, text.length()));
        }
        if (teamsOf(userId).stream().noneMatch(team -> team.channelId().equals(channelId))) {
            return Optional.of(HomeText.noTeamToShareWith());
        }
        return Optional.empty();
    }

    /** Shares a learning in the team, as {@code /ownership learned} would. */
    public void shareLearning(String userId, String channelId, String text) {
        home.refresh(userId, sharing.shareLearning(userId, channelId, text.strip()));
    }

    /** Flags a risk in the team, as {@code /ownership risk} would. */
    public void flagRisk(String userId, String channelId, String text) {
        home.refresh(userId, sharing.flagRisk(userId, channelId, text.strip()));
    }

    /** Pauses nudges and prompts until {@code until}, the first day back. */
    public void pauseUntil(String userId, LocalDate until) {
        ZoneId zone = zoneOf(userId);
        LocalDate today = pauses.today(zone);
        if (until == null || !until.isAfter(today)) {
            home.refresh(userId, HomeText.pickADayAfter(today));
            return;
        }
        pauses.pause(userId, zone, until);
        home.refresh(userId, HomeText.pausedUntil(until));
    }

    /** Ends the person's pause. */
    public void resume(String userId) {
        boolean wasPaused = pauses.resume(userId, zoneOf(userId));
        home.refresh(userId, HomeText.resumed(wasPaused));
    }

    /** Turns the person's nudges on or off. */
    public void setNudges(String userId, boolean on) {
        controls.setNudges(userId, on);
        home.refresh(userId, HomeText.nudges(on));
    }

    /** Turns the person's scheduled prompts on or off. */
    public void setPrompts(String userId, boolean on) {
        controls.setPrompts(userId, on);
        home.refresh(userId, HomeText.prompts(on));
    }

    /** Lists or hides the person on every leaderboard their teams turn on. */
    public void showOnLeaderboard(String userId, boolean shown) {
        optIns.setShown(userId, shown, clock.instant());
        home.refresh(userId, HomeText.leaderboard(shown));
    }

    /** Previews the digest of a team the person leads; anyone else is told it is for leads. */
    public void previewDigest(String userId, String channelId) {
        Optional<Team> team = teams.find(channelId).filter(Team::watched);
        if (team.isEmpty() || !team.get().isLead(userId)) {
            home.refresh(userId, HomeText.previewIsForLeads());
            return;
        }
        digest.preview(userId, channelId);
    }

    private ZoneId zoneOf(String userId) {
        return workspace.person(userId).map(Person::timezone).orElse(ZoneOffset.UTC);
    }
}
