package dev.ownership.bot.command;

import dev.ownership.bot.pause.Pauses;
import dev.ownership.bot.workspace.Person;
import dev.ownership.bot.workspace.Workspace;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** Commands about yourself: pause and resume. */
final class PersonalCommands {
    private final Pauses pauses;
    private final Workspace workspace;

    PersonalCommands(Pauses pauses, Workspace workspace) {
        this.pauses = Objects.requireNonNull(pauses, "pauses");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    Reply pause(String userId, LocalDate until) {
        ZoneId zone = zoneOf(userId);
        LocalDate today = pauses.today(zone);
        if (until != null && !until.isAfter(today)) {
            return Reply.info("The date to resume must be after today (" + today + " where you are). Try "
                    + "`/ownership pause until " + today.plusDays(7) + "`.");
        }
        pauses.pause(userId, zone, until);
        return Reply.done(
                until == null
                        ? ":zzz: Paused. No nudges or prompts for you until you `/ownership resume`. Your weekly streaks "
                                + "are on hold, neither growing nor breaking."
                        : ":zzz: Paused until " + until
                                + " (you're back that morning). No nudges or prompts until then; your "
                                + "weekly streaks are on hold. `/ownership resume` ends it sooner.");
    }

    Reply resume(String userId) {
        boolean wasPaused = pauses.resume(userId, zoneOf(userId));
        return wasPaused
                ? Reply.done(":wave: Welcome back! Nudges and prompts are on again.")
                : Reply.info("You weren't paused, so nothing changed. `/ownership pause` takes a break.");
    }

    private ZoneId zoneOf(String userId) {
        return workspace.person(userId).map(Person::timezone).orElse(ZoneOffset.UTC);
    }
}
