package dev.ownership.bot.workspace;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A member of the workspace.
 *
 * @param id the user id
 * @param name display name for transcripts and digests
 * @param timezone the person's own timezone from their Slack profile
 * @param admin whether they are a workspace admin
 * @param owner whether they are a workspace owner
 * @param bot whether the account is a bot
 * @param deleted whether the account is deactivated
 */
public record Person(
        String id, String name, ZoneId timezone, boolean admin, boolean owner, boolean bot, boolean deleted) {
    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timezone, "timezone");
    }

    /** Whether the bot may ever message this person: a real, active human. */
    public boolean isReachableHuman() {
        return !bot && !deleted;
    }
}
