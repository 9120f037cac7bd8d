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
                ? ":bar_chart: You're listed on your teams' leaderboards, if a team turns one on."
                : ":see_no_evil: You're hidden from every leaderboard. Team trends still count you, as aggregates.";
    }

    static String previewIsForLeads() {
        return "Only a team's leads can preview its digest.";
    }

    static String teamNotWatched(String channelId) {
        return "I don't watch <#" + channelId + "> any more, so there is no team to share with there.";
    }
}
