package dev.ownership.bot.command;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.Period;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads dates and lengths of time as people type them, relative to today in their own timezone: dates
 * {@code 2027-01-04}, {@code dec 24}, {@code 24 December}, {@code dec 24th 2027}, {@code tomorrow}, {@code friday},
 * {@code next monday}, {@code next week}; lengths {@code 2 weeks}, {@code 3 days}, {@code a week},
 * {@code for two weeks}, {@code 1 month}. A weekday is the next such day after today; a day and month without a
 * year is the nearest one. Stateless.
 */
final class DateWords {
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DAY_MONTH =
            Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+([a-z]+)\\.?(?:,?\\s+(\\d{4}))?");
    private static final Pattern MONTH_DAY =
            Pattern.compile("([a-z]+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?");
    private static final Pattern LENGTH =
            Pattern.compile("(?:for\\s+)?(\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\\s*"
                    + "(d|days?|w|wks?|weeks?|months?)");
    private static final List<String> NUMBERS =
            List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");
    private static final Map<String, Integer> ARTICLES = Map.of("a", 1, "an", 1);

    private DateWords() {}

    /**
     * The date {@code text} names, after {@code today}; a past date, or today, is a problem that says so.
     *
     * @param today today's date where the person is
     */
    static Parsed<LocalDate> date(String text, LocalDate today) {
        String word = normalise(text);
        Optional<LocalDate> date;
        try {
            date = relative(word, today).or(() -> calendar(word, today));
        } catch (DateTimeException e) {
            date = Optional.empty();
        }
        if (date.isEmpty()) {
            return Parsed.problem(notADate(text));
        }
        if (!date.get().isAfter(today)) {
            return Parsed.problem(Echo.quoted(text) + (date.get().equals(today) ? " is today" : " has passed")
                    + ": it's " + today + " where you are. Try a later date, e.g. `" + today.plusDays(7) + "`.");
        }
        return date.map(Parsed::of).orElseThrow();
    }

    /** The one-line answer to something that is not a date. */
    static String notADate(String typed) {
        return Echo.quoted(typed) + " isn't a date I can read. Try `friday`, `dec 24` or `2027-01-04`.";
    }

    /** Whether {@code text} names a date relative to today ({@code friday}, {@code tomorrow}, {@code next week}). */
    static boolean isRelative(String text, LocalDate today) {
        return relative(normalise(text), today).isPresent();
    }

    /** The length of time {@code text} names ({@code 2 weeks}, {@code for a week}, {@code 3d}), or empty. */
    static Optional<Period> length(String text) {
        Matcher length = LENGTH.matcher(normalise(text));
        if (!length.matches()) {
            return Optional.empty();
        }
        int count = count(length.group(1));
        if (count == 0) {
            return Optional.empty();
        }
        return Optional.of(
                switch (length.group(2).charAt(0)) {
                    case 'd' -> Period.ofDays(count);
                    case 'w' -> Period.ofWeeks(count);
                    default -> Period.ofMonths(count);
                });
    }

    private static int count(String word) {
        if (ARTICLES.containsKey(word)) {
            return ARTICLES.get(word);
        }
        int spelled = NUMBERS.indexOf(word);
        return spelled >= 0 ? spelled : Integer.parseInt(word);
    }

    private static Optional<LocalDate> relative(String word, LocalDate today) {
        switch (word) {
            case "today" -> {
                return Optional.of(today);
            }
            case "tomorrow", "tmrw", "tmr" -> {
                return Optional.of(today.plusDays(1));
            }
            case "next week" -> {
                return Optional.of(today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)));
            }
            default -> {}
        }
        String day = word.replaceFirst("^(?:next|this|on)\\s+", "");
        // "until fri" and "until next fri" both mean the coming Friday: the reply shows the date it took.
        return DayWords.day(day).map(weekday -> today.with(TemporalAdjusters.next(weekday)));
    }

    private static Optional<LocalDate> calendar(String word, LocalDate today) {
        Matcher iso = ISO.matcher(word);
        if (iso.matches()) {
            return validDate(
                    Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
        }
        Matcher dayMonth = DAY_MONTH.matcher(word);
        if (dayMonth.matches()) {
            return dayOfMonth(dayMonth.group(2), dayMonth.group(1), dayMonth.group(3), today);
        }
        Matcher monthDay = MONTH_DAY.matcher(word);
        if (monthDay.matches()) {
            return dayOfMonth(monthDay.group(1), monthDay.group(2), monthDay.group(3), today);
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> dayOfMonth(String monthWord, String day, String year, LocalDate today) {
        Optional<Month> month = month(monthWord);
        if (month.isEmpty()) {
            return Optional.empty();
        }
        int dayOfMonth = Integer.parseInt(day);
        if (year != null) {
            return Optional.of(LocalDate.of(Integer.parseInt(year), month.get(), dayOfMonth));
        }
        // Without a year, the nearest such day: "until jan 5" typed in December means next January, while "until
        // dec 10" typed on December 15th has passed (a pause of almost a year is not what anyone meant).
        return Stream.of(today.getYear() - 1, today.getYear(), today.getYear() + 1)
                .flatMap(candidate -> validDate(candidate, month.get().getValue(), dayOfMonth).stream())
                .min(Comparator.comparingLong(date -> Math.abs(ChronoUnit.DAYS.between(today, date))));
    }

    private static Optional<LocalDate> validDate(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A month by any start of its English name of three letters or more ({@code dec}, {@code sept}). */
    private static Optional<Month> month(String word) {
        if (word.length() < 3) {
            return Optional.empty();
        }
        return Arrays.stream(Month.values())
                .filter(month -> month.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                        .toLowerCase(Locale.ROOT)
                        .startsWith(word))
                .findFirst();
    }

    private static String normalise(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
