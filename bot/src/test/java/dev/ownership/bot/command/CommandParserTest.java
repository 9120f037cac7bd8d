package dev.ownership.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("/ownership parser")
class CommandParserTest {
    /** Monday: the day the commands are typed, where the person is. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private final CommandParser parser = new CommandParser();

    private Command parse(String text) {
        return parser.parse(text, TODAY);
    }

    @Nested
    @DisplayName("for everyone")
    class Everyone {
        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "me", "ME"})
        @DisplayName("empty text and `me` show your own streaks")
        void shouldParseMe(String text) {
            assertThat(parse(text)).isInstanceOf(Command.Me.class);
        }

        @Test
        @DisplayName("`learned` keeps the text as typed, escapes included")
        void shouldKeepLearningText() {
            Command command = parse("learned  <@U123|anna> showed me `git bisect` &amp; it rocks");

            assertThat(command)
                    .isEqualTo(new Command.Learned(
                            "<@U123|anna> showed me `git bisect` &amp; it rocks", ChannelRef.current()));
        }

        @Test
        @DisplayName("`learned` and `risk` without text explain what to type")
        void shouldExplainMissingText() {
            assertThat(parse("learned")).isInstanceOf(Command.Invalid.class);
            assertThat(((Command.Invalid) parse("risk")).message()).contains("/ownership risk TEXT");
        }

        @Test
        @DisplayName("text over 2,000 characters is refused")
        void shouldRefuseLongText() {
            assertThat(parse("risk " + "x".repeat(2_001))).isInstanceOf(Command.Invalid.class);
        }

        @Test
        @DisplayName("`pause` is open-ended or until a date")
        void shouldParsePause() {
            assertThat(parse("pause")).isEqualTo(new Command.Pause(null));
            assertThat(parse("pause until 2027-01-04")).isEqualTo(new Command.Pause(LocalDate.of(2027, 1, 4)));
            assertThat(parse("pause 2027-01-04")).isEqualTo(new Command.Pause(LocalDate.of(2027, 1, 4)));
            assertThat(parse("pause until someday")).isInstanceOf(Command.Invalid.class);
            assertThat(parse("pause until 2027-02-30")).isInstanceOf(Command.Invalid.class);
        }

        @Test
        @DisplayName("`forget-me` is accepted in its spellings, with nothing after it")
        void shouldParseForgetMe() {
            assertThat(parse("forget-me")).isInstanceOf(Command.ForgetMe.class);
            assertThat(parse("forget me")).isInstanceOf(Command.ForgetMe.class);
            assertThat(parse("Forget ME")).isInstanceOf(Command.ForgetMe.class);
            assertThat(parse("forget-me now")).isInstanceOf(Command.Invalid.class);
        }
    }

    @Nested
    @DisplayName("channels")
    class Channels {
        @Test
        @DisplayName("default to the current channel")
        void shouldDefaultToCurrentChannel() {
            assertThat(parse("watch")).isEqualTo(new Command.Watch(ChannelRef.current(), false));
        }

        @Test
        @DisplayName("are read when Slack escapes them, with or without a name")
        void shouldReadEscapedChannel() {
            assertThat(parse("watch <#C0STANDUP|standup>"))
                    .isEqualTo(new Command.Watch(ChannelRef.ofId("C0STANDUP", "standup"), false));
            assertThat(parse("unwatch <#C0STANDUP>"))
                    .isEqualTo(new Command.Unwatch(ChannelRef.ofId("C0STANDUP", null)));
        }

        @Test
        @DisplayName("are read as plain ids and names")
        void shouldReadPlainChannel() {
            assertThat(parse("settings C0STANDUP")).isEqualTo(new Command.Settings(ChannelRef.ofId("C0STANDUP", null)));
            assertThat(parse("team #Standup")).isEqualTo(new Command.Team(ChannelRef.ofName("standup")));
        }

        @Test
        @DisplayName("anything else is refused with the usage")
        void shouldRefuseNonChannel() {
            assertThat(parse("watch standup")).isInstanceOf(Command.Invalid.class);
            assertThat(parse("watch #a #b")).isInstanceOf(Command.Invalid.class);
        }
    }

    @Nested
    @DisplayName("admin commands")
    class AdminCommands {
        @Test
        @DisplayName("`leads` reads escaped and plain users and an optional channel")
        void shouldParseLeads() {
            assertThat(parse("leads <@U0ANNA|anna> W0BOB12 <#C0STANDUP|standup>"))
                    .isEqualTo(new Command.Leads(
                            List.of(UserRef.ofId("U0ANNA"), UserRef.ofId("W0BOB12")),
                            ChannelRef.ofId("C0STANDUP", "standup")));
            assertThat(parse("leads @anna"))
                    .isEqualTo(new Command.Leads(List.of(UserRef.ofName("anna")), ChannelRef.current()));
            assertThat(parse("leads none")).isEqualTo(new Command.Leads(List.of(), ChannelRef.current()));
            assertThat(parse("leads")).isInstanceOf(Command.Invalid.class);
            assertThat(parse("leads anna")).isInstanceOf(Command.Invalid.class);
        }

        @Test
        @DisplayName("`schedule KIND DAYS HH:MM` reads single days, ranges and lists")
        void shouldParseSchedules() {
            assertThat(parse("schedule learning fri 15:00"))
                    .isEqualTo(new Command.Schedule(
                            PromptKind.LEARNING,
                            EnumSet.of(DayOfWeek.FRIDAY),
                            LocalTime.of(15, 0),
                            ChannelRef.current()));
            assertThat(parse("schedule digest mon 9:00 <#C1STANDUP|s>"))
                    .isEqualTo(new Command.Schedule(
                            PromptKind.DIGEST,
                            EnumSet.of(DayOfWeek.MONDAY),
                            LocalTime.of(9, 0),
                            ChannelRef.ofId("C1STANDUP", "s")));
            assertThat(parse("schedule risk mon,wed,fri 10:30"))
                    .isEqualTo(new Command.Schedule(
                            PromptKind.RISK,
                            EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                            LocalTime.of(10, 30),
                            ChannelRef.current()));
            assertThat(parse("schedule impact off"))
                    .isEqualTo(new Command.ScheduleOff(PromptKind.IMPACT, ChannelRef.current()));
        }

        @Test
        @DisplayName("day ranges wrap around the week")
        void shouldWrapDayRanges() {
            assertThat(parse("schedule workdays sun-thu"))
                    .isEqualTo(new Command.Workdays(
                            EnumSet.of(
                                    DayOfWeek.SUNDAY,
                                    DayOfWeek.MONDAY,
                                    DayOfWeek.TUESDAY,
                                    DayOfWeek.WEDNESDAY,
                                    DayOfWeek.THURSDAY),
                            ChannelRef.current()));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "schedule learning friday",
                    "schedule learning fri 25:00",
                    "schedule learning fry 15:00",
                    "schedule lunch fri 12:00",
                    "schedule hours 18:00-09:00",
                    "schedule hours 9-25",
                    "schedule timezone Mars/Olympus",
                    "schedule timezone CET-ish",
                    "schedule workdays",
                    "schedule",
                    "prompt digest",
                    "prompt"
                })
        @DisplayName("malformed schedules and prompts are refused with a hint")
        void shouldRefuseMalformedSchedules(String text) {
            assertThat(parse(text)).isInstanceOf(Command.Invalid.class);
            assertThat(((Command.Invalid) parse(text)).message()).contains("`");
        }

        @Test
        @DisplayName("working hours and timezone")
        void shouldParseHoursAndTimezone() {
            assertThat(parse("schedule hours 08:30-17:00"))
                    .isEqualTo(new Command.Hours(LocalTime.of(8, 30), LocalTime.of(17, 0), ChannelRef.current()));
            assertThat(parse("schedule timezone America/New_York"))
                    .isEqualTo(new Command.Timezone(ZoneId.of("America/New_York"), ChannelRef.current()));
        }

        @Test
        @DisplayName("only admin commands are marked admin-only")
        void shouldMarkAdminCommands() {
            assertThat(parse("watch").adminOnly()).isTrue();
            assertThat(parse("settings").adminOnly()).isTrue();
            assertThat(parse("schedule hours 09:00-17:00").adminOnly()).isTrue();
            assertThat(parse("digest").adminOnly()).isFalse();
            assertThat(parse("prompt learning").adminOnly()).isFalse();
            assertThat(parse("me").adminOnly()).isFalse();
        }
    }

    @Test
    @DisplayName("an unknown word gets a suggestion when it is close to a command")
    void shouldSuggestCloseCommand() {
        Command command = parse("wacth");

        assertThat(command).isInstanceOf(Command.Invalid.class);
        assertThat(((Command.Invalid) command).message())
                .contains("/ownership watch")
                .contains("/ownership help");
        assertThat(((Command.Invalid) parse("banana")).message()).doesNotContain("Did you mean");
    }

    @Test
    @DisplayName("an explanation repeats a long word it could not read cut short")
    void shouldCutLongWordsShort() {
        String word = "x".repeat(3_000);

        assertThat(((Command.Invalid) parse("pause until " + word)).message())
                .startsWith("`" + "x".repeat(40) + "…`")
                .hasSizeLessThan(200);
        assertThat(((Command.Invalid) parse("leads " + word)).message()).hasSizeLessThan(200);
    }

    @Nested
    @DisplayName("learnings")
    class Learnings {
        @Test
        @DisplayName("takes words and an optional trailing channel, also after \"in\"")
        void shouldParseWordsAndChannel() {
            assertThat(parse("learnings")).isEqualTo(new Command.Learnings("", ChannelRef.current()));
            assertThat(parse("learnings flaky tests"))
                    .isEqualTo(new Command.Learnings("flaky tests", ChannelRef.current()));
            assertThat(parse("learnings retry in <#C0STANDUP|standup>"))
                    .isEqualTo(new Command.Learnings("retry", ChannelRef.ofId("C0STANDUP", "standup")));
            assertThat(parse("library \"retry* AND ( <#C0STANDUP>"))
                    .isEqualTo(new Command.Learnings("\"retry* AND (", ChannelRef.ofId("C0STANDUP", null)));
        }

        @Test
        @DisplayName("refuses a wall of words, and suggests itself for a near miss")
        void shouldRefuseTooManyWords() {
            assertThat(parse("learnings " + "word ".repeat(60))).isInstanceOf(Command.Invalid.class);
            assertThat(((Command.Invalid) parse("learnigs retry")).message()).contains("/ownership learnings");
        }
    }
}
