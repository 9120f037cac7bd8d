package dev.ownership.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.EnumSet;
import java.util.Set;
import java.util.TimeZone;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.TriggerBuilder;

@DisplayName("prompt calendar")
class PromptCalendarTest {
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    private static PromptCalendar fridaysAt(String time) {
        return PromptCalendar.of(Set.of(DayOfWeek.FRIDAY), WEEKDAYS, LocalTime.parse(time));
    }

    private static PromptCalendar weekdaysAt(String time) {
        return PromptCalendar.of(WEEKDAYS, WEEKDAYS, LocalTime.parse(time));
    }

    private static Instant next(PromptCalendar calendar, String after, ZoneId zone) {
        return calendar.nextAfter(Instant.parse(after), zone).orElseThrow();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "Europe/Berlin, 2026-11-27T14:00:00Z",
        "America/New_York, 2026-11-27T20:00:00Z",
        "Asia/Tokyo, 2026-11-27T06:00:00Z",
        "Asia/Kolkata, 2026-11-27T09:30:00Z",
        "Australia/Sydney, 2026-11-27T04:00:00Z"
    })
    @DisplayName("fires at the scheduled local time in each person's own timezone")
    void shouldFireInOwnTimezone(String zone, String expected) {
        assertThat(next(fridaysAt("15:00"), "2026-11-23T00:00:00Z", ZoneId.of(zone)))
                .isEqualTo(Instant.parse(expected));
    }

    @Test
    @DisplayName("fires strictly after the given moment: at 15:00 sharp the next one is a week later")
    void shouldFireStrictlyAfter() {
        assertThat(next(fridaysAt("15:00"), "2026-11-27T14:00:00Z", BERLIN))
                .isEqualTo(Instant.parse("2026-12-04T14:00:00Z"));
    }

    @Nested
    @DisplayName("around daylight-saving changes in the northern hemisphere (Berlin)")
    class Berlin {
        @Test
        @DisplayName("spring forward (29 March 2026): 15:00 stays 15:00 local, one hour earlier in UTC")
        void shouldFollowSpringForward() {
            PromptCalendar calendar = fridaysAt("15:00");
            assertThat(next(calendar, "2026-03-23T00:00:00Z", BERLIN)).isEqualTo(Instant.parse("2026-03-27T14:00:00Z"));
            assertThat(next(calendar, "2026-03-28T00:00:00Z", BERLIN)).isEqualTo(Instant.parse("2026-04-03T13:00:00Z"));
        }

        @Test
        @DisplayName("fall back (25 October 2026): Friday before and Monday after, both at 10:00 local")
        void shouldFollowFallBack() {
            PromptCalendar calendar = weekdaysAt("10:00");
            assertThat(next(calendar, "2026-10-23T00:00:00Z", BERLIN)).isEqualTo(Instant.parse("2026-10-23T08:00:00Z"));
            assertThat(next(calendar, "2026-10-23T08:00:00Z", BERLIN)).isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));
        }

        @Test
        @DisplayName("a time that does not exist that day (02:30 on 29 March) has no occurrence, as in Quartz")
        void shouldSkipTimeInGap() {
            PromptCalendar sundays =
                    PromptCalendar.of(Set.of(DayOfWeek.SUNDAY), EnumSet.allOf(DayOfWeek.class), LocalTime.of(2, 30));

            assertThat(sundays.occurrenceOn(LocalDate.of(2026, 3, 29), BERLIN)).isEmpty();
            assertThat(next(sundays, "2026-03-28T00:00:00Z", BERLIN)).isEqualTo(Instant.parse("2026-04-05T00:30:00Z"));
        }

        @Test
        @DisplayName("a time that happens twice (02:30 on 25 October) fires once, at its second occurrence")
        void shouldFireOnceInOverlap() {
            PromptCalendar sundays =
                    PromptCalendar.of(Set.of(DayOfWeek.SUNDAY), EnumSet.allOf(DayOfWeek.class), LocalTime.of(2, 30));

            assertThat(sundays.occurrenceOn(LocalDate.of(2026, 10, 25), BERLIN))
                    .contains(Instant.parse("2026-10-25T01:30:00Z"));
        }
    }

    @Nested
    @DisplayName("around daylight-saving changes in the southern hemisphere (Sydney)")
    class Sydney {
        @Test
        @DisplayName("summer time ends (5 April 2026): 10:00 local moves from 23:00 to 00:00 UTC")
        void shouldFollowEndOfSummerTime() {
            PromptCalendar calendar = weekdaysAt("10:00");
            assertThat(next(calendar, "2026-04-02T12:00:00Z", SYDNEY)).isEqualTo(Instant.parse("2026-04-02T23:00:00Z"));
            assertThat(next(calendar, "2026-04-02T23:00:00Z", SYDNEY)).isEqualTo(Instant.parse("2026-04-06T00:00:00Z"));
        }

        @Test
        @DisplayName("summer time starts (4 October 2026): 10:00 local moves from 00:00 to 23:00 UTC the day before")
        void shouldFollowStartOfSummerTime() {
            PromptCalendar calendar = weekdaysAt("10:00");
            assertThat(next(calendar, "2026-10-01T12:00:00Z", SYDNEY)).isEqualTo(Instant.parse("2026-10-02T00:00:00Z"));
            assertThat(next(calendar, "2026-10-02T00:00:00Z", SYDNEY)).isEqualTo(Instant.parse("2026-10-04T23:00:00Z"));
        }

        @Test
        @DisplayName("02:30 on 4 October does not exist in Sydney and is skipped")
        void shouldSkipTimeInGap() {
            PromptCalendar sundays =
                    PromptCalendar.of(Set.of(DayOfWeek.SUNDAY), EnumSet.allOf(DayOfWeek.class), LocalTime.of(2, 30));

            assertThat(sundays.occurrenceOn(LocalDate.of(2026, 10, 4), SYDNEY)).isEmpty();
        }
    }

    @Nested
    @DisplayName("working days")
    class Workdays {
        @Test
        @DisplayName("a prompt fires only on days that are both scheduled and working days")
        void shouldIntersectWithWorkdays() {
            PromptCalendar calendar = PromptCalendar.of(
                    EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
                    LocalTime.of(9, 30));

            assertThat(calendar.days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY);
            assertThat(calendar.cronExpression()).isEqualTo("0 30 9 ? * MON,WED");
            assertThat(calendar.occurrenceOn(LocalDate.of(2026, 11, 27), BERLIN))
                    .isEmpty();
        }

        @Test
        @DisplayName("a team working sun-thu gets a Sunday prompt, and none on its Friday off")
        void shouldFollowSundayToThursdayWeek() {
            PromptCalendar calendar = PromptCalendar.of(
                    EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.FRIDAY),
                    EnumSet.of(
                            DayOfWeek.SUNDAY,
                            DayOfWeek.MONDAY,
                            DayOfWeek.TUESDAY,
                            DayOfWeek.WEDNESDAY,
                            DayOfWeek.THURSDAY),
                    LocalTime.of(10, 0));

            assertThat(next(calendar, "2026-11-26T12:00:00Z", ZoneId.of("Asia/Jerusalem")))
                    .isEqualTo(Instant.parse("2026-11-29T08:00:00Z"));
        }

        @Test
        @DisplayName("a prompt scheduled on no working day never fires")
        void shouldNeverFireOffWorkdays() {
            PromptCalendar calendar = PromptCalendar.of(Set.of(DayOfWeek.SATURDAY), WEEKDAYS, LocalTime.of(10, 0));

            assertThat(calendar.isEmpty()).isTrue();
            assertThat(calendar.nextAfter(Instant.parse("2026-11-23T00:00:00Z"), BERLIN))
                    .isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
        "Europe/Berlin, 02:30",
        "Europe/Berlin, 15:00",
        "Australia/Sydney, 02:30",
        "Australia/Sydney, 10:00",
        "Australia/Lord_Howe, 02:15",
        "America/New_York, 01:30",
        "America/Sao_Paulo, 00:00",
        "Asia/Kolkata, 23:45"
    })
    @DisplayName("agrees with the Quartz cron trigger, every day for two years")
    void shouldAgreeWithQuartz(String zoneId, String time) {
        ZoneId zone = ZoneId.of(zoneId);
        PromptCalendar calendar = PromptCalendar.of(
                EnumSet.allOf(DayOfWeek.class), EnumSet.allOf(DayOfWeek.class), LocalTime.parse(time));
        CronTrigger quartz = TriggerBuilder.newTrigger()
                .withSchedule(CronScheduleBuilder.cronSchedule(calendar.cronExpression())
                        .inTimeZone(TimeZone.getTimeZone(zone)))
                .startAt(Date.from(Instant.parse("2025-01-01T00:00:00Z")))
                .build();

        Instant after = Instant.parse("2026-01-01T00:00:00Z");
        while (after.isBefore(Instant.parse("2028-01-01T00:00:00Z"))) {
            Instant expected = quartz.getFireTimeAfter(Date.from(after)).toInstant();
            assertThat(calendar.nextAfter(after, zone)).as("after %s", after).contains(expected);
            after = after.plus(Duration.ofHours(11));
        }
    }
}
