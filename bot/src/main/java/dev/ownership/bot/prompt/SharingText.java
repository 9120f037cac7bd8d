package dev.ownership.bot.prompt;

import dev.ownership.storage.workspace.Team;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What to tell someone who shared a learning or flagged a risk, in one place for every surface it came from
 * ({@code /ownership learned}, {@code /ownership risk}, the App Home's modals).
 */
public final class SharingText {
    private SharingText() {}

    /** After {@link Sharing#shareLearning}: {@code posted} says whether it reached the team's channel. */
    public static String learningShared(Team team, boolean posted) {
        String channel = "#" + team.channelName();
        return posted
                ? ":bulb: Shared in " + channel + ". Thanks for teaching the team something; it counts for your "
                        + "learning streak."
                : "I saved your learning (it counts for your streak), but couldn't post it in " + channel
                        + ": am I still in the channel? An admin can `/invite @ownership` there.";
    }

    /** After {@link Sharing#flagRisk}: {@code told} are the people who got it. */
    public static String riskFlagged(Team team, List<String> told) {
        if (told.isEmpty()) {
            return "Recorded. There was no other lead of #" + team.channelName()
                    + " I could tell; it shows in the weekly digest.";
        }
        return ":white_check_mark: Sent privately to "
                + told.stream().map(id -> "<@" + id + ">").collect(Collectors.joining(", "))
                + ". Raising a risk early is what keeps it from becoming a blocker. Thank you!";
    }
}
