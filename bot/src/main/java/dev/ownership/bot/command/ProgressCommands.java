package dev.ownership.bot.command;

import dev.ownership.bot.pause.Pauses;
import dev.ownership.bot.streak.Leaderboard;
import dev.ownership.bot.streak.Streak;
import dev.ownership.bot.streak.StreakService;
import dev.ownership.bot.streak.StreakText;
import dev.ownership.bot.streak.TeamProgress;
import dev.ownership.bot.streak.TeamWeeks;
import dev.ownership.bot.streak.WeekSummary;
import dev.ownership.bot.workspace.Person;
import dev.ownership.bot.workspace.Workspace;
import dev.ownership.storage.pause.PauseRepository.Pause;
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
 * {@code /ownership me} (your streaks and last weeks, in each of your teams) and {@code /ownership team} (the team's
 * weekly trend as aggregates, and a leaderboard only if the team turned one on).
 *
 * <p>Thread-safe. Looks people up in the workspace, so it may block on Slack.
 */
public final class ProgressCommands {
    private final StreakService streaks;
    private final Leaderboard leaderboard;
    private final TeamRepository teams;
    private final Pauses pauses;
    private final Workspace workspace;
    private final Clock clock;
    private final java.util.function.Function<String, String> unblocks;

    public ProgressCommands(
            StreakService streaks,
            Leaderboard leaderboard,
            TeamRepository teams,
            Pauses pauses,
            Workspace workspace,
            Clock clock) {
        this(streaks, leaderboard, teams, pauses, workspace, clock, userId -> null);
    }

    /** The commands, with {@code /ownership me} also showing the line {@code unblocks} gives (null: none). */
    public ProgressCommands(
            StreakService streaks,
            Leaderboard leaderboard,
            TeamRepository teams,
            Pauses pauses,
            Workspace workspace,
            Clock clock,
            java.util.function.Function<String, String> unblocks) {
        this.unblocks = Objects.requireNonNull(unblocks, "unblocks");
        this.streaks = Objects.requireNonNull(streaks, "streaks");
        this.leaderboard = Objects.requireNonNull(leaderboard, "leaderboard");
        this.teams = Objects.requireNonNull(teams, "teams");
        this.pauses = Objects.requireNonNull(pauses, "pauses");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Your streaks and last weeks, in every team you take part in. */
    Reply me(String userId) {
        List<TeamProgress> progress = streaks.progress(userId);
        StringBuilder text = new StringBuilder("*Your streaks and last weeks* (only you see this)");
        pauseLine(userId).ifPresent(line -> text.append('\n').append(line));
        Optional.ofNullable(unblocks.apply(userId))
                .ifPresent(line -> text.append('\n').append(line));
        if (progress.isEmpty()) {
            return Reply.info(text.append("\nI haven't seen you in a standup channel I watch yet. Post your standup ")
                    .append("there, or share a learning with `/ownership learned`, and your streaks show up here and ")
                    .append("in my Home tab.")
                    .toString());
        }
        for (TeamProgress team : progress) {
            text.append("\n\n*#").append(team.team().channelName()).append("*");
            team.streaks().forEach(streak -> text.append('\n').append(StreakText.line(streak)));
            LocalDate currentWeek =
                    TeamWeeks.weekOf(clock.instant(), team.team().timezone());
            text.append('\n').append(StreakText.personalWeeks(team.weeks(), currentWeek));
        }
        return Reply.info(text.toString());
    }

    /** The team's weekly trend, aggregates only; names only on a leaderboard the team turned on. */
    Reply team(String channelId) {
        Optional<Team> found = teams.find(channelId).filter(Team::watched);
        if (found.isEmpty()) {
            return Reply.info("I'm not watching <#" + channelId + ">, so I have no trends for it. Run "
                    + "`/ownership team #your-standup-channel`, or ask an admin to `/ownership watch` it.");
        }
        Team team = found.get();
        List<WeekSummary> weeks = streaks.teamWeeks(team);
        String span = weeks.size() == 1 ? "this week" : "the last " + weeks.size() + " weeks";
        StringBuilder text =
                new StringBuilder("*#" + team.channelName() + ": " + span + "* (team totals, nobody singled out)");
        LocalDate currentWeek = TeamWeeks.weekOf(clock.instant(), team.timezone());
        Integer members = streaks.memberCount(team).orElse(null);
        for (WeekSummary week : weeks) {
            text.append("\n• ")
                    .append(StreakText.weekName(week.week(), currentWeek))
                    .append(": ")
                    .append(StreakText.teamWeek(week, members));
        }
        text.append("\n\n").append(team.leaderboard() ? leaderboardText(team) : leaderboardOff());
        return Reply.info(text.toString());
    }

    private String leaderboardText(Team team) {
        List<Leaderboard.Standing> standings = leaderboard.standings(team);
        StringBuilder text = new StringBuilder("*Leaderboard* (current streaks: ownership · learning · early risk). ")
                .append("Only people who joined with `/ownership leaderboard join` are listed.");
        if (standings.isEmpty()) {
            return text.append("\nNobody has joined yet.").toString();
        }
        for (int i = 0; i < standings.size(); i++) {
            List<Streak> streaksOf = standings.get(i).streaks();
            text.append("\n")
                    .append(i + 1)
                    .append(". <@")
                    .append(standings.get(i).userId())
                    .append("> ");
            text.append(streaksOf.get(0).current())
                    .append(" · ")
                    .append(streaksOf.get(1).current())
                    .append(" · ")
                    .append(streaksOf.get(2).current());
        }
        return text.toString();
    }

    private static String leaderboardOff() {
        return "_No leaderboard: this team shows totals only._";
    }

    private Optional<String> pauseLine(String userId) {
        ZoneId zone = workspace.person(userId).map(Person::timezone).orElse(ZoneOffset.UTC);
        Optional<Pause> pause = pauses.current(userId, zone);
        return pause.map(current -> ":double_vertical_bar: You're paused "
                + (current.until() == null ? "until you `/ownership resume`" : "until " + current.until())
                + ": no nudges or prompts, and your weekly streaks are on hold.");
    }
}
