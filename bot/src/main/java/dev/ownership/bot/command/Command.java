package dev.ownership.bot.command;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What someone asked for with {@code /ownership}, parsed from its text. */
public sealed interface Command {
    /**
     * Whether it configures a team: only the team's own admins (who set it up, its leads) and Ownership admins may
     * run it.
     */
    default boolean adminOnly() {
        return false;
    }

    /** Whether only workspace admins and owners may run it. */
    default boolean workspaceAdminOnly() {
        return false;
    }

    /** {@code (empty)} or {@code me}: your streaks and last weeks. */
    record Me() implements Command {}

    /** {@code help}. */
    record Help() implements Command {}

    /** {@code learned TEXT}. */
    record Learned(String text, ChannelRef channel) implements Command {
        public Learned {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(channel, "channel");
        }
    }

    /** {@code risk TEXT}. */
    record Risk(String text, ChannelRef channel) implements Command {
        public Risk {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(channel, "channel");
        }
    }

    /** {@code team [#channel]}. */
    record Team(ChannelRef channel) implements Command {}

    /** {@code pause [until YYYY-MM-DD]}; {@code until} is null for an open-ended pause. */
    record Pause(LocalDate until) implements Command {}

    /** {@code resume}. */
    record Resume() implements Command {}

    /** {@code forget-me}. */
    record ForgetMe() implements Command {}

    /** {@code watch [#channel] [quiet]}: {@code quiet} leaves out the introduction in the channel. */
    record Watch(ChannelRef channel, boolean quiet) implements Command {
        @Override
        public boolean adminOnly() {
            return true;
        }
    }

    /** {@code unwatch [#channel]}. */
    record Unwatch(ChannelRef channel) implements Command {
        @Override
        public boolean adminOnly() {
            return true;
        }
    }

    /** {@code leads @a @b [#channel]}. */
    record Leads(List<UserRef> leads, ChannelRef channel) implements Command {
        public Leads {
            leads = List.copyOf(leads);
        }

        @Override
        public boolean adminOnly() {
            return true;
        }
    }

    /** {@code schedule KIND DAYS HH:MM [#channel]}. */
    record Schedule(PromptKind kind, Set<DayOfWeek> days, LocalTime time, ChannelRef channel) implements Command {
        public Schedule {
            days = Set.copyOf(days);
        }

        @Override
        public boolean adminOnly() {
            return true;
        }
    }

    /** {@code schedule KIND off [#channel]}. */
    record ScheduleOff(PromptKind kind, ChannelRef channel) implements Command {
        @Override
        public boolean adminOnly() {
            return true;
        }
    }

    /** {@code schedule workdays DAYS [#channel]}. */
    record Workdays(Set<DayOfWeek> days, ChannelRef channel) implements Command {
        public Workdays {
            days = Set.copyOf(days);
        }

        @Override
        public boolean adminOnly() {
            return true;
        }
    }

    /** {@code schedule hours HH:MM-HH:MM [#channel]}. */
    record Hours(LocalTime start, LocalTime end, ChannelRef channel) implements Command {
        @Override
        public boolean adminOnly() {
            return true;
        }
    }

    /** {@code schedule timezone AREA/CITY [#channel]}. */
    record Timezone(ZoneId zone, ChannelRef channel) implements Command {
        @Override
        public boolean adminOnly() {
            return true;
        }
    }

    /** {@code prompt learning|risk|impact [#channel]} (admins and the team's leads). */
    record SendPrompt(PromptKind kind, ChannelRef channel) implements Command {}

    /** {@code digest [#channel]} (admins and the team's leads). */
    record Digest(ChannelRef channel) implements Command {}

    /** {@code settings [#channel]}. */
    record Settings(ChannelRef channel) implements Command {
        @Override
        public boolean adminOnly() {
            return true;
        }
    }

    /** {@code settings leaderboard on|off [#channel]}: an extension of the grammar for the team leaderboard. */
    record Leaderboard(boolean enabled, ChannelRef channel) implements Command {
        @Override
        public boolean adminOnly() {
            return true;
        }
    }

    /** {@code settings escalation on|off [#channel]}: leads told of long-running blockers nobody answered. */
    record Escalation(boolean on, ChannelRef channel) implements Command {
        @Override
        public boolean adminOnly() {
            return true;
        }
    }

    /** {@code settings long-blockers DAYS [#channel]}: after how many workdays a blocker counts as long-running. */
    record LongBlockerDays(int days, ChannelRef channel) implements Command {
        @Override
        public boolean adminOnly() {
            return true;
        }
    }

    /** {@code nudges on|off}: your own nudges, on or off, without touching prompts or a pause. */
    record Nudges(boolean on) implements Command {}

    /** {@code prompts on|off}: your own scheduled prompts, on or off. */
    record Prompts(boolean on) implements Command {}

    /** {@code leaderboard join|leave}: whether you are listed where a team turned its leaderboard on. */
    record LeaderboardChoice(boolean join) implements Command {}

    /** {@code admins}: who configures every team. */
    record AdminsList() implements Command {}

    /** {@code admins add|remove @a [@b …]} (workspace admins). */
    record AdminsChange(boolean add, List<UserRef> people) implements Command {
        public AdminsChange {
            people = List.copyOf(people);
        }

        @Override
        public boolean workspaceAdminOnly() {
            return true;
        }
    }

    /** Text that is not a command: {@code message} says what would work. */
    record Invalid(String message) implements Command {}

    /**
     * {@code schedule standup DAYS HH:MM [remind HH:MM|remind off] [#channel]}: the bot runs the team's standup.
     *
     * @param remind what to do with the reminder: keep it as it is, set its time, or turn it off
     * @param remindAt the reminder's time when {@code remind} is {@link Remind#AT}, else null
     */
    record ScheduleStandup(Set<DayOfWeek> days, LocalTime time, Remind remind, LocalTime remindAt, ChannelRef channel)
            implements Command {
        public ScheduleStandup {
            days = Set.copyOf(days);
            Objects.requireNonNull(remind, "remind");
        }

        @Override
        public boolean adminOnly() {
            return true;
        }
    }

    /** {@code schedule standup off [#channel]}. */
    record StandupOff(ChannelRef channel) implements Command {
        @Override
        public boolean adminOnly() {
            return true;
        }
    }

    /** {@code schedule standup-reminder HH:MM|default|off [#channel]}; {@code at} is null unless {@link Remind#AT}. */
    record StandupReminder(Remind remind, LocalTime at, ChannelRef channel) implements Command {
        public StandupReminder {
            Objects.requireNonNull(remind, "remind");
        }

        @Override
        public boolean adminOnly() {
            return true;
        }
    }

    /** {@code settings questions Q1 | Q2 | Q3 [#channel]}, or {@code settings questions default} (an empty list). */
    record StandupQuestions(List<String> questions, ChannelRef channel) implements Command {
        public StandupQuestions {
            questions = List.copyOf(questions);
        }

        @Override
        public boolean adminOnly() {
            return true;
        }
    }

    /** {@code risks [#channel]}: the risk register, as far as the person may see it. */
    record Risks(ChannelRef channel) implements Command {
        public Risks {
            Objects.requireNonNull(channel, "channel");
        }
    }

    /** {@code learnings [WORDS] [#channel]}: searches the team's learnings; no words lists the latest. */
    record Learnings(String words, ChannelRef channel) implements Command {
        public Learnings {
            Objects.requireNonNull(words, "words");
            Objects.requireNonNull(channel, "channel");
        }
    }

    /** {@code schedule risk-followup DAYS [#channel]}: how long after a risk is flagged its author is asked about it. */
    record RiskFollowup(int days, ChannelRef channel) implements Command {
        public RiskFollowup {
            Objects.requireNonNull(channel, "channel");
        }

        @Override
        public boolean adminOnly() {
            return true;
        }
    }

    /**
     * {@code settings reports from @bot [#channel]}: read the posts of the team's standup bot (Geekbot, DailyBot, …) as
     * each person's report.
     */
    record ReportsFrom(UserRef bot, ChannelRef channel) implements Command {
        public ReportsFrom {
            Objects.requireNonNull(bot, "bot");
        }

        @Override
        public boolean adminOnly() {
            return true;
        }
    }

    /** {@code settings reports off [#channel]}: stop reading the standup bot's reports. */
    record ReportsOff(ChannelRef channel) implements Command {
        @Override
        public boolean adminOnly() {
            return true;
        }
    }

    /** What a standup command does with the reminder. */
    enum Remind {
        /** Leaves it as it is. */
        KEEP,
        /** Sets its time. */
        AT,
        /** Two hours after the standup. */
        DEFAULT,
        /** No reminder. */
        OFF
    }
}
