package dev.ownership.benchmarks;

import dev.ownership.simulator.SimChannel;
import dev.ownership.simulator.SimUser;
import dev.ownership.simulator.SlackSimulator;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The large organisation {@link LargeOrgDriver} plays: its members, their timezones, its {@value #TEAMS} watched
 * standup channels and their leads. Everything is derived from a member's index, so the history written into the
 * database and the workspace the simulator serves agree without sharing state.
 *
 * <p>Member {@code i} belongs to team {@code i % 400}; its timezone is one of {@link #ZONES}, chosen so that the
 * members are spread evenly over the 24 zones and, once a team has 24 members or more, every team has members in
 * every zone. Team {@code t}'s first member ({@code t}) is its lead; even teams have a second lead ({@code t + 400})
 * when there is one. A team's timezone is its first lead's. Immutable.
 */
final class LargeOrgWorld {
    static final int TEAMS = 400;
    static final String ADMIN = "U2ADMIN01";

    /** 24 timezones with distinct offsets in December, from UTC-11 to UTC+13 (one half-hour zone). */
    static final List<ZoneId> ZONES = List.of(
                    "Pacific/Pago_Pago",
                    "Pacific/Honolulu",
                    "America/Anchorage",
                    "America/Los_Angeles",
                    "America/Denver",
                    "America/Chicago",
                    "America/New_York",
                    "America/Halifax",
                    "America/Sao_Paulo",
                    "Atlantic/South_Georgia",
                    "Atlantic/Azores",
                    "Europe/London",
                    "Europe/Berlin",
                    "Europe/Athens",
                    "Europe/Moscow",
                    "Asia/Dubai",
                    "Asia/Karachi",
                    "Asia/Kolkata",
                    "Asia/Dhaka",
                    "Asia/Bangkok",
                    "Asia/Singapore",
                    "Asia/Tokyo",
                    "Australia/Sydney",
                    "Pacific/Auckland")
            .stream()
            .map(ZoneId::of)
            .toList();

    /** The easternmost zone: its prompt fires first on a given date, before any other zone reaches that time. */
    static final ZoneId EASTERNMOST = ZoneId.of("Pacific/Auckland");

    private final int members;

    LargeOrgWorld(int members) {
        if (members < TEAMS) {
            throw new IllegalArgumentException("at least " + TEAMS + " members, one per team: " + members);
        }
        this.members = members;
    }

    int members() {
        return members;
    }

    static String userId(int member) {
        return String.format(Locale.ROOT, "U2%07d", member);
    }

    static String channelId(int team) {
        return String.format(Locale.ROOT, "C2%06d", team);
    }

    static String channelName(int team) {
        return String.format(Locale.ROOT, "team-%03d", team);
    }

    static int teamOf(int member) {
        return member % TEAMS;
    }

    /** Spread over the zones; 401 is 17 mod 24, coprime with 24, so a team's members cycle through all zones. */
    static ZoneId zoneOf(int member) {
        return ZONES.get((member + member / TEAMS) % ZONES.size());
    }

    ZoneId teamZone(int team) {
        return zoneOf(team);
    }

    /** The team's leads: its first member, and for even teams its second member when there is one. */
    List<Integer> leadsOf(int team) {
        List<Integer> leads = new ArrayList<>(List.of(team));
        if (team % 2 == 0 && team + TEAMS < members) {
            leads.add(team + TEAMS);
        }
        return leads;
    }

    /** The team's members, in joining order. */
    List<Integer> membersOf(int team) {
        List<Integer> ids = new ArrayList<>();
        for (int member = team; member < members; member += TEAMS) {
            ids.add(member);
        }
        return ids;
    }

    int leadCount() {
        int count = 0;
        for (int team = 0; team < TEAMS; team++) {
            count += leadsOf(team).size();
        }
        return count;
    }

    /** Adds the admin, every member and every channel (with the bot in it, as after {@code watch}). */
    void populate(SlackSimulator sim) {
        sim.workspace().addUser(SimUser.person(ADMIN, "admin", "UTC").asAdmin());
        for (int member = 0; member < members; member++) {
            sim.workspace()
                    .addUser(SimUser.person(
                            userId(member), "member" + member, zoneOf(member).getId()));
        }
        for (int team = 0; team < TEAMS; team++) {
            List<String> ids = new ArrayList<>();
            ids.add(SlackSimulator.BOT_USER_ID);
            membersOf(team).forEach(member -> ids.add(userId(member)));
            sim.workspace()
                    .addChannel(
                            SimChannel.publicChannel(channelId(team), channelName(team), ids.toArray(String[]::new)));
        }
    }
}
