package dev.ownership.bot.command;

/** The text of {@code /ownership help}: the command table, grouped by who may use it. */
final class HelpText {
    private HelpText() {}

    static String forEveryone(boolean admin) {
        StringBuilder text = new StringBuilder();
        text.append("*Ownership* helps your team own blockers, raise risks early and share what it learns. ")
                .append("Everything I tell you here is private.\n\n")
                .append("*For everyone*\n")
                .append("• `/ownership` or `/ownership me`: your streaks and last weeks\n")
                .append("• `/ownership learned TEXT`: share a learning with your team (posted in its channel)\n")
                .append("• `/ownership risk TEXT`: flag a risk early; only your team's leads see it\n")
                .append("• `/ownership team [#channel]`: your team's weekly trends (aggregates only)\n")
                .append("• `/ownership pause [until YYYY-MM-DD]`, `/ownership resume`: no nudges or prompts for you\n")
                .append("• `/ownership forget-me`: erase what I store about you (asks first)\n")
                .append("• `/ownership help`: this list\n\n")
                .append("*For admins and the team's leads*\n")
                .append("• `/ownership prompt learning|risk|impact [#channel]`: send that prompt to the team now\n")
                .append("• `/ownership digest [#channel]`: preview this week's digest, privately\n\n")
                .append("*For admins*\n")
                .append("• `/ownership watch [#channel]`, `/ownership unwatch [#channel]`: start or stop watching a ")
                .append("standup channel\n")
                .append("• `/ownership leads @a @b [#channel]`: set the team's leads (`leads none` clears them)\n")
                .append("• `/ownership schedule learning|risk|impact|digest DAYS HH:MM [#channel]`, e.g. ")
                .append("`schedule learning fri 15:00`; `/ownership schedule KIND off`\n")
                .append("• `/ownership schedule workdays DAYS`, `/ownership schedule hours HH:MM-HH:MM`: when ")
                .append("nudges and prompts may arrive (each person's own timezone)\n")
                .append("• `/ownership schedule timezone AREA/CITY`: the team's timezone for weeks and the digest\n")
                .append("• `/ownership schedule standup DAYS HH:MM [remind HH:MM|remind off]`: I run the standup, ")
                .append("by DM at each member's own time, and post the answers; `/ownership schedule standup off`\n")
                .append("• `/ownership schedule standup-reminder HH:MM|default|off`: one reminder to whoever hasn't ")
                .append("answered (default: two hours after the standup)\n")
                .append("• `/ownership settings questions Q1 | Q2 | Q3`: the standup's questions (1 to 5); ")
                .append("`settings questions default` restores them\n")
                .append("• `/ownership settings [#channel]`: the team's configuration; ")
                .append("`/ownership settings leaderboard on|off` turns the opt-in leaderboard on or off\n\n")
                .append("`#channel` is optional and defaults to the channel you type the command in.");
        if (!admin) {
            text.append(" Admin commands need a workspace admin or owner.");
        }
        return text.toString();
    }
}
