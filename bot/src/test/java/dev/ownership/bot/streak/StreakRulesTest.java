package dev.ownership.bot.streak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.storage.pause.PauseRepository.Pause;
import dev.ownership.storage.streak.ActivityRepository.Blocker;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("streak")
class StreakRulesTest {
    private static final Duration GRACE = Duration.ofMinutes(10);
    private static final Duration WINDOW = GRACE.plus(StreakService.AFTER_GRACE);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Set<DayOfWeek> MON_FRI = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    /** Monday 2 November 2026. */
    private static final LocalDate WEEK_1 = LocalDate.of(2026, 11, 2);

    private static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    @Nested
    @DisplayName("ownership")
    class Ownership {
        private final Instant monday = at("2026-11-23T10:00", BERLIN);
        private final List<Blocker> blockers = new ArrayList<>();

        /** A blocker posted {@code hours} after Monday 10:00, with a next step {@code after} it, or none. */
        private Ownership blocker(int hours, Duration after) {
            Instant posted = monday.plus(Duration.ofHours(hours));
            blockers.add(new Blocker("U1", posted, after == null ? null : posted.plus(after)));
            return this;
        }

        private Ownership proposedAtOnce(int hours) {
            return blocker(hours, Duration.ZERO);
        }

        private Streak asOf(Instant asOf) {
            return OwnershipStreak.compute(blockers, WINDOW, asOf);
        }

        private Instant hoursIn(int hours) {
            return monday.plus(Duration.ofHours(hours));
        }

        @Test
        @DisplayName("a blocker posted with a next step counts at once")
        void shouldCountProposalAtOnce() {
            proposedAtOnce(0);

            assertThat(asOf(hoursIn(0)))
                    .extracting(Streak::current, Streak::best)
                    .containsExactly(1, 1);
        }

        @Test
        @DisplayName("a next step added after the nudge, before grace plus 24 hours end, counts")
        void shouldCountProposalAfterNudge() {
            blocker(0, Duration.ofHours(20));

            assertThat(asOf(hoursIn(19)).current()).isZero();
            assertThat(asOf(hoursIn(20)).current()).isEqualTo(1);
        }

        @Test
        @DisplayName("a next step exactly at the end of the window still counts")
        void shouldCountProposalOnTheDeadline() {
            blocker(0, WINDOW);

            assertThat(asOf(hoursIn(48)).current()).isEqualTo(1);
        }

        @Test
        @DisplayName("a next step after the window is late: it resets the streak")
        void shouldResetOnLateProposal() {
            proposedAtOnce(0).proposedAtOnce(1).blocker(2, WINDOW.plusMillis(1));

            Streak streak = asOf(hoursIn(72));

            assertThat(streak).extracting(Streak::current, Streak::best).containsExactly(0, 2);
            assertThat(streak.runStart()).isNull();
        }

        @Test
        @DisplayName("a blocker that never gets a next step resets it once its window has passed")
        void shouldResetWhenWindowPasses() {
            proposedAtOnce(0).proposedAtOnce(1).blocker(2, null);
            Instant deadline = hoursIn(2).plus(WINDOW);

            assertThat(asOf(deadline).current()).isEqualTo(2);
            assertThat(asOf(deadline.plusMillis(1)).current()).isZero();
        }

        @Test
        @DisplayName("while its window is open, a blocker neither counts nor breaks")
        void shouldHoldWhileWindowOpen() {
            proposedAtOnce(0).blocker(1, null).proposedAtOnce(2);

            assertThat(asOf(hoursIn(3)).current()).isEqualTo(2);
            assertThat(asOf(hoursIn(1).plus(WINDOW).plusSeconds(1)))
                    .extracting(Streak::current, Streak::best, Streak::runStart)
                    .containsExactly(1, 1, hoursIn(2));
        }

        @Test
        @DisplayName("a new run starts after a reset, and best keeps the longest run")
        void shouldRestartAfterReset() {
            proposedAtOnce(0)
                    .proposedAtOnce(1)
                    .proposedAtOnce(2)
                    .blocker(3, null)
                    .proposedAtOnce(30);

            Streak streak = asOf(hoursIn(31));

            assertThat(streak).extracting(Streak::current, Streak::best).containsExactly(1, 3);
            assertThat(streak.runStart()).isEqualTo(hoursIn(30));
            assertThat(streak.runFromOldestFact()).isFalse();
        }

        @Test
        @DisplayName("blockers posted and next steps added after the moment asked about are not known yet")
        void shouldIgnoreTheFuture() {
            blocker(0, Duration.ofHours(5)).proposedAtOnce(10);

            assertThat(asOf(hoursIn(4)).current()).isZero();
            assertThat(asOf(hoursIn(9)).current()).isEqualTo(1);
            assertThat(asOf(hoursIn(10)).current()).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("weekly (learning, early risk)")
    class Weekly {
        private final List<Instant> facts = new ArrayList<>();
        private final List<Pause> pauses = new ArrayList<>();
        private Set<DayOfWeek> workdays = MON_FRI;
        private ZoneId zone = BERLIN;

        private Weekly learnedIn(int... weeks) {
            Arrays.stream(weeks).forEach(week -> facts.add(dayOf(week, DayOfWeek.FRIDAY, "15:00")));
            return this;
        }

        private Weekly paused(LocalDate from, LocalDate until) {
            pauses.add(new Pause("U1", from, until));
            return this;
        }

        private LocalDate monday(int week) {
            return WEEK_1.plusWeeks(week - 1L);
        }

        private Instant dayOf(int week, DayOfWeek day, String time) {
            LocalDate date = monday(week).plusDays(day.getValue() - 1L);
            return at(date + "T" + time, zone);
        }

        private Streak asOf(Instant asOf) {
            return WeeklyStreak.compute(StreakKind.LEARNING, facts, new PausedWeeks(pauses, workdays), zone, asOf);
        }

        private Streak inWeek(int week) {
            return asOf(dayOf(week, DayOfWeek.SATURDAY, "12:00"));
        }

        @Test
        @DisplayName("consecutive weeks with a learning extend it; several in one week count once")
        void shouldCountWeeks() {
            learnedIn(1, 2, 2, 3);

            Streak streak = inWeek(3);

            assertThat(streak).extracting(Streak::current, Streak::best).containsExactly(3, 3);
            assertThat(streak.runStart()).isEqualTo(at("2026-11-02T00:00", BERLIN));
        }

        @Test
        @DisplayName("no learning yet: no streak")
        void shouldStartEmpty() {
            assertThat(inWeek(1)).isEqualTo(Streak.none(StreakKind.LEARNING));
        }

        @Nested
        @DisplayName("the current week")
        class CurrentWeek {
            @Test
            @DisplayName("never breaks it, even on its last minute")
            void shouldNotBreakInCurrentWeek() {
                learnedIn(1, 2);

                assertThat(asOf(dayOf(3, DayOfWeek.SUNDAY, "23:59")).current()).isEqualTo(2);
            }

            @Test
            @DisplayName("extends it as soon as a learning is shared")
            void shouldExtendAtOnce() {
                learnedIn(1, 2, 3);

                assertThat(asOf(dayOf(3, DayOfWeek.FRIDAY, "15:00")).current()).isEqualTo(3);
                assertThat(asOf(dayOf(3, DayOfWeek.FRIDAY, "14:59")).current()).isEqualTo(2);
            }

            @Test
            @DisplayName("once it ended without a learning, the streak is broken; best remembers it")
            void shouldBreakWhenWeekEnds() {
                learnedIn(1, 2);

                Streak streak = asOf(dayOf(4, DayOfWeek.MONDAY, "00:00"));

                assertThat(streak).extracting(Streak::current, Streak::best).containsExactly(0, 2);
                assertThat(streak.runFromOldestFact()).isFalse();
            }
        }

        @Nested
        @DisplayName("week boundaries are the team's, in its timezone")
        class Boundaries {
            @ParameterizedTest(name = "{0}")
            @ValueSource(
                    strings = {"Europe/Berlin", "Asia/Tokyo", "America/New_York", "Asia/Kolkata", "Pacific/Auckland"})
            @DisplayName("Sunday 23:59 and Monday 00:00 local are two weeks; Monday 00:00 and Sunday 23:59 are one")
            void shouldSplitAtLocalMidnight(String zoneId) {
                zone = ZoneId.of(zoneId);
                facts.add(dayOf(1, DayOfWeek.SUNDAY, "23:59"));
                facts.add(dayOf(2, DayOfWeek.MONDAY, "00:00"));
                facts.add(dayOf(2, DayOfWeek.SUNDAY, "23:59"));

                assertThat(inWeek(2).current()).isEqualTo(2);
                assertThat(TeamWeeks.weekOf(dayOf(2, DayOfWeek.SUNDAY, "23:59"), zone))
                        .isEqualTo(monday(2));
            }

            @Test
            @DisplayName("one instant can fall in different weeks for teams in different timezones")
            void shouldDependOnTheTeamsZone() {
                Instant sundayEveningUtc = Instant.parse("2026-11-08T20:00:00Z");

                assertThat(TeamWeeks.weekOf(sundayEveningUtc, ZoneId.of("Asia/Tokyo")))
                        .isEqualTo(LocalDate.of(2026, 11, 9));
                assertThat(TeamWeeks.weekOf(sundayEveningUtc, ZoneId.of("America/New_York")))
                        .isEqualTo(LocalDate.of(2026, 11, 2));
            }

            @Test
            @DisplayName("a daylight-saving change inside a week does not move its boundaries")
            void shouldHandleDaylightSaving() {
                // Berlin leaves summer time on Sunday 25 October 2026 at 03:00.
                facts.add(at("2026-10-25T23:30", BERLIN));
                facts.add(at("2026-10-26T00:30", BERLIN));

                Streak streak = asOf(at("2026-10-26T12:00", BERLIN));

                assertThat(streak.current()).isEqualTo(2);
                assertThat(streak.runStart()).isEqualTo(Instant.parse("2026-10-18T22:00:00Z"));
                assertThat(TeamWeeks.endOf(LocalDate.of(2026, 10, 19), BERLIN))
                        .isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
            }
        }

        @Nested
        @DisplayName("when a week is paused")
        class PausedWeek {
            @Test
            @DisplayName("it neither extends nor breaks")
            void shouldHold() {
                learnedIn(1, 3).paused(monday(2), monday(3));

                assertThat(inWeek(3)).extracting(Streak::current, Streak::best).containsExactly(2, 2);
                assertThat(inWeek(2).current()).isEqualTo(1);
            }

            @Test
            @DisplayName("one paused working day is enough to hold it")
            void shouldHoldForOneWorkingDay() {
                learnedIn(1, 3).paused(monday(2).plusDays(2), monday(2).plusDays(3));

                assertThat(inWeek(3).current()).isEqualTo(2);
            }

            @Test
            @DisplayName("a pause over the weekend alone does not hold it")
            void shouldNotHoldForWeekendOnly() {
                learnedIn(1, 3).paused(monday(2).plusDays(5), monday(3));

                assertThat(inWeek(3)).extracting(Streak::current, Streak::best).containsExactly(1, 1);
            }

            @Test
            @DisplayName("the team's working days decide: a Sunday pause holds a sun-thu team's week")
            void shouldUseTheTeamsWorkdays() {
                workdays = EnumSet.of(
                        DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
                learnedIn(1, 3).paused(monday(2).plusDays(6), monday(3));

                assertThat(inWeek(3).current()).isEqualTo(2);
            }

            @Test
            @DisplayName("an open pause holds every week until the person resumes")
            void shouldHoldUntilResume() {
                learnedIn(1).paused(monday(2), null);

                assertThat(inWeek(8).current()).isEqualTo(1);
            }

            @Test
            @DisplayName("a learning shared anyway during a pause still counts")
            void shouldCountSharingWhilePaused() {
                learnedIn(1, 2, 3).paused(monday(2), monday(3));

                assertThat(inWeek(3).current()).isEqualTo(3);
            }
        }
    }
}
