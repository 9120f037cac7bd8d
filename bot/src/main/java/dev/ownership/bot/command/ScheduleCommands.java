package dev.ownership.bot.command;

import dev.ownership.bot.prompt.PromptSchedules;
import dev.ownership.storage.prompt.TeamSchedule;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code schedule learning|risk|impact|digest DAYS HH:MM} and {@code schedule KIND off}, and the schedules a
 * newly watched team starts with. Prompts go out at the scheduled time in each member's own timezone, on working
 * days and within working hours; the digest at the team's time.
 */
final class ScheduleCommands implements TeamListener {
    private final TeamRepository teams;
    private final PromptSchedules schedules;

    ScheduleCommands(TeamRepository teams, PromptSchedules schedules) {
        this.teams = Objects.requireNonNull(teams, "teams");
        this.schedules = Objects.requireNonNull(schedules, "schedules");
    }

    Reply schedule(Command.Schedule command, String channelId) {
        Optional<Team> found = teams.find(channelId).filter(Team::watched);
        if (found.isEmpty()) {
            return TeamAdminCommands.notWatched(channelId);
        }
        Team team = found.get();
        PromptKind kind = command.kind();
        if (kind.isPrompt() && outsideHours(team, command.time())) {
            return Reply.info("Prompts go out within the team's working hours (" + team.workStart() + "–"
                    + team.workEnd() + " in each person's own time), and " + command.time() + " isn't. Pick a time in "
                    + "them, or change them first with `/ownership schedule hours HH:MM-HH:MM`. Nothing changed.");
        }
        schedules.set(channelId, kind.word(), command.days(), command.time());
        TeamSchedule stored = schedules.of(channelId, kind.word());
        return Reply.done(describe(team, stored) + warning(team, stored) + " `/ownership schedule " + kind.word()
                + " off` turns it off.");
    }

    Reply off(Command.ScheduleOff command, String channelId) {
        Optional<Team> found = teams.find(channelId).filter(Team::watched);
        if (found.isEmpty()) {
            return TeamAdminCommands.notWatched(channelId);
        }
        String kind = command.kind().word();
        if (!schedules.of(channelId, kind).enabled()) {
            return Reply.info(
                    "The " + name(command.kind()) + " of #" + found.get().channelName() + " is already off.");
        }
        schedules.turnOff(channelId, kind);
        return Reply.done(
                "Turned the " + name(command.kind()) + " of #" + found.get().channelName() + " off. "
                        + "`/ownership schedule " + kind + " DAYS HH:MM` turns it back on.");
    }

    @Override
    public void watched(String channelId) {
        schedules.teamWatched(channelId);
    }

    @Override
    public void changed(String channelId) {
        schedules.teamChanged(channelId);
    }

    private static String describe(Team team, TeamSchedule schedule) {
        String when = DaysFormat.describe(schedule.days()) + " " + schedule.at();
        if ("digest".equals(schedule.kind())) {
            return "The digest of #" + team.channelName() + " goes to its leads " + when + " ("
                    + team.timezone().getId() + ").";
        }
        return "The " + schedule.kind() + " prompt of #" + team.channelName() + " goes out " + when
                + " in each member's own timezone, on working days.";
    }

    private static String warning(Team team, TeamSchedule schedule) {
        return PromptSchedules.neverFires(team, schedule)
                ? " None of those days is a working day (" + DaysFormat.describe(team.workdays()) + "), so it won't "
                        + "go out until `/ownership schedule workdays` includes one."
                : "";
    }

    private static boolean outsideHours(Team team, LocalTime time) {
        return time.isBefore(team.workStart()) || !time.isBefore(team.workEnd());
    }

    private static String name(PromptKind kind) {
        return kind.isPrompt() ? kind.word() + " prompt" : "digest";
    }
}
