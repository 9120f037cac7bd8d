package dev.ownership.storage;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Sets of days as stored: three-letter names in week order, comma-separated ({@code MON,TUE,WED}). */
public final class Days {
    private Days() {}

    public static Set<DayOfWeek> parse(String stored) {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (stored == null || stored.isBlank()) {
            return days;
        }
        Arrays.stream(stored.split(","))
                .map(String::trim)
                .map(Days::fromAbbreviation)
                .forEach(days::add);
        return days;
    }

    public static String format(Set<DayOfWeek> days) {
        EnumSet<DayOfWeek> ordered = EnumSet.noneOf(DayOfWeek.class);
        ordered.addAll(days);
        return ordered.stream().map(day -> day.name().substring(0, 3)).collect(Collectors.joining(","));
    }

    private static DayOfWeek fromAbbreviation(String abbreviation) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(abbreviation)) {
                return day;
            }
        }
        throw new StorageException("Unknown day in the database: " + abbreviation);
    }
}
