package dev.ownership.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The arguments of {@code /ownership} as people type them, and the one-line answers to those it cannot read. */
@DisplayName("/ownership grammar, as people type it")
class ForgivingGrammarTest {
    /** Monday 2026-11-23, where the person typing is. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private final CommandParser parser = new CommandParser();

    private Command parse(String text) {
        return parser.parse(text, TODAY);
    }

    /** The explanation for {@code text}, checked to be one short line with an example in code. */
    private String problem(String text) {
        Command command = parse(text);
        assertThat(command).as(text).isInstanceOf(Command.Invalid.class);
        String message = ((Command.Invalid) command).message();
        assertThat(message).as(text).doesNotContain("\n").hasSizeLessThan(200).containsPattern("`[^`]+`");
        return message;
    }

    private static Set<DayOfWeek> days(String names) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(names.split(" ")).map(DayOfWeek::valueOf).forEach(days::add);
        return days;
    }

    @Nested
    @DisplayName("times")
    class Times {
        @ParameterizedTest(name = "`{0}` is {1}")
        @CsvSource({
            "15:00, 15:00",
            "9:05, 09:05",
            "09:05, 09:05",
            "3pm, 15:00",
            "3PM, 15:00",
            "3 pm, 15:00",
            "3p.m., 15:00",
            "3:30pm, 15:30",
            "9am, 09:00",
            "12am, 00:00",
            "12pm, 12:00",
            "15h, 15:00",
            "15h30, 15:30",
            "noon, 12:00",
            "Noon, 12:00",
            "midnight, 00:00"
        })
        void shouldReadTime(String time, LocalTime expected) {
            assertThat(parse("schedule learning fri " + time))
                    .isEqualTo(new Command.Schedule(
                            PromptKind.LEARNING, EnumSet.of(DayOfWeek.FRIDAY), expected, ChannelRef.current()));
        }

        @ParameterizedTest(name = "`{0}` is not a time")
        @ValueSource(strings = {"25:00", "15:60", "13pm", "0am", "24:00", "9", "3x"})
        void shouldExplainWrongTime(String time) {
            assertThat(problem("schedule learning fri " + time))
                    .isEqualTo("`" + time + "` isn't a time. Try `15:00` or `3pm`.");
        }
    }

    @Nested
    @DisplayName("hours")
    class Hours {
        @ParameterizedTest(name = "`{0}` is {1}–{2}")
        @CsvSource(
                delimiterString = " => ",
                value = {
                    "9-18 => 09:00 => 18:00",
                    "09:00-18:00 => 09:00 => 18:00",
                    "9:30-17:30 => 09:30 => 17:30",
                    "9am-6pm => 09:00 => 18:00",
                    "9AM-6PM => 09:00 => 18:00",
                    "9am - 6pm => 09:00 => 18:00",
                    "9am–6pm => 09:00 => 18:00",
                    "9 – 18 => 09:00 => 18:00",
                    "9am to 6pm => 09:00 => 18:00",
                    "from 9 to 5:30pm => 09:00 => 17:30",
                    "8:30am-5pm => 08:30 => 17:00",
                    "9-6 => 09:00 => 18:00",
                    "9:30-5:30 => 09:30 => 17:30",
                    "1-5pm => 13:00 => 17:00",
                    "11-1pm => 11:00 => 13:00",
                    "noon-8pm => 12:00 => 20:00",
                    "10-24 => 10:00 => 23:59",
                    "18:00-24:00 => 18:00 => 23:59",
                    "18:00-midnight => 18:00 => 23:59",
                    "15h-19h => 15:00 => 19:00",
                    "9-9 => 09:00 => 21:00"
                })
        void shouldReadHours(String hours, LocalTime start, LocalTime end) {
            assertThat(parse("schedule hours " + hours)).isEqualTo(new Command.Hours(start, end, ChannelRef.current()));
        }

        @ParameterizedTest(name = "`{0}` ends before it starts")
        @ValueSource(strings = {"18-9", "18:00-09:00", "09:00-06:00", "5pm-9am", "9am-9am"})
        void shouldRefuseBackwardsHours(String hours) {
            assertThat(problem("schedule hours " + hours)).startsWith("Working hours must end after they start");
        }

        @ParameterizedTest(name = "`{0}`: {1}")
        @CsvSource(
                delimiterString = " => ",
                value = {
                    "9am => `9am` isn't a range of hours. Try `9am-6pm` or `09:00-18:00`.",
                    "9-25 => `25` isn't a time. Try `15:00` or `3pm`.",
                    "nine-five => `nine` isn't a time. Try `15:00` or `3pm`.",
                    "24:00-09:00 => `24:00` isn't a time. Try `15:00` or `3pm`."
                })
        void shouldExplainWrongHours(String hours, String expected) {
            assertThat(problem("schedule hours " + hours)).isEqualTo(expected);
        }

        @Test
        @DisplayName("missing hours get an example, not the usage of every schedule")
        void shouldExplainMissingHours() {
            assertThat(problem("schedule hours"))
                    .isEqualTo("Which hours? e.g. `schedule hours 9am-6pm` or `schedule hours 09:00-18:00`.");
        }
    }

    @Nested
    @DisplayName("days")
    class Days {
        @ParameterizedTest(name = "`{0}` is {1}")
        @CsvSource(
                delimiterString = " => ",
                value = {
                    "mon => MONDAY",
                    "Mon => MONDAY",
                    "monday => MONDAY",
                    "MONDAY => MONDAY",
                    "mondays => MONDAY",
                    "tu => TUESDAY",
                    "thurs => THURSDAY",
                    "mon-fri => MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY",
                    "mon–fri => MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY",
                    "mon to fri => MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY",
                    "monday - friday => MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY",
                    "sun-thu => SUNDAY MONDAY TUESDAY WEDNESDAY THURSDAY",
                    "fri-mon => FRIDAY SATURDAY SUNDAY MONDAY",
                    "mon,wed,fri => MONDAY WEDNESDAY FRIDAY",
                    "mon, wed, fri => MONDAY WEDNESDAY FRIDAY",
                    "mon wed fri => MONDAY WEDNESDAY FRIDAY",
                    "mon/wed => MONDAY WEDNESDAY",
                    "mon and thu => MONDAY THURSDAY",
                    "Monday and Thursday => MONDAY THURSDAY",
                    "mon, wed and fri => MONDAY WEDNESDAY FRIDAY",
                    "mon & thu => MONDAY THURSDAY",
                    "mon &amp; thu => MONDAY THURSDAY",
                    "mon-wed,fri => MONDAY TUESDAY WEDNESDAY FRIDAY",
                    "weekdays => MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY",
                    "weekends => SATURDAY SUNDAY",
                    "daily => MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY",
                    "everyday => MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY",
                    "every-day => MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY",
                    "every day => MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY",
                    "every friday => FRIDAY"
                })
        void shouldReadDays(String typed, String expected) {
            assertThat(parse("schedule workdays " + typed))
                    .isEqualTo(new Command.Workdays(days(expected), ChannelRef.current()));
            assertThat(parse("schedule risk " + typed + " 10:30"))
                    .isEqualTo(new Command.Schedule(
                            PromptKind.RISK, days(expected), LocalTime.of(10, 30), ChannelRef.current()));
        }

        @ParameterizedTest(name = "`{0}` are not days")
        @ValueSource(strings = {"fry", "t", "mon-", "-fri", "mon-tue-wed", "s", "soon"})
        void shouldExplainWrongDays(String typed) {
            assertThat(problem("schedule workdays " + typed))
                    .isEqualTo("`" + typed + "` aren't days I can read. Try `fri`, `mon-fri` or `mon,wed,fri`.");
        }
    }

    @Nested
    @DisplayName("schedules with their arguments in another order or missing")
    class ScheduleArguments {
        @ParameterizedTest(name = "`{0}`")
        @ValueSource(
                strings = {
                    "schedule learning fri 15:00",
                    "schedule learning 15:00 fri",
                    "schedule learning 3pm friday",
                    "schedule learning fri at 3pm",
                    "schedule learning fri at 3 pm",
                    "schedule learning at 15:00 on fridays",
                    "schedule LEARNING Fri 15h"
                })
        void shouldReadTimeBeforeOrAfterDays(String text) {
            assertThat(parse(text))
                    .isEqualTo(new Command.Schedule(
                            PromptKind.LEARNING,
                            EnumSet.of(DayOfWeek.FRIDAY),
                            LocalTime.of(15, 0),
                            ChannelRef.current()));
        }

        @Test
        @DisplayName("a channel after the time, also after `in`")
        void shouldReadChannelAfterTime() {
            Command expected = new Command.Schedule(
                    PromptKind.DIGEST,
                    EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
                    LocalTime.of(9, 0),
                    ChannelRef.ofId("C0STANDUP", "standup"));

            assertThat(parse("schedule digest mon and thu 9am <#C0STANDUP|standup>"))
                    .isEqualTo(expected);
            assertThat(parse("schedule digest 9am mon and thu in <#C0STANDUP|standup>"))
                    .isEqualTo(expected);
        }

        @ParameterizedTest(name = "`{0}`: {1}")
        @CsvSource(
                delimiterString = " => ",
                value = {
                    "schedule learning => When? Add days and a time, e.g. `schedule learning fri 15:00`.",
                    "schedule learning 15:00 => Which days? Add them before the time, e.g. `schedule learning fri"
                            + " 15:00`.",
                    "schedule learning friday => At what time? Add it after the days, e.g. `schedule learning fri"
                            + " 15:00`.",
                    "schedule learning fri 25:00 => `25:00` isn't a time. Try `15:00` or `3pm`.",
                    "schedule learning 25:00 fri => `25:00` isn't a time. Try `15:00` or `3pm`.",
                    "schedule learning fry 15:00 => `fry` aren't days I can read. Try `fri`, `mon-fri` or"
                            + " `mon,wed,fri`.",
                    "schedule learning 15:00 fry => `fry` aren't days I can read. Try `fri`, `mon-fri` or"
                            + " `mon,wed,fri`.",
                    "schedule lunch fri 12:00 => I can't schedule `lunch`. Try `learning`, `risk`, `impact`,"
                            + " `digest`, `standup`, `standup-reminder`, `risk-followup`, `workdays`, `hours` or"
                            + " `timezone`, e.g. `schedule learning fri 15:00`.",
                    "schedule workdays => Which days? e.g. `schedule workdays mon-fri` or `schedule workdays"
                            + " sun-thu`.",
                    "schedule timezone => Which timezone? e.g. `schedule timezone Europe/Berlin`, `schedule"
                            + " timezone tokyo` or `PST`."
                })
        void shouldExplainTheOneArgument(String text, String expected) {
            assertThat(problem(text)).isEqualTo(expected);
        }
    }

    @Nested
    @DisplayName("schedule standup")
    class Standup {
        @ParameterizedTest(name = "`{0}`")
        @ValueSource(
                strings = {
                    "schedule standup mon-fri 09:30",
                    "schedule standup 09:30 mon-fri",
                    "schedule standup mon tue wed thu fri 9:30am",
                    "schedule standup weekdays at 9:30 am",
                })
        void shouldReadDaysAndTimeInEitherOrder(String text) {
            assertThat(parse(text))
                    .isEqualTo(new Command.ScheduleStandup(
                            days("MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY"),
                            LocalTime.of(9, 30),
                            Command.Remind.KEEP,
                            null,
                            ChannelRef.current()));
        }

        @Test
        @DisplayName("a reminder time may be typed as people say it, and a channel may follow")
        void shouldReadReminderAndChannel() {
            assertThat(parse("schedule standup mon wed fri 09:30 remind 11 am <#C42|team>"))
                    .isEqualTo(new Command.ScheduleStandup(
                            days("MONDAY WEDNESDAY FRIDAY"),
                            LocalTime.of(9, 30),
                            Command.Remind.AT,
                            LocalTime.of(11, 0),
                            ChannelRef.ofId("C42", "team")));
            assertThat(parse("schedule standup mon-fri 09:30 remind off"))
                    .isEqualTo(new Command.ScheduleStandup(
                            days("MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY"),
                            LocalTime.of(9, 30),
                            Command.Remind.OFF,
                            null,
                            ChannelRef.current()));
        }

        @ParameterizedTest(name = "`{0}`: {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "schedule standup | When? Add days and a time",
                    "schedule standup 09:30 | Which days?",
                    "schedule standup mon-fri 25:00 | isn't a time",
                    "schedule standup mon-fri 09:30 remind | Give `remind` one time",
                    "schedule standup mon-fri 09:30 remind 11:00 12:00 | Give `remind` one time",
                    "schedule standup mon-fri 09:30 remind soon | isn't a time",
                })
        void shouldExplainTheOneArgument(String text, String expected) {
            assertThat(problem(text)).contains(expected);
        }
    }

    @Nested
    @DisplayName("pause")
    class Pause {
        @ParameterizedTest(name = "`{0}` is back on {1}")
        @CsvSource(
                delimiterString = " => ",
                value = {
                    "pause until friday => 2026-11-27",
                    "pause until Fri => 2026-11-27",
                    "pause till friday => 2026-11-27",
                    "pause until this friday => 2026-11-27",
                    "pause until next friday => 2026-11-27",
                    "pause until monday => 2026-11-30",
                    "pause until next monday => 2026-11-30",
                    "pause until tomorrow => 2026-11-24",
                    "pause until next week => 2026-11-30",
                    "pause 2 weeks => 2026-12-07",
                    "pause 3 days => 2026-11-26",
                    "pause for a week => 2026-11-30",
                    "pause a week => 2026-11-30",
                    "pause for two weeks => 2026-12-07",
                    "pause 1 week => 2026-11-30",
                    "pause 10d => 2026-12-03",
                    "pause for a month => 2026-12-23",
                    "pause until dec 24 => 2026-12-24",
                    "pause until 24 dec => 2026-12-24",
                    "pause until December 24th => 2026-12-24",
                    "pause until 24th of December => 2026-12-24",
                    "pause until jan 5 => 2027-01-05",
                    "pause until sept 1 2027 => 2027-09-01",
                    "pause until feb 1 => 2027-02-01",
                    "pause until dec 24 2027 => 2027-12-24",
                    "pause until 24 Dec, 2027 => 2027-12-24",
                    "pause until 2027-01-04 => 2027-01-04",
                    "pause until 2027-1-4 => 2027-01-04",
                    "pause 2027-01-04 => 2027-01-04",
                    "pause dec 24 => 2026-12-24"
                })
        void shouldReadDate(String text, LocalDate back) {
            assertThat(parse(text)).isEqualTo(new Command.Pause(back));
        }

        @Test
        @DisplayName("asks for today only when the text has a date")
        void shouldAskForTodayOnlyForDates() {
            assertThat(parser.parse("pause", () -> {
                        throw new AssertionError("today asked for");
                    }))
                    .isEqualTo(new Command.Pause(null));
            assertThat(parser.parse("schedule hours 9-5", () -> {
                        throw new AssertionError("today asked for");
                    }))
                    .isInstanceOf(Command.Hours.class);
        }

        @ParameterizedTest(name = "`{0}`: {1}")
        @CsvSource(
                delimiterString = " => ",
                value = {
                    "pause until => Until when? Try `pause until friday`, `pause 2 weeks` or `pause until"
                            + " 2027-01-04`.",
                    "pause until 2026-11-20 => `2026-11-20` has passed: it's 2026-11-23 where you are. Try a later"
                            + " date, e.g. `2026-11-30`.",
                    "pause until nov 20 => `nov 20` has passed: it's 2026-11-23 where you are. Try a later date,"
                            + " e.g. `2026-11-30`.",
                    "pause until today => `today` is today: it's 2026-11-23 where you are. Try a later date, e.g."
                            + " `2026-11-30`.",
                    "pause until 2026-11-23 => `2026-11-23` is today: it's 2026-11-23 where you are. Try a later"
                            + " date, e.g. `2026-11-30`.",
                    "pause until feb 30 => `feb 30` isn't a date I can read. Try `friday`, `dec 24` or"
                            + " `2027-01-04`.",
                    "pause until 2027-02-30 => `2027-02-30` isn't a date I can read. Try `friday`, `dec 24` or"
                            + " `2027-01-04`.",
                    "pause until someday => `someday` isn't a date I can read. Try `friday`, `dec 24` or"
                            + " `2027-01-04`.",
                    "pause 0 days => `0 days` isn't a date I can read. Try `friday`, `dec 24` or `2027-01-04`.",
                    "pause friday => Pauses start today: did you mean `pause until friday`? You'd be back on Friday"
                            + " 2026-11-27.",
                    "pause tomorrow => Pauses start today: did you mean `pause until tomorrow`? You'd be back on"
                            + " Tuesday 2026-11-24."
                })
        void shouldExplainWrongDate(String text, String expected) {
            assertThat(problem(text)).isEqualTo(expected);
        }
    }

    @Nested
    @DisplayName("leads")
    class Leads {
        @ParameterizedTest(name = "`{0}`")
        @ValueSource(
                strings = {
                    "leads @a @b @c",
                    "leads @a, @b and @c",
                    "leads @a,@b,@c",
                    "leads @a & @b & @c",
                    "leads @a &amp; @b and @c",
                    "leads @a, @b, @c, @a"
                })
        void shouldReadNames(String text) {
            assertThat(parse(text))
                    .isEqualTo(new Command.Leads(
                            List.of(UserRef.ofName("a"), UserRef.ofName("b"), UserRef.ofName("c")),
                            ChannelRef.current()));
        }

        @ParameterizedTest(name = "`{0}`")
        @ValueSource(
                strings = {
                    "leads <@U0ANNA|anna>, <@U0BOB12|bob> <#C0STANDUP|standup>",
                    "leads <@U0ANNA|anna>,<@U0BOB12|bob> in <#C0STANDUP|standup>",
                    "leads <@U0ANNA|anna> and <@U0BOB12|bob> for <#C0STANDUP|standup>",
                    "leads <#C0STANDUP|standup> <@U0ANNA|anna> &amp; <@U0BOB12|bob>"
                })
        void shouldReadEscapedPeopleAndChannel(String text) {
            assertThat(parse(text))
                    .isEqualTo(new Command.Leads(
                            List.of(UserRef.ofId("U0ANNA"), UserRef.ofId("U0BOB12")),
                            ChannelRef.ofId("C0STANDUP", "standup")));
        }

        @ParameterizedTest(name = "`{0}`: {1}")
        @CsvSource(
                delimiterString = " => ",
                value = {
                    "leads anna => `anna` isn't a person I can recognise: mention them with `@`, e.g. `leads @lee,"
                            + " @ada`.",
                    "leads <@U0LEE001|lee>, bob => `bob` isn't a person I can recognise: mention them with `@`, e.g."
                            + " `leads @lee, @ada`.",
                    "leads <#C0STANDUP|standup> => Name at least one lead, e.g. `leads @lee, @ada`, or `leads none`"
                            + " to clear them.",
                    "leads and => Name at least one person, e.g. `leads @lee, @ada`."
                })
        void shouldExplainWrongPeople(String text, String expected) {
            assertThat(problem(text)).isEqualTo(expected);
        }
    }

    @Nested
    @DisplayName("timezones")
    class Timezones {
        @ParameterizedTest(name = "`{0}` is {1}")
        @CsvSource({
            "Europe/Berlin, Europe/Berlin",
            "europe/berlin, Europe/Berlin",
            "Berlin, Europe/Berlin",
            "berlin, Europe/Berlin",
            "new york, America/New_York",
            "New York, America/New_York",
            "New_York, America/New_York",
            "São Paulo, America/Sao_Paulo",
            "sao paulo, America/Sao_Paulo",
            "tokyo, Asia/Tokyo",
            "Buenos Aires, America/Argentina/Buenos_Aires",
            "istanbul, Europe/Istanbul",
            "bangalore, Asia/Kolkata",
            "San Francisco, America/Los_Angeles",
            "PST, America/Los_Angeles",
            "pdt, America/Los_Angeles",
            "EST, America/New_York",
            "CET, Europe/Paris",
            "CEST, Europe/Paris",
            "AEST, Australia/Sydney",
            "JST, Asia/Tokyo",
            "UTC, UTC",
            "utc, UTC",
            "GMT, GMT",
            "UTC+2, UTC+02:00",
            "UTC-05:30, UTC-05:30",
            "GMT+5:30, UTC+05:30",
            "Etc/GMT+5, Etc/GMT+5"
        })
        void shouldReadZone(String typed, String id) {
            assertThat(parse("schedule timezone " + typed))
                    .isEqualTo(new Command.Timezone(ZoneId.of(id), ChannelRef.current()));
        }

        @ParameterizedTest(name = "`{0}` could be {1}")
        @CsvSource(
                delimiterString = " => ",
                value = {
                    "IST => Asia/Kolkata (India), Europe/Dublin (Ireland) or Asia/Jerusalem (Israel)",
                    "ist => Asia/Kolkata (India), Europe/Dublin (Ireland) or Asia/Jerusalem (Israel)",
                    "CST => America/Chicago (US Central), Asia/Shanghai (China) or America/Havana (Cuba)",
                    "BST => Europe/London (British Summer Time) or Asia/Dhaka (Bangladesh)",
                    "AST => America/Halifax (Atlantic Canada) or Asia/Riyadh (Arabia)"
                })
        void shouldAskWhichOne(String typed, String candidates) {
            String first = candidates.substring(0, candidates.indexOf(' '));

            assertThat(problem("schedule timezone " + typed))
                    .isEqualTo("`" + typed + "` could be " + candidates + ". Pick one, e.g. `/ownership schedule "
                            + "timezone " + first + "`.");
        }

        @ParameterizedTest(name = "`{0}` is not a timezone")
        @ValueSource(strings = {"Mars/Olympus", "CET-ish", "Europe/", "atlantis", "UTC+25"})
        void shouldExplainUnknownZone(String typed) {
            assertThat(problem("schedule timezone " + typed))
                    .isEqualTo("I don't know the timezone `" + typed
                            + "`. Try a city (`Berlin`, `new york`) or AREA/CITY (`Europe/Berlin`).");
        }
    }

    @Nested
    @DisplayName("explanations name people and channels as Slack shows them")
    class Escapes {
        @ParameterizedTest(name = "`{0}`: {1}")
        @CsvSource(
                delimiterString = " => ",
                value = {
                    "watch <@U0LEE001|lee> => `@lee` is not a channel. Use `/ownership watch [#channel]`.",
                    "watch <@U0LEE001> => <@U0LEE001> is not a channel. Use `/ownership watch [#channel]`.",
                    "schedule learning <@U0LEE001|lee> 15:00 => `@lee` aren't days I can read. Try `fri`, `mon-fri`"
                            + " or `mon,wed,fri`.",
                    "leads <#C0STANDUP|standup> <#C0RANDOM|random> => `#standup` isn't a person I can recognise:"
                            + " mention them with `@`, e.g. `leads @lee, @ada`.",
                    "leads <#C0STANDUP> <#C0RANDOM> => <#C0STANDUP> isn't a person I can recognise: mention them"
                            + " with `@`, e.g. `leads @lee, @ada`.",
                    "schedule learning <!here> 15:00 => `@here` aren't days I can read. Try `fri`, `mon-fri` or"
                            + " `mon,wed,fri`.",
                    "schedule learning x<@U0LEE001>y 15:00 => `x`<@U0LEE001>`y` aren't days I can read. Try `fri`,"
                            + " `mon-fri` or `mon,wed,fri`.",
                    "prompt <http://example.com|lunch> => `lunch` is not a prompt. Use `/ownership prompt"
                            + " learning|risk|impact [#channel]`."
                })
        void shouldNeverEchoRawEscapes(String text, String expected) {
            assertThat(problem(text))
                    .isEqualTo(expected)
                    .doesNotContain("|lee>")
                    .doesNotContain("|standup>");
        }

        @Test
        @DisplayName("a long word is cut short, never inside an escape")
        void shouldCutLongWords() {
            assertThat(Echo.quoted("x".repeat(38) + "<@U0LEE001|lee>")).isEqualTo("`" + "x".repeat(38) + "@l…`");
            assertThat(Echo.quoted("x".repeat(38) + "<@U0LEE001>")).isEqualTo("`" + "x".repeat(38) + "…`");
            assertThat(Echo.quoted("a`b")).isEqualTo("`a'b`");
        }
    }
}
