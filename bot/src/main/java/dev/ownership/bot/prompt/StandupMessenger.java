package dev.ownership.bot.prompt;

import dev.ownership.storage.prompt.PromptDelivery.Key;
import java.util.Optional;

/** What the standup the bot runs needs from Slack. Implemented by the Slack edge; calls may block on the network. */
public interface StandupMessenger {
    /** Posts the answers in the team's channel, attributed to their author; returns the post's ts if it went out. */
    Optional<String> post(String channelId, StandupAnswers answers);

    /** Replaces the answers' post with edited answers. */
    boolean update(String channelId, String ts, StandupAnswers answers);

    /** Reads the answers back from their post in the team's channel (they are not stored by the bot). */
    Optional<StandupAnswers> read(String channelId, String ts, String userId);

    /** Sends the reminder DM; {@code canSnooze} offers "Remind me in 1 h". */
    PromptMessenger.Sent remind(Key key, String channelName, boolean canSnooze);

    /**
     * Replaces a standup DM (the first, a reminder or the confirmation) with what became of it ({@code outcome} is
     * mrkdwn); {@code editable} adds an "Edit my answers" button for that standup, or is null.
     */
    void settle(String dmChannel, String dmTs, String outcome, Key editable);
}
