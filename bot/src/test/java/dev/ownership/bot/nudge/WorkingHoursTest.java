package dev.ownership.bot.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("working hours")
class WorkingHoursTest {
    private static final WorkingHours WEEKDAYS = new WorkingHours(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0));

    @ParameterizedTest(name = "something from {0} is news until {1}")
    @CsvSource({
        "2026-11-23T10:00, 2026-11-24", // Monday morning: until Tuesday
        "2026-11-23T17:59, 2026-11-24", // Monday, a minute before the end
        "2026-11-23T18:00, 2026-11-25", // Monday after hours: first seen Tuesday, news until Wednesday
        "2026-11-27T17:55, 2026-11-30", // Friday afternoon: until Monday
        "2026-11-27T22:00, 2026-12-01", // Friday night: first seen Monday, news until Tuesday
        "2026-11-28T12:00, 2026-12-01", // Saturday: the same
    })
    void shouldKeepNewsForItsWorkingDayAndTheNext(LocalDateTime then, LocalDate last) {
        assertThat(WEEKDAYS.lastTimelyDay(then.atZone(ZoneId.of("Europe/Berlin"))))
                .isEqualTo(last);
    }
}
