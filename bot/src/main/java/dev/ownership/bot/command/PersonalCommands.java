package dev.ownership.bot.command;

import dev.ownership.bot.pause.Pauses;
import dev.ownership.bot.privacy.ForgetMe;
import dev.ownership.bot.workspace.Person;
import dev.ownership.bot.workspace.Workspace;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** Commands about yourself: pause, resume, and the question {@code forget-me} asks first. */
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

    /** Today's date where {@code userId} is, as their pauses count it. */
    LocalDate today(String userId) {
        return pauses.today(zoneOf(userId));
    }

    Reply resume(String userId) {
        boolean wasPaused = pauses.resume(userId, zoneOf(userId));
        return wasPaused
                ? Reply.done(":wave: Welcome back! Nudges and prompts are on again.")
                : Reply.info("You weren't paused, so nothing changed. `/ownership pause` takes a break.");
    }

    /** What {@code forget-me} will erase, with the buttons to go ahead or not; nothing changes yet. */
    Reply forgetMe() {
        return Reply.confirm(
                "*Erase everything I store about you?*\nIn every team, at once: the records of your standup posts "
                        + "(labels, next steps you typed), your learnings, risks and risk check-ins, impact notes, "
                        + "prompts, streak milestones, pauses, lead and member roles, and your leaderboard choice. "
                        + "Messages already posted in Slack stay where they are. This can't be undone.\n"
                        + "Afterwards I leave you out (no nudges, prompts or celebrations) until you "
                        + "`/ownership resume`.",
                new Reply.Button(ForgetMe.CONFIRM, "Erase everything about me", true),
                new Reply.Button(ForgetMe.CANCEL, "Keep my data", false));
    }

    private ZoneId zoneOf(String userId) {
        return workspace.person(userId).map(Person::timezone).orElse(ZoneOffset.UTC);
    }
}
