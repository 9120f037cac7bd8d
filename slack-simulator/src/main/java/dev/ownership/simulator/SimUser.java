package dev.ownership.simulator;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * A member of the simulated workspace: a person, an admin or owner, a bot user, or a deactivated account.
 *
 * @param id the user id, {@code U…} (or {@code W…} for org users)
 * @param name the handle, as in {@code @alice}
 * @param realName the full name shown in Slack
 * @param tz an IANA timezone id such as {@code Europe/Berlin}; {@code users.info} derives {@code tz_offset} and
 *     {@code tz_label} from it at the simulator's clock
 * @param admin whether the user is a workspace admin
 * @param owner whether the user is a workspace owner (owners are admins too)
 * @param bot whether this is a bot user
 * @param deleted whether the account is deactivated
 */
public record SimUser(
        String id,
        String name,
        String realName,
        String tz,
        boolean admin,
        boolean owner,
        boolean bot,
        boolean deleted) {

    /** Checks the id, the name and that the timezone is a real one; a missing real name becomes the name. */
    public SimUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tz, "tz");
        ZoneId.of(tz);
        realName = realName == null ? name : realName;
    }

    /** A regular member whose real name is the name with a capital initial. */
    public static SimUser person(String id, String name, String tz) {
        return new SimUser(id, name, capitalised(name), tz, false, false, false, false);
    }

    public SimUser asAdmin() {
        return new SimUser(id, name, realName, tz, true, owner, bot, deleted);
    }

    /** This user as a workspace owner, who Slack also reports as an admin. */
    public SimUser asOwner() {
        return new SimUser(id, name, realName, tz, true, true, bot, deleted);
    }

    public SimUser asBot() {
        return new SimUser(id, name, realName, tz, admin, owner, true, deleted);
    }

    public SimUser asDeleted() {
        return new SimUser(id, name, realName, tz, admin, owner, bot, true);
    }

    public SimUser withTimezone(String timezone) {
        return new SimUser(id, name, realName, timezone, admin, owner, bot, deleted);
    }

    public SimUser withRealName(String newRealName) {
        return new SimUser(id, name, newRealName, tz, admin, owner, bot, deleted);
    }

    /** The bot id Slack reports in this bot user's profile, {@code B…}; meaningful only for bot users. */
    public String botId() {
        if (SlackSimulator.BOT_USER_ID.equals(id)) {
            return SlackSimulator.BOT_ID;
        }
        return "B" + id.substring(1);
    }

    private static String capitalised(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
