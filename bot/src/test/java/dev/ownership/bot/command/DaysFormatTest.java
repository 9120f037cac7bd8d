package dev.ownership.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("days format")
class DaysFormatTest {
    @ParameterizedTest
    @ValueSource(strings = {"mon-fri", "sun-thu", "mon,wed,fri", "fri", "sat,sun", "mon-wed,fri", "every day"})
    @DisplayName("describes days so that parsing the description gives them back")
    void shouldRoundTrip(String spec) {
        var days = DayWords.days(spec.equals("every day") ? "daily" : spec).orElseThrow();

        String described = DaysFormat.describe(days);

        assertThat(described).isEqualTo(spec);
        assertThat(DayWords.days(described.equals("every day") ? "daily" : described))
                .isEqualTo(Optional.of(days));
    }
}
