package dev.ownership.bot.command;

/** The text of {@code /ownership help}: the commands the person asking may use, grouped by who may use them. */
final class HelpText {
    private HelpText() {}

    /**
     * Who is asking, as far as the help goes.
     *
     * @param teamAdmin whether they look after at least one team (set it up, lead it) or are an admin
     * @param admin whether they are an Ownership admin (configure every team, watch new channels)
     * @param workspaceAdmin whether they are a workspace admin or owner (change who the Ownership admins are)
     */
    record Audience(boolean teamAdmin, boolean admin, boolean workspaceAdmin) {}

    static String forPerson(Audience audience) {
        StringBuilder text = new StringBuilder();
        text.append("*Ownership* helps your team own blockers, raise risks early and share what it learns. ")
                .append("Everything I tell you here is private.\n\n")
                .append("*Your own*\n")
                .append("• `/ownership` or `/ownership me`: your streaks and recent weeks\n")
                .append("• `/ownership learned TEXT`: share a learning with your team (posted in its channel)\n")
                .append("• `/ownership risk TEXT`: flag a risk early; only your team's leads and admins see it\n")
                .append(
                        "• `/ownership risks [#channel]`: your open risks (leads and admins: the team's), with buttons ")
                .append("to mark them mitigating, resolved or accepted\n")
                .append("• `/ownership learnings [WORDS] [#channel]`: search what your team has learned (no words: ")
                .append("the latest)\n")
                .append("• `/ownership team [#channel]`: your team's weekly trends (totals, no names)\n")
                .append("• `/ownership nudges off|on`, `/ownership prompts off|on`: each on its own\n")
                .append("• `/ownership pause [until YYYY-MM-DD]`, `/ownership resume`: a break from both\n")
                .append("• `/ownership leaderboard join|leave`: be listed where your team turned a leaderboard on\n")
                .append("• `/ownership forget-me`: erase what I keep about you (asks first)\n")
                .append("• `/ownership admins`: who can set up teams");
        if (audience.teamAdmin()) {
            text.append("\n\n*For the people who look after a team* (whoever set it up, its leads, and admins)\n")
                    .append("• `/ownership prompt learning|risk|impact [#channel]`: send that prompt to the team now\n")
                    .append("• `/ownership digest [#channel]`: preview this week's digest, privately\n")
                    .append("• `/ownership leads @a @b [#channel]`: set the team's leads (`leads none` clears them)\n")
                    .append("• `/ownership schedule learning|risk|impact|digest DAYS HH:MM [#channel]`, e.g. ")
                    .append("`schedule learning fri 15:00`; `/ownership schedule KIND off`\n")
                    .append("• `/ownership schedule risk-followup DAYS`: when I ask the author whether an open risk ")
                    .append("is still open (default 7 days)\n")
                    .append("• `/ownership schedule workdays DAYS`, `/ownership schedule hours HH:MM-HH:MM`: when ")
                    .append("nudges and prompts may arrive (each person's own timezone)\n")
                    .append(
                            "• `/ownership schedule timezone AREA/CITY`: the team's timezone for weeks and the digest\n")
                    .append("• `/ownership schedule standup DAYS HH:MM [remind HH:MM|remind off]`: I run the standup, ")
                    .append(
                            "by DM at each member's own time, and post the answers; `/ownership schedule standup off`\n")
                    .append(
                            "• `/ownership schedule standup-reminder HH:MM|default|off`: one reminder to whoever hasn't ")
                    .append("answered (default: two hours after the standup)\n")
                    .append("• `/ownership settings questions Q1 | Q2 | Q3`: the standup's questions (1 to 5); ")
                    .append("`settings questions default` restores them\n")
                    .append("• `/ownership settings [#channel]`: the team's configuration; ")
                    .append("`/ownership settings leaderboard on|off` lets people join a leaderboard\n")
                    .append("• `/ownership settings reports from @geekbot`: read the reports your standup bot ")
                    .append("(Geekbot, DailyBot, Standuply, …) posts as each person's standup; ")
                    .append("`settings reports off`\n")
                    .append("• `/ownership settings escalation on|off`: tell the leads, by link, of a long-running ")
                    .append("blocker its author didn't answer me about within a workday (off by default); ")
                    .append("`settings long-blockers DAYS`: after how many workdays a blocker counts (default 3)\n")
                    .append("• `/ownership unwatch [#channel]`: stop watching the channel");
        }
        if (audience.admin()) {
            text.append("\n\n*For Ownership admins*\n")
                    .append("• `/ownership watch [#channel] [quiet]`: start watching a standup channel; I introduce ")
                    .append("myself there unless you add `quiet`");
        }
        if (audience.workspaceAdmin()) {
            text.append("\n\n*For workspace admins*\n")
                    .append("• `/ownership admins add|remove @person`: who may set up and configure every team");
        }
        text.append("\n\n`#channel` is optional and defaults to the channel you type the command in.");
        return text.toString();
    }
}
