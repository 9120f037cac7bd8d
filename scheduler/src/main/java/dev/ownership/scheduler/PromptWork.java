package dev.ownership.scheduler;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What the scheduled prompts do, implemented by the bot: the prompt triggers, the catch-up pass at start-up and the
 * daily refresh of the teams' members call it.
 *
 * <p>Every method records what it sent in the database, so that a call that runs late, twice, or after a restart
 * sends each prompt at most once.
 */
public interface PromptWork {
    /**
     * Sends the prompt of {@code kind} that team {@code channelId} scheduled for {@code scheduledAt} to its members
     * who live in {@code zone}.
     */
    void sendDue(String channelId, String kind, ZoneId zone, Instant scheduledAt);

    /** Sends, once, each member's prompts of today whose time has passed (they were missed while the bot was down). */
    void catchUp();

    /** Refreshes the teams' members and their timezones from Slack. */
    void refreshMembers();
}
