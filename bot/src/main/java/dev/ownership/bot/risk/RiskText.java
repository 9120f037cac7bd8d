package dev.ownership.bot.risk;

import dev.ownership.storage.risk.RegisterEntry;
import dev.ownership.storage.risk.RiskStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What the register says to people, in one place: the check-in, the register's lines, answers and refusals. */
public final class RiskText {
    private static final int SHOWN_TEXT = 280;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private RiskText() {}

    /** The check-in DM: the question, the risk and since when. */
    static String checkin(RegisterEntry entry, String channelName, Instant now, ZoneId zone) {
        String since = entry.openedAt().atZone(zone).format(DAY);
        String status = entry.status() == RiskStatus.MITIGATING
                ? "It's *mitigating*" + (entry.note() == null ? "" : ": " + shortened(entry.note()))
                : "It's *open*";
        return ":mag: *Is this risk still open?*\nYou flagged it for #" + channelName + " " + age(entry, now) + " ago ("
                + since + "):\n>" + shortened(entry.text()).replace("\n", "\n>") + "\n" + status + ".";
    }

    /** How long a risk has been in the register, in days ({@code 3 days}, {@code 1 day}, {@code under a day}). */
    public static String age(RegisterEntry entry, Instant now) {
        long days = Duration.between(entry.openedAt(), now).toDays();
        if (days <= 0) {
            return "under a day";
        }
        return days == 1 ? "1 day" : days + " days";
    }

    /** One line of the register: the risk, its author, status, age, and whether it is ageing. */
    public static String line(RegisterEntry entry, Instant now, boolean ageing) {
        String note = entry.status() == RiskStatus.MITIGATING && entry.note() != null
                ? "\n_Mitigation: " + shortened(entry.note()).replace("\n", " ") + "_"
                : "";
        return "*" + entry.status().word() + "* · " + age(entry, now) + (ageing ? " · :hourglass: ageing" : "") + "\n"
                + shortened(entry.text()).replace("\n", " ") + " — <@" + entry.userId() + ">" + note;
    }

    /**
     * What a check-in DM (or the answer to a button) becomes once the risk was changed. Both the author and whoever
     * changed it may read it, so it thanks the author only for what they did themselves.
     */
    static String changed(RegisterEntry entry, String actorId, int followupDays) {
        boolean byAuthor = actorId.equals(entry.userId());
        String by = byAuthor ? "" : " by <@" + actorId + ">";
        String risk = "\n>" + shortened(entry.text()).replace("\n", "\n>");
        String again = (byAuthor ? "I'll check in again in " : "I'll check in with <@" + entry.userId() + "> again in ")
                + followupDays
                + (followupDays == 1 ? " day." : " days.");
        return switch (entry.status()) {
            case RESOLVED ->
                ":white_check_mark: *Resolved*" + by + (byAuthor ? ". Thanks for closing the loop." : ".") + risk;
            case ACCEPTED -> ":ok_hand: *Accepted*" + by + ": the team lives with this one knowingly." + risk;
            case MITIGATING ->
                ":hammer_and_wrench: *Mitigating*" + by
                        + (entry.note() == null ? "." : ": " + sentence(shortened(entry.note()))) + " " + again + risk;
            case OPEN -> ":eyes: *Still open*" + by + ". " + again + risk;
        };
    }

    /** The refusal when someone other than the author, a lead or an admin tries to change a risk. */
    static String notYours() {
        return "That risk isn't yours to change: only the person who flagged it, the team's leads and admins can. "
                + "Nothing changed.";
    }

    /** The answer when the risk was resolved or accepted already. */
    static String alreadyClosed(RegisterEntry entry) {
        return "That risk is already *" + entry.status().word() + "*, so nothing changed. `/ownership risks` shows "
                + "the ones still open.";
    }

    /** The answer when the risk is gone (erased, or older than the retention period). */
    static String gone() {
        return "I can't find that risk any more: it was erased or has aged out. Nothing changed.";
    }

    /** The text ending as a sentence does, with a full stop added only where it has none. */
    private static String sentence(String text) {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") || text.endsWith("…") ? text : text + ".";
    }

    static String shortened(String text) {
        String stripped = text.strip();
        return stripped.length() > SHOWN_TEXT ? stripped.substring(0, SHOWN_TEXT - 1) + "…" : stripped;
    }
}
