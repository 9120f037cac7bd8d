package dev.ownership.bot.command;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text of {@code /ownership} into a {@link Command}.
 *
 * <p>Channel and user arguments arrive escaped ({@code <#C123|name>}, {@code <@U123|name>}) because the command
 * is declared with {@code should_escape}; plain ids and names are accepted too. Never throws: text that is not a
 * command becomes {@link Command.Invalid} with a short explanation of what would work. Stateless and thread-safe.
 */
public final class CommandParser {
    static final int MAX_TEXT_LENGTH = 2_000;

    private static final Pattern ESCAPED_CHANNEL = Pattern.compile("<#([CGD][A-Z0-9]+)(?:\\|([^>]*))?>");
    private static final Pattern PLAIN_CHANNEL_ID = Pattern.compile("[CG][A-Z0-9]{6,}");
    private static final Pattern CHANNEL_NAME = Pattern.compile("#([a-z0-9][a-z0-9._-]{0,79})");
    private static final Pattern ESCAPED_USER = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|([^>]*))?>");
    private static final Pattern PLAIN_USER_ID = Pattern.compile("[UW][A-Z0-9]{6,}");
    private static final Pattern USER_NAME = Pattern.compile("@([\\w.-]{1,80})");
    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");
    private static final Pattern HOURS = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)-([01]?\\d|2[0-4]):([0-5]\\d)");
    private static final List<String> WORDS = List.of(
            "me",
            "help",
            "learned",
            "risk",
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
            "settings");

    /** Parses {@code text} as typed after {@code /ownership}. */
    public Command parse(String text) {
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
            case "team" -> channelOnly(args, "team", Command.Team::new);
            case "pause" -> pause(args);
            case "resume", "unpause" -> noArguments(args, new Command.Resume(), "resume");
            case "forget-me", "forgetme" -> noArguments(args, new Command.ForgetMe(), "forget-me");
            case "forget" ->
                args.size() == 1 && args.get(0).equalsIgnoreCase("me") ? new Command.ForgetMe() : unknown(head);
            case "watch" -> channelOnly(args, "watch", Command.Watch::new);
            case "unwatch" -> channelOnly(args, "unwatch", Command.Unwatch::new);
            case "leads" -> leads(args);
            case "schedule" -> schedule(args);
            case "prompt" -> prompt(args);
            case "digest" -> channelOnly(args, "digest", Command.Digest::new);
            case "settings" -> settings(args);
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

    private static Command risk(String text) {
        if (text.isEmpty()) {
            return new Command.Invalid(
                    "Describe the risk: `/ownership risk TEXT`. Your team's leads see it privately.");
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

    private static Command pause(List<String> args) {
        if (args.isEmpty()) {
            return new Command.Pause(null);
        }
        List<String> dateArgs = args.get(0).equalsIgnoreCase("until") ? args.subList(1, args.size()) : args;
        if (dateArgs.size() != 1) {
            return new Command.Invalid("Use `/ownership pause` or `/ownership pause until YYYY-MM-DD`.");
        }
        try {
            return new Command.Pause(LocalDate.parse(dateArgs.get(0)));
        } catch (DateTimeParseException e) {
            return new Command.Invalid(
                    "`" + shown(dateArgs.get(0))
                            + "` is not a date I can read. Use `/ownership pause until YYYY-MM-DD`, e.g. `pause until 2027-01-04`.");
        }
    }

    private static Command leads(List<String> args) {
        String usage = "Use `/ownership leads @a @b [#channel]`, or `/ownership leads none` to clear them.";
        List<String> userArgs = new ArrayList<>(args);
        ChannelRef channel = ChannelRef.current();
        if (!userArgs.isEmpty()) {
            Optional<ChannelRef> last = channelRef(userArgs.get(userArgs.size() - 1));
            if (last.isPresent()) {
                channel = last.get();
                userArgs.remove(userArgs.size() - 1);
            }
        }
        if (userArgs.size() == 1 && userArgs.get(0).equalsIgnoreCase("none")) {
            return new Command.Leads(List.of(), channel);
        }
        if (userArgs.isEmpty()) {
            return new Command.Invalid("Name at least one lead. " + usage);
        }
        List<UserRef> users = new ArrayList<>();
        for (String arg : userArgs) {
            Optional<UserRef> user = userRef(arg);
            if (user.isEmpty()) {
                return new Command.Invalid("`" + shown(arg) + "` is not a person I can recognise. " + usage);
            }
            if (!users.contains(user.get())) {
                users.add(user.get());
            }
        }
        return new Command.Leads(users, channel);
    }

    private static Command schedule(List<String> args) {
        String usage = "Use `/ownership schedule learning|risk|impact|digest DAYS HH:MM [#channel]` (e.g. "
                + "`schedule learning fri 15:00`), `schedule KIND off`, `schedule workdays mon-fri`, "
                + "`schedule hours 09:00-18:00` or `schedule timezone Europe/Berlin`.";
        if (args.isEmpty()) {
            return new Command.Invalid(usage);
        }
        String what = args.get(0).toLowerCase(Locale.ROOT);
        List<String> rest = args.subList(1, args.size());
        Optional<ChannelRef> trailing = rest.isEmpty() ? Optional.empty() : channelRef(rest.get(rest.size() - 1));
        ChannelRef channel = trailing.orElse(ChannelRef.current());
        List<String> values = trailing.isPresent() ? rest.subList(0, rest.size() - 1) : rest;
        return switch (what) {
            case "workdays" -> workdays(values, channel, usage);
            case "hours" -> hours(values, channel);
            case "timezone", "tz" -> timezone(values, channel);
            case "standup" -> standup(values, channel);
            case "standup-reminder" -> standupReminder(values, channel);
            default ->
                PromptKind.fromWord(what)
                        .map(kind -> scheduleKind(kind, values, channel, usage))
                        .orElseGet(
                                () -> new Command.Invalid("I can't schedule `" + shown(args.get(0)) + "`. " + usage));
        };
    }

    private static Command scheduleKind(PromptKind kind, List<String> values, ChannelRef channel, String usage) {
        if (values.size() == 1 && values.get(0).equalsIgnoreCase("off")) {
            return new Command.ScheduleOff(kind, channel);
        }
        if (values.size() != 2) {
            return new Command.Invalid(usage);
        }
        Optional<Set<DayOfWeek>> days = DaySpec.parse(values.get(0));
        if (days.isEmpty()) {
            return new Command.Invalid("`" + shown(values.get(0))
                    + "` are not days I can read: use `mon`, `mon-fri` or " + "`mon,wed,fri`.");
        }
        Optional<LocalTime> time = time(values.get(1));
        if (time.isEmpty()) {
            return new Command.Invalid(
                    "`" + shown(values.get(1)) + "` is not a time: use 24-hour `HH:MM`, e.g. `15:00`.");
        }
        return new Command.Schedule(kind, days.get(), time.get(), channel);
    }

    private static Command workdays(List<String> values, ChannelRef channel, String usage) {
        if (values.size() != 1) {
            return new Command.Invalid("Use `/ownership schedule workdays DAYS`, e.g. `mon-fri` or `sun-thu`.");
        }
        return DaySpec.parse(values.get(0))
                .<Command>map(days -> new Command.Workdays(days, channel))
                .orElseGet(() -> new Command.Invalid("`" + shown(values.get(0))
                        + "` are not days I can read: use `mon-fri`, `sun-thu` or `mon,tue,thu`."));
    }

    private static Command hours(List<String> values, ChannelRef channel) {
        String usage = "Use `/ownership schedule hours HH:MM-HH:MM`, e.g. `09:00-18:00`.";
        if (values.size() != 1) {
            return new Command.Invalid(usage);
        }
        Matcher matcher = HOURS.matcher(values.get(0));
        if (!matcher.matches()) {
            return new Command.Invalid("`" + shown(values.get(0)) + "` is not a range of hours. " + usage);
        }
        LocalTime start = LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        int endHour = Integer.parseInt(matcher.group(3));
        int endMinute = Integer.parseInt(matcher.group(4));
        if (endHour == 24 && endMinute != 0) {
            return new Command.Invalid(usage);
        }
        LocalTime end = endHour == 24 ? LocalTime.MAX.withNano(0).withSecond(0) : LocalTime.of(endHour, endMinute);
        if (!end.isAfter(start)) {
            return new Command.Invalid(
                    "Working hours must end after they start (both in each person's own " + "timezone). " + usage);
        }
        return new Command.Hours(start, end, channel);
    }

    private static Command timezone(List<String> values, ChannelRef channel) {
        String usage = "Use `/ownership schedule timezone AREA/CITY`, e.g. `Europe/Berlin` or `America/New_York`.";
        if (values.size() != 1) {
            return new Command.Invalid(usage);
        }
        String value = values.get(0);
        if (!value.contains("/") && !value.equalsIgnoreCase("UTC")) {
            return new Command.Invalid("`" + shown(value) + "` is not an AREA/CITY timezone. " + usage);
        }
        try {
            return new Command.Timezone(ZoneId.of(value.equalsIgnoreCase("UTC") ? "UTC" : value), channel);
        } catch (DateTimeException e) {
            return new Command.Invalid("I don't know the timezone `" + shown(value) + "`. " + usage);
        }
    }

    private static Command prompt(List<String> args) {
        String usage = "Use `/ownership prompt learning|risk|impact [#channel]`.";
        if (args.isEmpty() || args.size() > 2) {
            return new Command.Invalid(usage);
        }
        Optional<PromptKind> kind = PromptKind.fromWord(args.get(0)).filter(PromptKind::isPrompt);
        if (kind.isEmpty()) {
            return new Command.Invalid("`" + shown(args.get(0)) + "` is not a prompt. " + usage);
        }
        if (args.size() == 1) {
            return new Command.SendPrompt(kind.get(), ChannelRef.current());
        }
        return channelRef(args.get(1))
                .<Command>map(channel -> new Command.SendPrompt(kind.get(), channel))
                .orElseGet(() -> new Command.Invalid("`" + shown(args.get(1)) + "` is not a channel. " + usage));
    }

    private static Command settings(List<String> args) {
        if (!args.isEmpty() && args.get(0).equalsIgnoreCase("questions"))
            return questions(args.subList(1, args.size()));
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
                    .orElseGet(() -> new Command.Invalid("`" + shown(args.get(2)) + "` is not a channel. " + usage));
        }
        return channelOnly(args, "settings", Command.Settings::new);
    }

    private static Command standup(List<String> values, ChannelRef channel) {
        String usage = "Use `/ownership schedule standup DAYS HH:MM [remind HH:MM|remind off]`, e.g. "
                + "`schedule standup mon-fri 09:30 remind 11:00`, or `schedule standup off`.";
        if (values.size() == 1 && values.get(0).equalsIgnoreCase("off")) {
            return new Command.StandupOff(channel);
        }
        if (values.size() != 2 && values.size() != 4) {
            return new Command.Invalid(usage);
        }
        Optional<Set<DayOfWeek>> days = DaySpec.parse(values.get(0));
        if (days.isEmpty()) {
            return new Command.Invalid(
                    "`" + shown(values.get(0)) + "` are not days I can read: use `mon-fri` or `mon,wed,fri`. " + usage);
        }
        Optional<LocalTime> time = time(values.get(1));
        if (time.isEmpty()) {
            return new Command.Invalid(
                    "`" + shown(values.get(1)) + "` is not a time: use 24-hour `HH:MM`, e.g. `09:30`.");
        }
        if (values.size() == 2) {
            return new Command.ScheduleStandup(days.get(), time.get(), Command.Remind.KEEP, null, channel);
        }
        if (!values.get(2).equalsIgnoreCase("remind")) {
            return new Command.Invalid("`" + shown(values.get(2)) + "` is not something I can add. " + usage);
        }
        Command reminder = standupReminder(values.subList(3, 4), channel);
        if (reminder instanceof Command.StandupReminder remind) {
            return new Command.ScheduleStandup(days.get(), time.get(), remind.remind(), remind.at(), channel);
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
        return time(value)
                .<Command>map(at -> new Command.StandupReminder(Command.Remind.AT, at, channel))
                .orElseGet(() -> new Command.Invalid("`" + shown(values.get(0))
                        + "` is not a reminder time: use 24-hour `HH:MM`, e.g. `11:00`, or `off`."));
    }

    private static Command questions(List<String> args) {
        String usage = "Use `/ownership settings questions Q1 | Q2 | Q3 [#channel]` (1 to 5 questions), or "
                + "`settings questions default`.";
        List<String> words = new ArrayList<>(args);
        ChannelRef channel = ChannelRef.current();
        if (!words.isEmpty()) {
            Optional<ChannelRef> last = channelRef(words.get(words.size() - 1));
            if (last.isPresent()) {
                channel = last.get();
                words.remove(words.size() - 1);
            }
        }
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
                        "`" + shown(args.get(0)) + "` is not a channel. Use `/ownership " + word + " [#channel]`."));
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
                "I don't know `" + shown(word) + "`." + suggestion + " `/ownership help` lists what I can do.");
    }

    /** A word someone typed, as an explanation repeats it: cut short, so that the explanation stays short. */
    private static String shown(String typed) {
        return typed.length() > 40 ? typed.substring(0, 40) + "…" : typed;
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

    private static Optional<LocalTime> time(String value) {
        Matcher matcher = TIME.matcher(value);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
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

    /** Parses day specifications: {@code mon}, {@code mon-fri}, {@code sun-thu}, {@code mon,wed,fri}. */
    static final class DaySpec {
        private DaySpec() {}

        static Optional<Set<DayOfWeek>> parse(String spec) {
            EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String part : spec.toLowerCase(Locale.ROOT).split(",")) {
                if (!addPart(part.strip(), days)) {
                    return Optional.empty();
                }
            }
            return days.isEmpty() ? Optional.empty() : Optional.of(days);
        }

        private static boolean addPart(String part, EnumSet<DayOfWeek> days) {
            if (part.equals("daily") || part.equals("every-day") || part.equals("everyday")) {
                days.addAll(EnumSet.allOf(DayOfWeek.class));
                return true;
            }
            if (part.equals("weekdays")) {
                days.addAll(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
                return true;
            }
            String[] range = part.split("-");
            if (range.length == 1) {
                return day(range[0]).map(days::add).isPresent();
            }
            if (range.length != 2) {
                return false;
            }
            Optional<DayOfWeek> from = day(range[0]);
            Optional<DayOfWeek> to = day(range[1]);
            if (from.isEmpty() || to.isEmpty()) {
                return false;
            }
            DayOfWeek day = from.get();
            days.add(day);
            while (day != to.get()) {
                day = day.plus(1);
                days.add(day);
            }
            return true;
        }

        private static Optional<DayOfWeek> day(String word) {
            if (word.length() < 2) {
                return Optional.empty();
            }
            List<DayOfWeek> matches = Arrays.stream(DayOfWeek.values())
                    .filter(day -> day.name().toLowerCase(Locale.ROOT).startsWith(word))
                    .toList();
            return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
        }
    }
}
