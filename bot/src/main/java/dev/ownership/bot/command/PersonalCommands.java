package dev.ownership.bot.command;

import dev.ownership.bot.pause.Pauses;
import dev.ownership.bot.pause.PersonalControls;
import dev.ownership.bot.privacy.ForgetMe;
import dev.ownership.bot.workspace.Person;
import dev.ownership.bot.workspace.Workspace;
import dev.ownership.storage.streak.LeaderboardOptInRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Commands about yourself: pause and resume, nudges and prompts on or off, the leaderboard, and the question
 * {@code forget-me} asks first.
 */
final class PersonalCommands {
    private final PersonalControls controls;
    private final Pauses pauses;
    private final LeaderboardOptInRepository optIns;
    private final Workspace workspace;
    private final Clock clock;

    PersonalCommands(PersonalControls controls, LeaderboardOptInRepository optIns, Workspace workspace, Clock clock) {
        this.controls = Objects.requireNonNull(controls, "controls");
        this.pauses = controls.pauses();
        this.optIns = Objects.requireNonNull(optIns, "optIns");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Reply nudges(String userId, boolean on) {
        boolean was = controls.controls(userId).nudges();
        controls.setNudges(userId, on);
        String pausedNote = pausedNote(userId);
        if (on) {
            return was
                    ? Reply.info("Your nudges were already on." + pausedNote)
                    : Reply.done("Nudges are on again: if a standup post of yours has a blocker without a next step, "
                            + "I'll send you one private note." + pausedNote);
        }
        return was
                ? Reply.done("Got it, no more nudges for you. Prompts and your streaks carry on as before; "
                        + "`/ownership nudges on` brings nudges back.")
                : Reply.info("Your nudges were already off. `/ownership nudges on` brings them back.");
    }

    Reply prompts(String userId, boolean on) {
        boolean was = controls.controls(userId).prompts();
        controls.setPrompts(userId, on);
        String pausedNote = pausedNote(userId);
        if (on) {
            return was
                    ? Reply.info("Your prompts were already on." + pausedNote)
                    : Reply.done(
                            "Prompts are on again: you'll get your team's scheduled questions by DM." + pausedNote);
        }
        return was
                ? Reply.done("Got it, no more scheduled prompts for you. You can still share any time with "
                        + "`/ownership learned TEXT` or `/ownership risk TEXT`; `/ownership prompts on` brings them "
                        + "back.")
                : Reply.info("Your prompts were already off. `/ownership prompts on` brings them back.");
    }

    Reply leaderboard(String userId, boolean join) {
        boolean was = optIns.isShown(userId);
        optIns.setShown(userId, join, clock.instant());
        if (join) {
            return was
                    ? Reply.info("You're already on the leaderboard of teams that turned one on.")
                    : Reply.done("You're on the leaderboard now, wherever your team has turned one on. "
                            + "`/ownership leaderboard leave` takes you off.");
        }
        return was
                ? Reply.done("You're off the leaderboard. Your streaks stay yours, in `/ownership me`.")
                : Reply.info("You aren't on any leaderboard: nobody is listed unless they join.");
    }

    private String pausedNote(String userId) {
        return pauses.current(userId, zoneOf(userId))
                .map(pause -> pause.until() == null
                        ? " You're paused, though, until you `/ownership resume`."
                        : " You're paused until " + pause.until() + ", though.")
                .orElse("");
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
                                + "are on hold meanwhile."
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
                        + "prompts, streak milestones, pauses, your nudge and prompt switches, lead, member and admin roles, and "
                        + "your leaderboard choice. "
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
