package dev.ownership.bot.command;

import dev.ownership.bot.prompt.PromptSchedules;
import dev.ownership.bot.prompt.PromptType;
import dev.ownership.bot.prompt.StandupPlan;
import dev.ownership.storage.prompt.TeamSchedule;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code schedule standup …}, {@code schedule standup-reminder …} and {@code settings questions …}: the standup the
 * bot runs for a team that has none, at each member's own time on working days, and its line in
 * {@code /ownership settings}.
 *
 * <p>Thread-safe.
 */
public final class StandupCommands implements TeamSettingsSection {
    private static final String KIND = PromptType.STANDUP.word();

    private final TeamRepository teams;
    private final PromptSchedules schedules;
    private final StandupPlan plan;

    public StandupCommands(TeamRepository teams, PromptSchedules schedules, StandupPlan plan) {
        this.teams = Objects.requireNonNull(teams, "teams");
        this.schedules = Objects.requireNonNull(schedules, "schedules");
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    Reply schedule(Command.ScheduleStandup command, String channelId) {
        Optional<Team> found = teams.find(channelId).filter(Team::watched);
        if (found.isEmpty()) {
            return TeamAdminCommands.notWatched(channelId);
        }
        Team team = found.get();
        if (outsideHours(team, command.time())) {
            return Reply.info("The standup goes out within the team's working hours (" + hours(team) + " in each "
                    + "person's own time), and " + command.time() + " isn't. Pick a time in them, or change them "
                    + "with `/ownership schedule hours HH:MM-HH:MM`. Nothing changed.");
        }
        if (command.remind() == Command.Remind.AT) {
            Optional<Reply> refused = refusedReminder(team, command.time(), command.remindAt());
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        applyReminder(channelId, command.remind(), command.remindAt());
        schedules.set(channelId, KIND, command.days(), command.time());
        return Reply.done(describe(team, schedules.find(channelId, KIND).orElseThrow()) + " `/ownership settings "
                + "questions Q1 | Q2 | Q3` changes the questions, `/ownership schedule standup off` stops it.");
    }

    Reply off(Command.StandupOff command, String channelId) {
        Optional<Team> found = teams.find(channelId).filter(Team::watched);
        if (found.isEmpty()) {
            return TeamAdminCommands.notWatched(channelId);
        }
        Optional<TeamSchedule> current = schedules.find(channelId, KIND).filter(TeamSchedule::enabled);
        if (current.isEmpty()) {
            return Reply.info("I'm not running the standup of #" + found.get().channelName() + ".");
        }
        schedules.turnOff(channelId, KIND);
        return Reply.done("I'll stop running the standup of #" + found.get().channelName() + ". Its questions and "
                + "reminder are kept: `/ownership schedule standup DAYS HH:MM` starts it again.");
    }

    Reply reminder(Command.StandupReminder command, String channelId) {
        Optional<Team> found = teams.find(channelId).filter(Team::watched);
        if (found.isEmpty()) {
            return TeamAdminCommands.notWatched(channelId);
        }
        Team team = found.get();
        Optional<TeamSchedule> standup = schedules.find(channelId, KIND);
        if (command.remind() == Command.Remind.AT && standup.isPresent()) {
            Optional<Reply> refused = refusedReminder(team, standup.get().at(), command.at());
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        applyReminder(channelId, command.remind(), command.at());
        return Reply.done(reminderLine(team, standup.map(TeamSchedule::at).orElse(null)) + ".");
    }

    Reply questions(Command.StandupQuestions command, String channelId) {
        Optional<Team> found = teams.find(channelId).filter(Team::watched);
        if (found.isEmpty()) {
            return TeamAdminCommands.notWatched(channelId);
        }
        plan.setQuestions(channelId, command.questions());
        String which = command.questions().isEmpty() ? "the default questions" : "these questions";
        return Reply.done("The standup of #" + found.get().channelName() + " asks " + which + " from its next run:\n"
                + numbered(plan.questions(channelId)));
    }

    @Override
    public Optional<String> describe(Team team) {
        Optional<TeamSchedule> standup = schedules.find(team.channelId(), KIND).filter(TeamSchedule::enabled);
        if (standup.isEmpty()) {
            return Optional.of("Standup run by me: off (`/ownership schedule standup DAYS HH:MM` starts it)");
        }
        Optional<LocalTime> reminder =
                plan.reminderTime(team.channelId(), standup.get().at());
        String never = PromptSchedules.neverFires(team, standup.get()) ? " (never: not a working day)" : "";
        return Optional.of(
                "Standup run by me: " + DaysFormat.describe(standup.get().days()) + " "
                        + standup.get().at()
                        + never + " (each member's own time), reminder "
                        + reminder.map(LocalTime::toString).orElse("off")
                        + "; questions: " + String.join(" | ", plan.questions(team.channelId())));
    }

    private String describe(Team team, TeamSchedule standup) {
        String when = DaysFormat.describe(standup.days()) + " " + standup.at();
        String never = PromptSchedules.neverFires(team, standup)
                ? " None of those days is a working day, so it won't run until `/ownership schedule workdays` "
                        + "includes one."
                : "";
        int questions = plan.questions(team.channelId()).size();
        return "The standup of #" + team.channelName() + " runs " + when + ", at that time in each member's own "
                + "timezone and only on working days. I DM everyone the team's " + questions
                + (questions == 1 ? " question" : " questions") + " and post their answers in #" + team.channelName()
                + " under their name. " + reminderLine(team, standup.at()) + "." + never;
    }

    private String reminderLine(Team team, LocalTime standupAt) {
        if (standupAt == null) {
            return "The reminder is set for when the standup runs (`/ownership schedule standup DAYS HH:MM`)";
        }
        Optional<LocalTime> at = plan.reminderTime(team.channelId(), standupAt);
        if (at.isEmpty()) {
            return "No reminder";
        }
        String outside = outsideHours(team, at.get()) ? " (outside working hours, so it won't go out)" : "";
        return "One reminder at " + at.get() + (plan.ownReminderTime(team.channelId()) ? "" : " (two hours later)")
                + " to whoever hasn't answered" + outside;
    }

    private void applyReminder(String channelId, Command.Remind remind, LocalTime at) {
        switch (remind) {
            case KEEP -> {}
            case AT -> plan.remindAt(channelId, at);
            case DEFAULT -> plan.remindAt(channelId, null);
            case OFF -> plan.remindOff(channelId);
        }
    }

    private static Optional<Reply> refusedReminder(Team team, LocalTime standupAt, LocalTime remindAt) {
        if (!remindAt.isAfter(standupAt)) {
            return Optional.of(Reply.info("The reminder must come after the standup (" + standupAt + "), and "
                    + remindAt + " doesn't. Nothing changed."));
        }
        if (outsideHours(team, remindAt)) {
            return Optional.of(Reply.info("The reminder goes out within working hours (" + hours(team) + "), and "
                    + remindAt + " isn't. Nothing changed."));
        }
        return Optional.empty();
    }

    private static String numbered(java.util.List<String> questions) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < questions.size(); i++) {
            text.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(questions.get(i));
        }
        return text.toString();
    }

    private static String hours(Team team) {
        return team.workStart() + "–" + team.workEnd();
    }

    private static boolean outsideHours(Team team, LocalTime time) {
        return time.isBefore(team.workStart()) || !time.isBefore(team.workEnd());
    }
}
