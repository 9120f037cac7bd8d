package dev.ownership.bot.command;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Writes sets of days the way people read them: {@code mon-fri}, {@code sun-thu}, {@code mon,wed,fri}. */
public final class DaysFormat {
    private DaysFormat() {}

    /** A compact description of {@code days}, the inverse of the command parser's day specification. */
    public static String describe(Set<DayOfWeek> days) {
        if (days.isEmpty()) {
            return "none";
        }
        if (days.size() == 7) {
            return "every day";
        }
        List<String> runs = new ArrayList<>();
        DayOfWeek start = firstAfterGap(days);
        DayOfWeek day = start;
        DayOfWeek runStart = null;
        for (int i = 0; i < 7; i++) {
            boolean in = days.contains(day);
            if (in && runStart == null) {
                runStart = day;
            }
            DayOfWeek next = day.plus(1);
            if (in && (!days.contains(next) || next == start)) {
                runs.add(run(runStart, day));
                runStart = null;
            }
            day = next;
        }
        return String.join(",", runs);
    }

    private static DayOfWeek firstAfterGap(Set<DayOfWeek> days) {
        for (DayOfWeek day : EnumSet.allOf(DayOfWeek.class)) {
            if (days.contains(day) && !days.contains(day.minus(1))) {
                return day;
            }
        }
        return DayOfWeek.MONDAY;
    }

    private static String run(DayOfWeek from, DayOfWeek to) {
        if (from == to) {
            return abbreviation(from);
        }
        if (from.plus(1) == to) {
            return abbreviation(from) + "," + abbreviation(to);
        }
        return abbreviation(from) + "-" + abbreviation(to);
    }

    private static String abbreviation(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
    }
}
