package dev.ownership.bot.command;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads days of the week as people type them: {@code mon}, {@code Monday}, {@code mondays}, ranges
 * ({@code mon-fri}, {@code sun-thu}, {@code mon to fri}), lists ({@code mon,wed,fri}, {@code mon/wed},
 * {@code mon and thu}, {@code mon & thu}), {@code weekdays}, {@code weekends}, {@code daily} and {@code every day}.
 * A day is any unambiguous start of its English name, two letters or more ({@code tu}, {@code thurs}). Stateless.
 */
final class DayWords {
    private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final Set<DayOfWeek> WEEKENDS = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    private DayWords() {}

    /** The days {@code text} names, or empty when it is not only days. */
    static Optional<Set<DayOfWeek>> days(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        String normalised = normalise(text);
        if (normalised.isEmpty()) {
            return Optional.empty();
        }
        for (String part : normalised.split("[,\\s]+")) {
            if (!part.isEmpty() && !addPart(part, days)) {
                return Optional.empty();
            }
        }
        return days.isEmpty() ? Optional.empty() : Optional.of(days);
    }

    /** The one-line answer to something that is not days. */
    static String notDays(String typed) {
        return Echo.quoted(typed) + " aren't days I can read. Try `fri`, `mon-fri` or `mon,wed,fri`.";
    }

    /** The day {@code word} names ({@code fri}, {@code Friday}, {@code fridays}), or empty. */
    static Optional<DayOfWeek> day(String word) {
        String lower = word.strip().toLowerCase(Locale.ROOT);
        Optional<DayOfWeek> day = byStart(lower);
        return day.isPresent() || !lower.endsWith("s") ? day : byStart(lower.substring(0, lower.length() - 1));
    }

    private static String normalise(String text) {
        return text.strip()
                .toLowerCase(Locale.ROOT)
                .replace("&amp;", ",")
                .replaceAll("[&/+;]|\\band\\b", ",")
                .replaceAll("\\s*(?:[-–—]|\\b(?:to|through|thru|till|until)\\b)\\s*", "-")
                .replaceAll("\\bevery[\\s-]+day\\b", "daily")
                .replaceAll("\\b(?:every|on)\\s+", "")
                .strip();
    }

    private static boolean addPart(String part, Set<DayOfWeek> days) {
        switch (part) {
            case "daily", "everyday" -> {
                days.addAll(EVERY_DAY);
                return true;
            }
            case "weekdays", "weekday" -> {
                days.addAll(WEEKDAYS);
                return true;
            }
            case "weekends", "weekend" -> {
                days.addAll(WEEKENDS);
                return true;
            }
            default -> {}
        }
        String[] range = part.split("-", -1);
        if (range.length == 1) {
            return day(range[0]).map(days::add).isPresent();
        }
        if (range.length != 2) {
            return false;
        }
        Optional<DayOfWeek> from = day(range[0]);
        Optional<DayOfWeek> to = day(range[1]);
        if (from.isEmpty() || to.isEmpty()) {
            return false;
        }
        DayOfWeek day = from.get();
        days.add(day);
        while (day != to.get()) {
            day = day.plus(1);
            days.add(day);
        }
        return true;
    }

    private static Optional<DayOfWeek> byStart(String word) {
        if (word.length() < 2) {
            return Optional.empty();
        }
        List<DayOfWeek> matches = Arrays.stream(DayOfWeek.values())
                .filter(day -> day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                        .toLowerCase(Locale.ROOT)
                        .startsWith(word))
                .toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }
}
