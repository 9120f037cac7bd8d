package dev.ownership.bot.home;

import java.time.LocalDate;

/** What the App Home says above the person's progress after a quick action, and in its modals, in one place. */
final class HomeText {
    private HomeText() {}

    static String writeSomething() {
        return "Write a sentence or two; a link to a doc is fine too.";
    }

    static String tooLong(int limit, int length) {
        return "Please keep it under " + limit + " characters (it has " + length + "), or link to a doc.";
    }

    static String noTeamToShareWith() {
        return "I can't tell which team this is for: I haven't seen you in a standup channel I watch yet. Post your "
                + "standup there first, or use `/ownership learned` or `/ownership risk` in your team's channel.";
    }

    static String pickADayAfter(LocalDate today) {
        return ":calendar: Pick your first day back after today (" + today + " where you are).";
    }

    static String pausedUntil(LocalDate until) {
        return ":zzz: Paused until " + until + " (you're back that morning). No nudges or prompts until then; your "
                + "weekly streaks are on hold.";
    }

    static String resumed(boolean wasPaused) {
        return wasPaused
                ? ":wave: Welcome back! Nudges and prompts are on again."
                : "You weren't paused, so nothing changed.";
    }

    static String leaderboard(boolean shown) {
        return shown
                ? ":bar_chart: You're on the leaderboard of any team of yours that turns one on."
                : "You're off every leaderboard. Team trends still count you, as totals without names.";
    }

    static String nudges(boolean on) {
        return on
                ? ":bell: Nudges are on: a private note when a standup post of yours has a blocker without a next step."
                : ":no_bell: Nudges are off. Prompts and your streaks carry on as before.";
    }

    static String prompts(boolean on) {
        return on
                ? ":bell: Prompts are on: your team's scheduled questions come by DM."
                : ":no_bell: Prompts are off. You can still share a learning or flag a risk from here any time.";
    }

    static String previewIsForLeads() {
        return "The digest preview is for a team's leads.";
    }

    static String teamNotWatched(String channelId) {
        return "I don't watch <#" + channelId + "> any more, so there is no team to share with there.";
    }
}
