package dev.ownership.bot.risk;

import java.util.Objects;

/** What the register needs from Slack. Implemented by the Slack edge; calls may block on the network. */
public interface RiskMessenger {
    /** Sends the check-in by DM to its author. */
    Sent sendCheckin(Checkin checkin);

    /** Replaces a check-in DM with what became of it ({@code outcome} is mrkdwn). */
    void settle(String dmChannel, String dmTs, String outcome);

    /** Tells {@code userId} something privately, by DM. */
    void tell(String userId, String text);

    /**
     * A check-in to send.
     *
     * @param userId the author
     * @param riskId the risk
     * @param text what it says: the check-in's words, with the risk
     */
    record Checkin(String userId, long riskId, String text) {
        public Checkin {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(text, "text");
        }
    }

    /** The result of sending a DM. */
    record Sent(boolean ok, String dmChannel, String dmTs, String error) {
        public static Sent ok(String dmChannel, String dmTs) {
            return new Sent(true, dmChannel, dmTs, null);
        }

        public static Sent failed(String error) {
            return new Sent(false, null, null, error);
        }
    }
}
