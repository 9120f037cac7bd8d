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
 * @param realName the full name on their Slack profile ({@code name} when they have none), by which a standup bot's
 *     report may name them
 */
public record Person(
        String id,
        String name,
        ZoneId timezone,
        boolean admin,
        boolean owner,
        boolean bot,
        boolean deleted,
        String realName) {
    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timezone, "timezone");
        realName = realName == null || realName.isBlank() ? name : realName;
    }

    /** A person whose real name is not known apart from {@code name}. */
    public Person(String id, String name, ZoneId timezone, boolean admin, boolean owner, boolean bot, boolean deleted) {
        this(id, name, timezone, admin, owner, bot, deleted, name);
    }

    /** Whether the bot may ever message this person: a real, active human. */
    public boolean isReachableHuman() {
        return !bot && !deleted;
    }
}
