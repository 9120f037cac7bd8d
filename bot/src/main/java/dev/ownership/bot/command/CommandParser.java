package dev.ownership.bot.command;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text of {@code /ownership} into a {@link Command}.
 *
 * <p>Channel and user arguments arrive escaped ({@code <#C123|name>}, {@code <@U123|name>}) because the command
 * is declared with {@code should_escape}; plain ids and names are accepted too. Arguments are read as people type
 * them ({@code 3pm}, {@code 9am-6pm}, {@code mon and thu}, {@code pause 2 weeks}, {@code tokyo}; see
 * {@link TimeWords}, {@link DayWords}, {@link DateWords}, {@link ZoneWords}, {@link PeopleList}). Never throws:
 * text that is not a command becomes {@link Command.Invalid} with one short line about the argument it could not
 * read and an example that would work. Stateless and thread-safe.
 */
public final class CommandParser {
    static final int MAX_TEXT_LENGTH = 2_000;
    static final int MAX_SEARCH_LENGTH = 200;

    private static final Pattern ESCAPED_CHANNEL = Pattern.compile("<#([CGD][A-Z0-9]+)(?:\\|([^>]*))?>");
    private static final Pattern PLAIN_CHANNEL_ID = Pattern.compile("[CG][A-Z0-9]{6,}");
    private static final Pattern CHANNEL_NAME = Pattern.compile("#([a-z0-9][a-z0-9._-]{0,79})");
    private static final Pattern ESCAPED_USER = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|([^>]*))?>");
    private static final Pattern PLAIN_USER_ID = Pattern.compile("[UW][A-Z0-9]{6,}");
    private static final Pattern USER_NAME = Pattern.compile("@([\\w.-]{1,80})");
    private static final Set<String> UNTIL = Set.of("until", "till", "til", "'til", "untill");
    private static final Set<String> FILLERS = Set.of("in", "for");
    private static final Pattern RISK_FOLLOWUP_DAYS = Pattern.compile("(\\d+)\\s*(?:d|days?)?");
    private static final int MIN_RISK_FOLLOWUP = 1;
    private static final int MAX_RISK_FOLLOWUP = 90;
    private static final List<String> WORDS = List.of(
            "me",
            "help",
            "learned",
            "risk",
            "risks",
            "team",
            "pause",
            "resume",
            "forget-me",
            "watch",
            "unwatch",
            "leads",
            "schedule",
            "prompt",
            "digest",
            "settings",
            "nudges",
            "prompts",
            "leaderboard",
            "admins",
            "learnings");

    /**
     * Parses {@code text} as typed after {@code /ownership}.
     *
     * @param today today's date in the timezone of the person typing, for relative dates ({@code pause until
     *     friday})
     */
    public Command parse(String text, LocalDate today) {
        Objects.requireNonNull(today, "today");
        return parse(text, () -> today);
    }

    /**
     * Parses {@code text} as typed after {@code /ownership}.
     *
     * @param today today's date in the timezone of the person typing, for relative dates ({@code pause until
     *     friday}); asked for only when the text has a date, so that other commands need not look the person up
     */
    public Command parse(String text, Supplier<LocalDate> today) {
        Objects.requireNonNull(today, "today");
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return new Command.Me();
        }
        String[] headAndRest = trimmed.split("\\s+", 2);
        String head = headAndRest[0].toLowerCase(Locale.ROOT);
        String rest = headAndRest.length > 1 ? headAndRest[1].strip() : "";
        List<String> args = rest.isEmpty() ? List.of() : Arrays.asList(rest.split("\\s+"));
        return switch (head) {
            case "me" -> noArguments(args, new Command.Me(), "me");
            case "help", "?", "-h", "--help" -> new Command.Help();
            case "learned", "learnt", "til" -> learned(rest);
            case "risk" -> risk(rest);
            case "risks" -> channelOnly(args, "risks", Command.Risks::new);
            case "team" -> channelOnly(args, "team", Command.Team::new);
            case "pause" -> pause(args, today);
            case "resume", "unpause" -> noArguments(args, new Command.Resume(), "resume");
            case "forget-me", "forgetme" -> noArguments(args, new Command.ForgetMe(), "forget-me");
            case "forget" ->
                args.size() == 1 && args.get(0).equalsIgnoreCase("me") ? new Command.ForgetMe() : unknown(head);
            case "watch" -> watch(args);
            case "unwatch" -> channelOnly(args, "unwatch", Command.Unwatch::new);
            case "leads" -> leads(args);
            case "schedule" -> schedule(args);
            case "prompt" -> prompt(args);
            case "digest" -> channelOnly(args, "digest", Command.Digest::new);
            case "settings" -> settings(args);
            case "nudges", "nudge" -> onOff(args, "nudges", Command.Nudges::new);
            case "prompts" -> onOff(args, "prompts", Command.Prompts::new);
            case "leaderboard" -> leaderboardChoice(args);
            case "admins", "admin" -> admins(args);
            case "learnings", "library" -> learnings(args);
            default -> unknown(head);
        };
    }

    private static Command learned(String text) {
        if (text.isEmpty()) {
            return new Command.Invalid("Tell me what you learned: `/ownership learned TEXT`.");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            return tooLong("learning");
        }
        return new Command.Learned(text, ChannelRef.current());
    }

    /** {@code learnings [WORDS] [#channel]}: the channel, if any, comes last ({@code in #channel} too). */
    private static Command learnings(List<String> args) {
        List<String> words = new ArrayList<>(args);
        ChannelRef channel = takeTrailingChannel(words);
        if (!channel.isCurrent()) {
            dropTrailingFiller(words);
        }
        String text = String.join(" ", words);
        if (text.length() > MAX_SEARCH_LENGTH) {
            return new Command.Invalid(
                    "That's a lot of words to search for. A few will do, e.g. " + "`/ownership learnings flaky test`.");
        }
        return new Command.Learnings(text, channel);
    }

    private static Command risk(String text) {
        if (text.isEmpty()) {
            return new Command.Invalid(
                    "Describe the risk: `/ownership risk TEXT`. Only your team's leads and admins see it.");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            return tooLong("risk");
        }
        return new Command.Risk(text, ChannelRef.current());
    }

    private static Command tooLong(String what) {
        return new Command.Invalid("That " + what + " is longer than " + MAX_TEXT_LENGTH
                + " characters. Could you shorten it, or link to a doc?");
    }

    private static Command pause(List<String> args, Supplier<LocalDate> today) {
        if (args.isEmpty()) {
            return new Command.Pause(null);
        }
        boolean saysUntil = UNTIL.contains(args.get(0).toLowerCase(Locale.ROOT));
        List<String> dateArgs = saysUntil ? args.subList(1, args.size()) : args;
        if (dateArgs.isEmpty()) {
            return new Command.Invalid(
                    "Until when? Try `pause until friday`, `pause 2 weeks` or " + "`pause until 2027-01-04`.");
        }
        String text = String.join(" ", dateArgs);
        LocalDate now = today.get();
        Optional<Period> length = DateWords.length(text);
        if (length.isPresent()) {
            return new Command.Pause(now.plus(length.get()));
        }
        Parsed<LocalDate> date = DateWords.date(text, now);
        if (!saysUntil && date.ok() && DateWords.isRelative(text, now)) {
            // "pause friday" could as well mean a day off on Friday; pauses start today, so say what would work.
            return new Command.Invalid("Pauses start today: did you mean `pause until " + text.toLowerCase(Locale.ROOT)
                    + "`? You'd be back on "
                    + date.value().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                    + " " + date.value() + ".");
        }
        return date.toCommand(Command.Pause::new);
    }

    private static Command leads(List<String> args) {
        List<String> words = new ArrayList<>(args);
        ChannelRef channel = ChannelRef.current();
        if (!words.isEmpty()) {
            Optional<ChannelRef> last = channelRef(words.get(words.size() - 1));
            Optional<ChannelRef> first = words.size() > 1 ? channelRef(words.get(0)) : Optional.empty();
            if (last.isPresent()) {
                channel = last.get();
                words.remove(words.size() - 1);
                dropTrailingFiller(words);
            } else if (first.isPresent()) {
                channel = first.get();
                words.remove(0);
            }
        }
        if (words.size() == 1 && words.get(0).equalsIgnoreCase("none")) {
            return new Command.Leads(List.of(), channel);
        }
        if (words.isEmpty()) {
            return new Command.Invalid(
                    "Name at least one lead, e.g. `leads @lee, @ada`, or `leads none` to clear them.");
        }
        ChannelRef where = channel;
        return PeopleList.people(words, "`leads @lee, @ada`").toCommand(people -> new Command.Leads(people, where));
    }

    private static Command schedule(List<String> args) {
        if (args.isEmpty()) {
            return new Command.Invalid("Say what to schedule, e.g. `schedule learning fri 15:00` or "
                    + "`schedule hours 9am-6pm`. `/ownership help` lists them all.");
        }
        String what = args.get(0).toLowerCase(Locale.ROOT);
        List<String> rest = args.subList(1, args.size());
        Optional<ChannelRef> trailing = rest.isEmpty() ? Optional.empty() : channelRef(rest.get(rest.size() - 1));
        ChannelRef channel = trailing.orElse(ChannelRef.current());
        List<String> values = new ArrayList<>(trailing.isPresent() ? rest.subList(0, rest.size() - 1) : rest);
        if (trailing.isPresent()) {
            dropTrailingFiller(values);
        }
        return switch (what) {
            case "workdays" -> workdays(values, channel);
            case "hours" -> hours(values, channel);
            case "timezone", "tz" -> timezone(values, channel);
            case "standup" -> standup(values, channel);
            case "standup-reminder" -> standupReminder(values, channel);
            case "risk-followup" -> riskFollowup(values, channel);
            default ->
                PromptKind.fromWord(what)
                        .map(kind -> scheduleKind(kind, values, channel))
                        .orElseGet(() -> new Command.Invalid("I can't schedule " + quoted(args.get(0))
                                + ". Try `learning`, `risk`, `impact`, `digest`, `standup`,"
                                + " `standup-reminder`, `risk-followup`, `workdays`, `hours` or"
                                + " `timezone`, e.g. `schedule learning fri 15:00`."));
        };
    }

    /**
     * {@code schedule KIND DAYS TIME}, also with the time first ({@code 15:00 fri}), {@code at} before the time,
     * or am/pm apart from it ({@code fri at 3 pm}).
     */
    private static Command scheduleKind(PromptKind kind, List<String> values, ChannelRef channel) {
        if (values.size() == 1 && values.get(0).equalsIgnoreCase("off")) {
            return new Command.ScheduleOff(kind, channel);
        }
        String example = "`schedule " + kind.word() + " fri 15:00`";
        return daysAndTime(values, example)
                .toCommand(when -> new Command.Schedule(kind, when.days(), when.time(), channel));
    }

    /** Days and a time, read in either order ("fri 15:00", "15:00 fri", "mon wed 9 am"). */
    private record DaysAndTime(Set<DayOfWeek> days, LocalTime time) {}

    private static Parsed<DaysAndTime> daysAndTime(List<String> values, String example) {
        List<String> words = timeWords(values);
        if (words.isEmpty()) {
            return Parsed.problem("When? Add days and a time, e.g. " + example + ".");
        }
        int count = words.size();
        Optional<LocalTime> last = TimeWords.time(words.get(count - 1));
        Optional<LocalTime> first = count > 1 ? TimeWords.time(words.get(0)) : Optional.empty();
        if (count == 1 && last.isPresent()) {
            return Parsed.problem("Which days? Add them before the time, e.g. " + example + ".");
        }
        if (last.isEmpty() && first.isEmpty()) {
            return Parsed.problem(missingTime(words, example));
        }
        List<String> dayWords = last.isPresent() ? words.subList(0, count - 1) : words.subList(1, count);
        String daysText = String.join(" ", dayWords);
        LocalTime time = last.orElseGet(first::get);
        return DayWords.days(daysText)
                .map(days -> Parsed.of(new DaysAndTime(days, time)))
                .orElseGet(() -> Parsed.problem(DayWords.notDays(daysText)));
    }

    /** The problem with days and a time when neither end is a time: the time is wrong, or missing. */
    private static String missingTime(List<String> words, String example) {
        int count = words.size();
        if (count > 1
                && DayWords.days(String.join(" ", words.subList(0, count - 1))).isPresent()) {
            return TimeWords.notATime(words.get(count - 1));
        }
        if (count > 1
                && DayWords.days(String.join(" ", words.subList(1, count))).isPresent()) {
            return TimeWords.notATime(words.get(0));
        }
        if (DayWords.days(String.join(" ", words)).isPresent()) {
            return "At what time? Add it after the days, e.g. " + example + ".";
        }
        return DayWords.notDays(String.join(" ", words));
    }

    /** The words of a schedule with {@code at} left out and am/pm joined to the time before it. */
    private static List<String> timeWords(List<String> values) {
        List<String> words = new ArrayList<>();
        for (String value : values) {
            String lower = value.toLowerCase(Locale.ROOT);
            if (lower.equals("at")) {
                continue;
            }
            if (!words.isEmpty() && lower.matches("[ap]\\.?m\\.?")) {
                words.set(words.size() - 1, words.get(words.size() - 1) + lower);
            } else {
                words.add(value);
            }
        }
        return words;
    }

    private static Command workdays(List<String> values, ChannelRef channel) {
        if (values.isEmpty()) {
            return new Command.Invalid("Which days? e.g. `schedule workdays mon-fri` or `schedule workdays sun-thu`.");
        }
        String text = String.join(" ", values);
        return DayWords.days(text)
                .<Command>map(days -> new Command.Workdays(days, channel))
                .orElseGet(() -> new Command.Invalid(DayWords.notDays(text)));
    }

    private static Command hours(List<String> values, ChannelRef channel) {
        if (values.isEmpty()) {
            return new Command.Invalid("Which hours? e.g. `schedule hours 9am-6pm` or `schedule hours 09:00-18:00`.");
        }
        return TimeWords.hours(String.join(" ", values))
                .toCommand(range -> new Command.Hours(range.start(), range.end(), channel));
    }

    private static Command timezone(List<String> values, ChannelRef channel) {
        if (values.isEmpty()) {
            return new Command.Invalid(
                    "Which timezone? e.g. `schedule timezone Europe/Berlin`, `schedule timezone tokyo` or `PST`.");
        }
        return ZoneWords.zone(String.join(" ", values)).toCommand(zone -> new Command.Timezone(zone, channel));
    }

    /** {@code schedule risk-followup DAYS}: a whole number of days, 1 to 90, written {@code 7}, {@code 7d} or {@code 7 days}. */
    private static Command riskFollowup(List<String> values, ChannelRef channel) {
        String example = "`schedule risk-followup 7`";
        if (values.isEmpty()) {
            return new Command.Invalid("After how many days should I ask about an open risk? e.g. " + example + ".");
        }
        String text = String.join(" ", values).toLowerCase(Locale.ROOT);
        Matcher days = RISK_FOLLOWUP_DAYS.matcher(text);
        if (!days.matches()) {
            return new Command.Invalid(quoted(String.join(" ", values)) + " isn't a number of days. Try " + example
                    + " (the default) or `schedule risk-followup 14`.");
        }
        int count = days.group(1).length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(days.group(1));
        if (count < MIN_RISK_FOLLOWUP || count > MAX_RISK_FOLLOWUP) {
            return new Command.Invalid("The follow-up period is " + MIN_RISK_FOLLOWUP + " to " + MAX_RISK_FOLLOWUP
                    + " days; " + example + " is the default.");
        }
        return new Command.RiskFollowup(count, channel);
    }

    /** Removes a channel that ends {@code words} and returns it; the current channel when none does. */
    private static ChannelRef takeTrailingChannel(List<String> words) {
        if (words.isEmpty()) {
            return ChannelRef.current();
        }
        Optional<ChannelRef> last = channelRef(words.get(words.size() - 1));
        last.ifPresent(channel -> words.remove(words.size() - 1));
        return last.orElse(ChannelRef.current());
    }

    /** Drops an {@code in} or {@code for} left before a channel ({@code leads @a in #standup}). */
    private static void dropTrailingFiller(List<String> words) {
        if (!words.isEmpty() && FILLERS.contains(words.get(words.size() - 1).toLowerCase(Locale.ROOT))) {
            words.remove(words.size() - 1);
        }
    }

    private static Command prompt(List<String> args) {
        String usage = "Use `/ownership prompt learning|risk|impact [#channel]`.";
        if (args.isEmpty() || args.size() > 2) {
            return new Command.Invalid(usage);
        }
        Optional<PromptKind> kind = PromptKind.fromWord(args.get(0)).filter(PromptKind::isPrompt);
        if (kind.isEmpty()) {
            return new Command.Invalid(quoted(args.get(0)) + " is not a prompt. " + usage);
        }
        if (args.size() == 1) {
            return new Command.SendPrompt(kind.get(), ChannelRef.current());
        }
        return channelRef(args.get(1))
                .<Command>map(channel -> new Command.SendPrompt(kind.get(), channel))
                .orElseGet(() -> new Command.Invalid(quoted(args.get(1)) + " is not a channel. " + usage));
    }

    private static Command settings(List<String> args) {
        if (!args.isEmpty() && args.get(0).equalsIgnoreCase("questions"))
            return questions(args.subList(1, args.size()));
        if (!args.isEmpty() && args.get(0).equalsIgnoreCase("reports")) {
            return reports(args.subList(1, args.size()));
        }
        if (!args.isEmpty() && args.get(0).equalsIgnoreCase("escalation")) {
            return escalation(args.subList(1, args.size()));
        }
        if (!args.isEmpty() && args.get(0).equalsIgnoreCase("long-blockers")) {
            return longBlockerDays(args.subList(1, args.size()));
        }
        if (!args.isEmpty() && args.get(0).equalsIgnoreCase("leaderboard")) {
            String usage = "Use `/ownership settings leaderboard on|off [#channel]`.";
            if (args.size() < 2 || args.size() > 3) {
                return new Command.Invalid(usage);
            }
            String value = args.get(1).toLowerCase(Locale.ROOT);
            if (!value.equals("on") && !value.equals("off")) {
                return new Command.Invalid(usage);
            }
            if (args.size() == 2) {
                return new Command.Leaderboard(value.equals("on"), ChannelRef.current());
            }
            return channelRef(args.get(2))
                    .<Command>map(channel -> new Command.Leaderboard(value.equals("on"), channel))
                    .orElseGet(() -> new Command.Invalid(quoted(args.get(2)) + " is not a channel. " + usage));
        }
        return channelOnly(args, "settings", Command.Settings::new);
    }

    /** {@code settings reports from @bot [#channel]} or {@code settings reports off [#channel]}. */
    private static Command reports(List<String> args) {
        String usage = "Use `/ownership settings reports from @geekbot [#channel]` (the bot that posts your team's "
                + "standup reports), or `settings reports off`.";
        List<String> words = new ArrayList<>(args);
        ChannelRef channel = ChannelRef.current();
        if (words.size() > 1) {
            Optional<ChannelRef> last = channelRef(words.get(words.size() - 1));
            if (last.isPresent()) {
                channel = last.get();
                words.remove(words.size() - 1);
            }
        }
        if (words.size() == 1 && words.get(0).equalsIgnoreCase("off")) {
            return new Command.ReportsOff(channel);
        }
        if (words.size() != 2 || !words.get(0).equalsIgnoreCase("from")) {
            return new Command.Invalid(usage);
        }
        ChannelRef target = channel;
        return userRef(words.get(1))
                .<Command>map(bot -> new Command.ReportsFrom(bot, target))
                .orElseGet(() -> new Command.Invalid(quoted(words.get(1)) + " is not a bot I can look up. " + usage));
    }

    private static Command escalation(List<String> args) {
        String usage = "Use `/ownership settings escalation on|off [#channel]`.";
        if (args.isEmpty() || args.size() > 2) {
            return new Command.Invalid(usage);
        }
        String value = args.get(0).toLowerCase(Locale.ROOT);
        if (!value.equals("on") && !value.equals("off")) {
            return new Command.Invalid(usage);
        }
        return withChannel(args, usage, channel -> new Command.Escalation(value.equals("on"), channel));
    }

    private static Command longBlockerDays(List<String> args) {
        String usage = "Use `/ownership settings long-blockers DAYS [#channel]`, DAYS a number of workdays from 2 to "
                + "10 (default 3).";
        if (args.isEmpty() || args.size() > 2 || !args.get(0).matches("\\d{1,2}")) {
            return new Command.Invalid(usage);
        }
        int days = Integer.parseInt(args.get(0));
        if (days < 2 || days > 10) {
            return new Command.Invalid(usage);
        }
        return withChannel(args, usage, channel -> new Command.LongBlockerDays(days, channel));
    }

    /** The command {@code make} builds for the optional channel in {@code args}' second place. */
    private static Command withChannel(
            List<String> args, String usage, java.util.function.Function<ChannelRef, Command> make) {
        if (args.size() == 1) {
            return make.apply(ChannelRef.current());
        }
        return channelRef(args.get(1))
                .map(make)
                .orElseGet(() -> new Command.Invalid(quoted(args.get(1)) + " is not a channel. " + usage));
    }

    private static Command watch(List<String> args) {
        List<String> rest = new ArrayList<>(args);
        boolean quiet = rest.removeIf(arg -> arg.equalsIgnoreCase("quiet"));
        return channelOnly(rest, "watch", channel -> new Command.Watch(channel, quiet));
    }

    private static Command onOff(List<String> args, String word, java.util.function.Function<Boolean, Command> make) {
        if (args.size() == 1) {
            String value = args.get(0).toLowerCase(Locale.ROOT);
            if (value.equals("on") || value.equals("off")) {
                return make.apply(value.equals("on"));
            }
        }
        return new Command.Invalid("Use `/ownership " + word + " off` or `/ownership " + word + " on`.");
    }

    private static Command leaderboardChoice(List<String> args) {
        if (args.size() == 1) {
            String value = args.get(0).toLowerCase(Locale.ROOT);
            if (value.equals("join") || value.equals("in")) {
                return new Command.LeaderboardChoice(true);
            }
            if (value.equals("leave") || value.equals("out")) {
                return new Command.LeaderboardChoice(false);
            }
        }
        return new Command.Invalid("Use `/ownership leaderboard join` to be listed where your team turned its "
                + "leaderboard on, or `/ownership leaderboard leave`.");
    }

    private static Command admins(List<String> args) {
        if (args.isEmpty() || (args.size() == 1 && args.get(0).equalsIgnoreCase("list"))) {
            return new Command.AdminsList();
        }
        String action = args.get(0).toLowerCase(Locale.ROOT);
        if (!action.equals("add") && !action.equals("remove")) {
            return new Command.Invalid("Use `/ownership admins`, `/ownership admins add @person` or "
                    + "`/ownership admins remove @person`.");
        }
        if (args.size() == 1) {
            return new Command.Invalid("Say who: `/ownership admins " + action + " @ada`.");
        }
        Parsed<List<UserRef>> people =
                PeopleList.people(args.subList(1, args.size()), "`/ownership admins " + action + " @ada`");
        if (!people.ok()) {
            return new Command.Invalid(people.problem());
        }
        if (people.value().isEmpty()) {
            return new Command.Invalid("Say who: `/ownership admins " + action + " @ada`.");
        }
        return new Command.AdminsChange(action.equals("add"), people.value());
    }

    private static Command standup(List<String> values, ChannelRef channel) {
        if (values.size() == 1 && values.get(0).equalsIgnoreCase("off")) {
            return new Command.StandupOff(channel);
        }
        int remind = -1;
        for (int i = 0; i < values.size() && remind < 0; i++) {
            if (values.get(i).equalsIgnoreCase("remind")) {
                remind = i;
            }
        }
        List<String> when = remind < 0 ? values : values.subList(0, remind);
        Parsed<DaysAndTime> read = daysAndTime(when, "`schedule standup mon-fri 09:30`");
        if (!read.ok()) {
            return new Command.Invalid(read.problem());
        }
        DaysAndTime at = read.value();
        if (remind < 0) {
            return new Command.ScheduleStandup(at.days(), at.time(), Command.Remind.KEEP, null, channel);
        }
        List<String> reminderWords = timeWords(values.subList(remind + 1, values.size()));
        if (reminderWords.size() != 1) {
            return new Command.Invalid("Give `remind` one time, e.g. `schedule standup mon-fri 09:30 remind 11:00`, "
                    + "or `remind off`.");
        }
        Command reminder = standupReminder(reminderWords, channel);
        if (reminder instanceof Command.StandupReminder answer) {
            return new Command.ScheduleStandup(at.days(), at.time(), answer.remind(), answer.at(), channel);
        }
        return reminder;
    }

    private static Command standupReminder(List<String> values, ChannelRef channel) {
        if (values.size() != 1) {
            return new Command.Invalid("Use `/ownership schedule standup-reminder HH:MM`, e.g. `11:00`, or "
                    + "`standup-reminder off` (`default`: two hours after the standup).");
        }
        String value = values.get(0).toLowerCase(Locale.ROOT);
        if (value.equals("off")) {
            return new Command.StandupReminder(Command.Remind.OFF, null, channel);
        }
        if (value.equals("default")) {
            return new Command.StandupReminder(Command.Remind.DEFAULT, null, channel);
        }
        return TimeWords.time(value)
                .<Command>map(at -> new Command.StandupReminder(Command.Remind.AT, at, channel))
                .orElseGet(() -> new Command.Invalid(TimeWords.notATime(values.get(0)) + " Or `off`."));
    }

    private static Command questions(List<String> args) {
        String usage = "Use `/ownership settings questions Q1 | Q2 | Q3 [#channel]` (1 to 5 questions), or "
                + "`settings questions default`.";
        List<String> words = new ArrayList<>(args);
        ChannelRef channel = takeTrailingChannel(words);
        String text = String.join(" ", words).strip();
        if (text.isEmpty()) {
            return new Command.Invalid(usage);
        }
        if (text.equalsIgnoreCase("default")) {
            return new Command.StandupQuestions(List.of(), channel);
        }
        List<String> questions =
                Arrays.stream(text.split("\\|", -1)).map(String::strip).toList();
        Optional<String> problem = dev.ownership.bot.prompt.StandupPlan.problemWith(questions);
        if (problem.isPresent()) {
            return new Command.Invalid(problem.get() + " " + usage);
        }
        return new Command.StandupQuestions(questions, channel);
    }

    private static Command channelOnly(
            List<String> args, String word, java.util.function.Function<ChannelRef, Command> make) {
        if (args.isEmpty()) {
            return make.apply(ChannelRef.current());
        }
        if (args.size() > 1) {
            return new Command.Invalid(
                    "`" + word + "` takes at most one channel: `/ownership " + word + " [#channel]`.");
        }
        return channelRef(args.get(0))
                .map(make)
                .orElseGet(() -> new Command.Invalid(
                        quoted(args.get(0)) + " is not a channel. Use `/ownership " + word + " [#channel]`."));
    }

    private static Command noArguments(List<String> args, Command command, String word) {
        return args.isEmpty()
                ? command
                : new Command.Invalid("`" + word + "` takes no arguments: `/ownership " + word + "`.");
    }

    private static Command unknown(String word) {
        String suggestion = closestWord(word)
                .map(candidate -> " Did you mean `/ownership " + candidate + "`?")
                .orElse("");
        return new Command.Invalid(
                "I don't know " + quoted(word) + "." + suggestion + " `/ownership help` lists what I can do.");
    }

    /** A word someone typed, as an explanation repeats it: as Slack shows it, cut short (see {@link Echo}). */
    private static String quoted(String typed) {
        return Echo.quoted(typed);
    }

    static Optional<ChannelRef> channelRef(String token) {
        Matcher escaped = ESCAPED_CHANNEL.matcher(token);
        if (escaped.matches()) {
            return Optional.of(ChannelRef.ofId(escaped.group(1), emptyToNull(escaped.group(2))));
        }
        if (PLAIN_CHANNEL_ID.matcher(token).matches()) {
            return Optional.of(ChannelRef.ofId(token, null));
        }
        Matcher name = CHANNEL_NAME.matcher(token.toLowerCase(Locale.ROOT));
        if (name.matches()) {
            return Optional.of(ChannelRef.ofName(name.group(1)));
        }
        return Optional.empty();
    }

    static Optional<UserRef> userRef(String token) {
        Matcher escaped = ESCAPED_USER.matcher(token);
        if (escaped.matches()) {
            return Optional.of(UserRef.ofId(escaped.group(1)));
        }
        if (PLAIN_USER_ID.matcher(token).matches()) {
            return Optional.of(UserRef.ofId(token));
        }
        Matcher name = USER_NAME.matcher(token);
        if (name.matches()) {
            return Optional.of(UserRef.ofName(name.group(1)));
        }
        return Optional.empty();
    }

    private static Optional<String> closestWord(String word) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : WORDS) {
            int distance = distance(word, candidate);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return bestDistance <= 2 ? Optional.of(best) : Optional.empty();
    }

    private static int distance(String a, String b) {
        if (a.length() > 40) {
            return Integer.MAX_VALUE;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
