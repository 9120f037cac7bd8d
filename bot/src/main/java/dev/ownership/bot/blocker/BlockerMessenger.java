package dev.ownership.bot.blocker;

import dev.ownership.bot.nudge.NudgeMessenger.Delivery;
import java.time.LocalDate;
import java.util.Objects;

/** What the blocker feature needs from Slack. Implemented by the Slack edge; calls may block on the network. */
public interface BlockerMessenger {
    /** Asks the author by DM whether they would like to raise a long-running blocker with their lead. */
    Delivery ask(Ask ask);

    /** Replaces the question with what the author chose. */
    void answered(String dmChannel, String dmTs, String text);

    /** Tells a lead, by DM, of a long-running blocker: a link to the post, and the author's note if any. */
    boolean tellLead(String leadId, LeadMessage message);

    /** Thanks a helper by DM for helping unblock someone. */
    boolean thank(Thanks thanks);

    /**
     * The question to the author.
     *
     * @param userId the author
     * @param channelId the standup channel
     * @param channelName its name
     * @param postTs the post the link points to
     * @param recurring whether it is the same kind of blocker on consecutive workdays (else: no next step yet)
     * @param categoryWords the blocker's kind in words ("waiting on a review"), or {@code null}
     * @param days how many days it has been blocking them
     * @param workdays on how many consecutive workdays it came up (recurring only)
     * @param escalateOn the author's date on which the leads are told if they answer nothing, or {@code null}
     */
    record Ask(
            String userId,
            String channelId,
            String channelName,
            String postTs,
            boolean recurring,
            String categoryWords,
            long days,
            int workdays,
            LocalDate escalateOn) {
        public Ask {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(postTs, "postTs");
        }
    }

    /**
     * What a lead is told.
     *
     * @param authorId whose blocker it is
     * @param channelId the standup channel
     * @param channelName its name
     * @param postTs the post the link points to
     * @param days how many days it has been blocking them
     * @param note the author's note, or {@code null} (escalations carry none)
     * @param escalated whether the author did not ask (the team's escalation), rather than asked for help
     */
    record LeadMessage(
            String authorId,
            String channelId,
            String channelName,
            String postTs,
            long days,
            String note,
            boolean escalated) {}

    /**
     * A thank-you.
     *
     * @param helperId who helped
     * @param authorId whom they helped
     * @param channelId the standup channel
     * @param channelName its name
     * @param postTs the blocker post, whose thread the link points to
     */
    record Thanks(String helperId, String authorId, String channelId, String channelName, String postTs) {}
}
