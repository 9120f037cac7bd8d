package dev.ownership.bot.command;

import dev.ownership.bot.prompt.PromptSchedules;
import dev.ownership.storage.prompt.TeamSchedule;
import dev.ownership.storage.workspace.Team;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The lines {@code /ownership settings} shows about a team's prompts, its digest, and who gets the prompts. */
public final class ScheduleSettings implements TeamSettingsSection {
    private final PromptSchedules schedules;

    public ScheduleSettings(PromptSchedules schedules) {
        this.schedules = Objects.requireNonNull(schedules, "schedules");
    }

    @Override
    public Optional<String> describe(Team team) {
        List<String> prompts = new ArrayList<>();
        String digest = "";
        for (TeamSchedule schedule : schedules.all(team.channelId())) {
            if ("digest".equals(schedule.kind())) {
                digest = when(team, schedule)
                        + (schedule.enabled() ? " (" + team.timezone().getId() + ")" : "");
            } else {
                prompts.add(schedule.kind() + " " + when(team, schedule));
            }
        }
        int members = schedules.memberCount(team.channelId());
        return Optional.of("Prompts (each member's own time, on working days): " + String.join(", ", prompts)
                + "\n• Digest: " + digest
                + "\n• Prompted: " + members + (members == 1 ? " person" : " people") + " in the channel (bots left "
                + "out). `/ownership schedule KIND DAYS HH:MM` or `schedule KIND off` changes a schedule");
    }

    private static String when(Team team, TeamSchedule schedule) {
        if (!schedule.enabled()) {
            return "off";
        }
        String when = DaysFormat.describe(schedule.days()) + " " + schedule.at();
        return PromptSchedules.neverFires(team, schedule) ? when + " (never: not a working day)" : when;
    }
}
