package dev.ownership.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("keeping to a Slack rate-limit tier")
class TierPacerTest {
    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    /** A clock that moves only when the pacer sleeps, or when the test says. */
    private long now;

    private final List<Long> waits = new ArrayList<>();

    private TierPacer pacer(int burst, int perMinute) {
        return new TierPacer(burst, perMinute, () -> now, nanos -> {
            waits.add(nanos);
            now += nanos;
        });
    }

    @Test
    @DisplayName("a burst goes at once; the calls after it go at the tier's pace, none faster")
    void shouldPaceAfterTheBurst() {
        TierPacer pacer = pacer(20, 100);

        for (int i = 0; i < 400; i++) {
            pacer.acquire();
        }

        assertThat(waits).as("only the calls past the burst wait").hasSize(380);
        assertThat(waits).allSatisfy(wait -> assertThat(wait).isBetween(SECOND * 6 / 10 - 1, SECOND * 6 / 10 + 1));
        assertThat(Duration.ofNanos(now))
                .as("400 calls at 100 a minute after a burst of 20")
                .isEqualTo(Duration.ofMillis(380 * 600));
    }

    @Test
    @DisplayName("occasional calls never wait, and a quiet spell refills the burst, no more")
    void shouldRefillAfterAQuietSpell() {
        TierPacer pacer = pacer(3, 60);
        for (int i = 0; i < 3; i++) {
            pacer.acquire();
        }
        now += 10 * SECOND;

        for (int i = 0; i < 3; i++) {
            pacer.acquire();
        }
        pacer.acquire();

        assertThat(waits)
                .as("the burst is back after the spell; the fourth call waits its second")
                .containsExactly(SECOND);
    }

    @Test
    @DisplayName("refuses a burst or a pace below one")
    void shouldRefuseNonsense() {
        assertThatThrownBy(() -> pacer(0, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pacer(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
