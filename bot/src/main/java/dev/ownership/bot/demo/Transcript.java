package dev.ownership.bot.demo;

import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Prints the demo's story: what people did and what the bot did, stamped with the team's local time. */
final class Transcript {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    private final PrintStream out;
    private final Clock clock;
    private final ZoneId zone;

    Transcript(PrintStream out, Clock clock, ZoneId zone) {
        this.out = out;
        this.clock = clock;
        this.zone = zone;
    }

    void heading(String title) {
        out.println();
        out.println("══ " + title + " " + "═".repeat(Math.max(3, 74 - title.length())));
    }

    void note(String text) {
        out.println("   " + text);
    }

    /** Something a person did. */
    void person(String who, String action, String text) {
        out.println(stamp() + "  " + who + " " + action);
        indent(text, "      │ ");
    }

    /** Something the bot did, shown as the person saw it. */
    void bot(String action, String rendered) {
        out.println(stamp() + "  ownership " + action);
        indent(rendered, "      ┃ ");
    }

    void detector(String verdict) {
        out.println("             ↳ detector: " + verdict);
    }

    private void indent(String text, String prefix) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (String line : text.strip().split("\n")) {
            out.println(prefix + line);
        }
    }

    private String stamp() {
        return "[" + clock.instant().atZone(zone).format(STAMP) + "]";
    }
}
