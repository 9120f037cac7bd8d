package dev.ownership.bot.prompt;

import dev.ownership.storage.workspace.Team;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the prompt feature says to people, in one place: the answer to someone who shared a learning or flagged a risk
 * (the same from {@code /ownership learned}, {@code /ownership risk} and the App Home's modals), and what a prompt's DM
 * becomes once answered or skipped.
 */
public final class SharingText {
    private SharingText() {}

    /** After {@link Sharing#shareLearning}: {@code posted} says whether it reached the team's channel. */
    public static String learningShared(Team team, boolean posted) {
        String channel = "#" + team.channelName();
        return posted
                ? ":bulb: Shared in " + channel + " with your name. Thanks! It counts for your learning streak."
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
                + ". Thanks for raising it early.";
    }

    /** A prompt's DM once a learning was given in answer: shared in the channel, or saved when posting failed. */
    static String promptLearning(Team team, boolean posted, String learning) {
        return posted
                ? ":white_check_mark: *Shared in #" + team.channelName() + ":* " + learning
                : ":floppy_disk: I saved your learning, but couldn't post it in #" + team.channelName()
                        + " (am I still in the channel?). It still counts: " + learning;
    }

    /** A prompt's DM once a risk was flagged: who was told, or that it was recorded when nobody could be. */
    static String promptRisk(List<String> told, String risk) {
        if (told.isEmpty()) {
            return ":white_check_mark: *Recorded* (there was no other lead I could tell; it shows in the weekly "
                    + "digest): " + risk;
        }
        return ":white_check_mark: *Sent privately to "
                + told.stream().map(id -> "<@" + id + ">").collect(Collectors.joining(", ")) + ":* " + risk
                + "\nThanks for raising it early.";
    }

    /** A prompt's DM once an impact note was written. */
    static String promptImpact(String impact) {
        return ":white_check_mark: *Noted for the weekly digest:* " + impact;
    }

    /** A risk check-in's DM once answered "no risks this week". */
    static String promptNoRisks() {
        return ":white_check_mark: Noted: *no risks this week*. Thanks for checking.";
    }

    /** A prompt's DM once skipped. */
    static String promptSkipped() {
        return ":fast_forward: Skipped. See you next time; `/ownership learned` and `/ownership risk` work any day.";
    }
}
