package dev.ownership.bot.command;

import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads times of day as people type them: {@code 15:00}, {@code 9:30}, {@code 3pm}, {@code 3:30 p.m.}, {@code 15h},
 * {@code 15h30}, {@code noon}, {@code midnight}; and ranges of hours: {@code 09:00-18:00}, {@code 9-18},
 * {@code 9am-6pm}, {@code 9:30 – 17:30}, {@code 9 to 5:30pm}. Stateless.
 */
final class TimeWords {
    /** The last minute of the day, which a range ending at {@code 24:00} or {@code midnight} ends at. */
    static final LocalTime END_OF_DAY = LocalTime.of(23, 59);

    private static final Pattern TWELVE_HOUR = Pattern.compile("(\\d{1,2})(?:[:.](\\d{2}))?([ap])\\.?m\\.?");
    private static final Pattern TWENTY_FOUR_HOUR = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Pattern HOUR_H = Pattern.compile("(\\d{1,2})h(\\d{2})?");
    private static final Pattern BARE_HOUR = Pattern.compile("\\d{1,2}");
    private static final Pattern RANGE =
            Pattern.compile("(?:from\\s+)?(.+?)\\s*(?:-|–|—|\\s(?:to|until|till)\\s)\\s*(.+)");

    private TimeWords() {}

    /** A time of day, or empty when {@code text} is not one (a bare {@code 9} is not: am or pm?). */
    static Optional<LocalTime> time(String text) {
        return reading(text, false).map(Reading::time);
    }

    /** The one-line answer to something that is not a time. */
    static String notATime(String typed) {
        return Echo.quoted(typed) + " isn't a time. Try `15:00` or `3pm`.";
    }

    /**
     * Working hours from a start to a later end; an end at {@code 24:00}, {@code 00:00} or {@code midnight} is
     * {@link #END_OF_DAY}. An end typed as one digit without am/pm, before a morning start, is read in the afternoon
     * ({@code 9-6} is 09:00–18:00; {@code 09:00-06:00} and {@code 18-9} are refused), and a start without am/pm takes the end's when
     * that keeps it first ({@code 1-5pm} is 13:00–17:00).
     */
    static Parsed<Range> hours(String text) {
        Matcher range = RANGE.matcher(normalise(text));
        if (!range.matches()) {
            return Parsed.problem(Echo.quoted(text) + " isn't a range of hours. Try `9am-6pm` or `09:00-18:00`.");
        }
        Optional<Reading> start = reading(range.group(1), true).filter(reading -> reading.time() != null);
        if (start.isEmpty()) {
            return Parsed.problem(notATime(range.group(1)));
        }
        Optional<Reading> end = reading(range.group(2), true);
        if (end.isEmpty()) {
            return Parsed.problem(notATime(range.group(2)));
        }
        LocalTime from = startBefore(start.get(), end.get());
        LocalTime to = endAfter(from, end.get());
        if (!to.isAfter(from)) {
            return Parsed.problem("Working hours must end after they start (both in each person's own timezone). "
                    + "Try `9am-6pm` or `09:00-18:00`.");
        }
        return Parsed.of(new Range(from, to));
    }

    private static LocalTime startBefore(Reading start, Reading end) {
        if (start.meridiem() == null && end.meridiem() != null && start.hour() >= 1 && start.hour() <= 12) {
            LocalTime sameHalf = twelveHour(start.hour(), start.minute(), end.meridiem());
            if (sameHalf.isBefore(end.time())) {
                return sameHalf;
            }
        }
        return start.time();
    }

    private static LocalTime endAfter(LocalTime start, Reading end) {
        LocalTime time = end.time();
        if (time == null || time.equals(LocalTime.MIDNIGHT)) {
            return END_OF_DAY;
        }
        // A morning start and an end like 6 before it: a day of work ends at 6 in the evening ("9-6").
        boolean afternoon = end.oneDigit() && end.hour() >= 1 && start.isBefore(LocalTime.NOON) && !time.isAfter(start);
        return afternoon ? time.plusHours(12) : time;
    }

    private static String normalise(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /**
     * Reads one clock time.
     *
     * @param inRange whether it is one end of a range, where a plain number is an hour ({@code 9-18} is clear) and
     *     {@code 24:00} may end the day
     */
    private static Optional<Reading> reading(String text, boolean inRange) {
        String word = normalise(text).replaceAll("\\s+(?=[ap]\\.?m\\.?$)", "");
        switch (word) {
            case "noon", "midday" -> {
                return Optional.of(new Reading(12, 0, null, LocalTime.NOON, false));
            }
            case "midnight" -> {
                return Optional.of(new Reading(0, 0, null, LocalTime.MIDNIGHT, false));
            }
            default -> {}
        }
        Matcher twelve = TWELVE_HOUR.matcher(word);
        if (twelve.matches()) {
            int hour = Integer.parseInt(twelve.group(1));
            int minute = twelve.group(2) == null ? 0 : Integer.parseInt(twelve.group(2));
            if (hour < 1 || hour > 12 || minute > 59) {
                return Optional.empty();
            }
            String meridiem = twelve.group(3);
            return Optional.of(new Reading(hour, minute, meridiem, twelveHour(hour, minute, meridiem), false));
        }
        Matcher clock = TWENTY_FOUR_HOUR.matcher(word);
        Matcher hourH = HOUR_H.matcher(word);
        if (clock.matches()) {
            return twentyFourHour(clock.group(1), Integer.parseInt(clock.group(2)), inRange);
        }
        if (hourH.matches()) {
            return twentyFourHour(
                    hourH.group(1), hourH.group(2) == null ? 0 : Integer.parseInt(hourH.group(2)), inRange);
        }
        if (inRange && BARE_HOUR.matcher(word).matches()) {
            return twentyFourHour(word, 0, true);
        }
        return Optional.empty();
    }

    /** A 24-hour reading; {@code 24:00} has no time of day of its own, it only ends a range. */
    private static Optional<Reading> twentyFourHour(String hourText, int minute, boolean inRange) {
        int hour = Integer.parseInt(hourText);
        boolean padded = hourText.length() == 2;
        if (hour == 24 && minute == 0) {
            return inRange ? Optional.of(new Reading(24, 0, null, null, false)) : Optional.empty();
        }
        if (hour > 23 || minute > 59) {
            return Optional.empty();
        }
        return Optional.of(new Reading(hour, minute, null, LocalTime.of(hour, minute), hour < 10 && !padded));
    }

    private static LocalTime twelveHour(int hour, int minute, String meridiem) {
        return LocalTime.of(hour % 12 + (meridiem.equals("p") ? 12 : 0), minute);
    }

    /** A range of working hours, {@code end} after {@code start}. */
    record Range(LocalTime start, LocalTime end) {}

    /**
     * One clock time as typed.
     *
     * @param meridiem {@code a}, {@code p}, or {@code null} when written without am/pm
     * @param time the time of day it means, or {@code null} for {@code 24:00}
     * @param oneDigit whether the hour was typed as one digit ({@code 6}, not {@code 06} or {@code 18})
     */
    private record Reading(int hour, int minute, String meridiem, LocalTime time, boolean oneDigit) {}
}
