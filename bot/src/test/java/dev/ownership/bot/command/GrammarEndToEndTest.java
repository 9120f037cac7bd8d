package dev.ownership.bot.command;

import static dev.ownership.bot.BotHarness.ADMIN;
import static dev.ownership.bot.BotHarness.ALICE;
import static dev.ownership.bot.BotHarness.CHEN;
import static dev.ownership.bot.BotHarness.LEAD;
import static dev.ownership.bot.BotHarness.STANDUP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.bot.BotHarness;
import dev.ownership.storage.pause.PauseRepository;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The forgiving {@code /ownership} grammar through Slack: signed slash commands, private answers, stored effects. */
@DisplayName("/ownership as people type it, end to end through the simulator")
class GrammarEndToEndTest {
    /** The Monday of {@link BotHarness#MONDAY_MORNING}, in Berlin. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    private Team team() {
        return new TeamRepository(harness.bot().database()).find(STANDUP).orElseThrow();
    }

    @Test
    @DisplayName("`schedule hours 9am-6pm` sets 09:00–18:00 and says so")
    void shouldSetHoursFromTwelveHourClock() {
        harness.watchStandup();
        harness.command(ADMIN, STANDUP, "schedule hours 8:30-17:00");

        String answer = harness.command(ADMIN, STANDUP, "schedule hours 9am-6pm");

        assertThat(answer).contains("Working hours of #standup: 09:00–18:00");
        assertThat(team().workStart()).isEqualTo(LocalTime.of(9, 0));
        assertThat(team().workEnd()).isEqualTo(LocalTime.of(18, 0));
    }

    @Test
    @DisplayName("`schedule learning 15:00 fri` is understood as `fri 15:00`")
    void shouldReadSwappedArguments() {
        harness.watchStandup();

        assertThat(harness.command(ADMIN, STANDUP, "schedule learning 3pm fri"))
                .contains("learning prompt of #standup goes out fri 15:00");
    }

    @Test
    @DisplayName("`pause 2 weeks` pauses until the same weekday two weeks on, the first day back")
    void shouldPauseForTwoWeeks() {
        String answer = harness.command(ALICE, STANDUP, "pause 2 weeks");

        assertThat(answer).contains("Paused until 2026-12-07");
        PauseRepository pauses = new PauseRepository(harness.bot().database());
        assertThat(pauses.activeOn(ALICE, MONDAY)).hasValueSatisfying(pause -> {
            assertThat(pause.start()).isEqualTo(MONDAY);
            assertThat(pause.until()).isEqualTo(LocalDate.of(2026, 12, 7));
        });
        assertThat(pauses.activeOn(ALICE, LocalDate.of(2026, 12, 7))).isEmpty();
    }

    @Test
    @DisplayName("`pause until tomorrow` counts from today where each person is")
    void shouldReadRelativeDatesInTheOwnTimezone() {
        // Monday 20:00 UTC: still Monday evening in Berlin, already Tuesday morning in Tokyo.
        harness.advance(Duration.ofHours(11));

        assertThat(harness.command(ALICE, STANDUP, "pause until tomorrow")).contains("Paused until 2026-11-24");
        assertThat(harness.command(CHEN, STANDUP, "pause until tomorrow")).contains("Paused until 2026-11-25");
        PauseRepository pauses = new PauseRepository(harness.bot().database());
        assertThat(pauses.activeOn(CHEN, LocalDate.of(2026, 11, 24)))
                .hasValueSatisfying(pause -> assertThat(pause.until()).isEqualTo(LocalDate.of(2026, 11, 25)));
    }

    @Test
    @DisplayName("a past date gets a clear answer and pauses nobody")
    void shouldRefusePastDate() {
        String answer = harness.command(ALICE, STANDUP, "pause until 2026-11-20");

        assertThat(answer)
                .contains("`2026-11-20` has passed: it's 2026-11-23 where you are. Try a later date, e.g. "
                        + "`2026-11-30`.");
        assertThat(new PauseRepository(harness.bot().database()).periods(ALICE)).isEmpty();
    }

    @Test
    @DisplayName("an ambiguous timezone asks which one and changes nothing; a city sets it")
    void shouldAskWhichTimezone() {
        harness.watchStandup();

        String answer = harness.command(ADMIN, STANDUP, "schedule timezone IST");

        assertThat(answer)
                .contains("`IST` could be Asia/Kolkata (India), Europe/Dublin (Ireland) or Asia/Jerusalem "
                        + "(Israel). Pick one, e.g. `/ownership schedule timezone Asia/Kolkata`.");
        assertThat(team().timezone()).isEqualTo(ZoneId.of("Europe/Berlin"));

        assertThat(harness.command(ADMIN, STANDUP, "schedule timezone new york"))
                .contains("Timezone of #standup: America/New_York");
        assertThat(team().timezone()).isEqualTo(ZoneId.of("America/New_York"));
    }

    @Test
    @DisplayName("`leads` takes commas and `and`; a wrong name is named as Slack shows it, never as an escape")
    void shouldReadLeadsList() {
        harness.watchStandup();

        String refused = harness.command(ADMIN, STANDUP, "leads <@" + LEAD + "|lee>, <#C0OTHER1|random>, bob");

        assertThat(refused)
                .startsWith("`#random` isn't a person I can recognise")
                .doesNotContain("<#C0OTHER1");
        assertThat(team().leads()).isEmpty();

        assertThat(harness.command(ADMIN, STANDUP, "leads <@" + LEAD + "|lee> and <@" + ALICE + "|alice>"))
                .contains("Leads of #standup:");
        assertThat(team().leads()).containsExactlyInAnyOrder(LEAD, ALICE);
    }
}
