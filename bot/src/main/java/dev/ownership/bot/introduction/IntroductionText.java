package dev.ownership.bot.introduction;

import dev.ownership.storage.workspace.Team;
import java.util.List;
import java.util.stream.Collectors;

/** The words of the introduction: short, true, and the same in the channel and in a newcomer's DM. */
final class IntroductionText {
    private IntroductionText() {}

    /** The post in the channel when it starts being watched. */
    static String inChannel(Team team) {
        String setUpBy = team.watchedBy().isEmpty() ? "" : " <@" + team.watchedBy() + "> set me up here.";
        return ":wave: *Hi #" + team.channelName() + ", I'm Ownership.* I help the team own blockers, raise risks "
                + "early and share what it learns." + setUpBy + "\n" + body(team);
    }

    /** The DM to someone who joined the channel after it was watched. */
    static String forNewcomer(Team team) {
        return ":wave: *Welcome to #" + team.channelName() + "!* I'm Ownership: I help this team own blockers, "
                + "raise risks early and share what it learns. A quick word on how I work there:\n" + body(team);
    }

    private static String body(Team team) {
        return "• *Nudges are private.* If a standup post mentions a blocker without a next step, its author gets "
                + "one message from me a few minutes later, with a suggestion. Nobody else sees it, and I never "
                + "reply in the channel.\n"
                + "• *What leads see* (" + leads(team) + "): a weekly digest with the team's figures, the learnings "
                + "and risks people chose to share, and links to blockers still without a next step after a day. "
                + "I never keep the text of standup posts.\n"
                + "• *It's your call.* `/ownership nudges off`, `/ownership prompts off` or `/ownership pause until "
                + "friday` whenever you like, and `/ownership forget-me` erases what I keep about you.\n"
                + "`/ownership help` shows the rest.";
    }

    private static String leads(Team team) {
        List<String> leads = team.leads();
        if (leads.isEmpty()) {
            return team.watchedBy().isEmpty()
                    ? "none named yet"
                    : "none named yet, so <@" + team.watchedBy() + "> for now";
        }
        return leads.stream().map(id -> "<@" + id + ">").collect(Collectors.joining(", "));
    }
}
