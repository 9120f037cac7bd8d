package dev.ownership.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Properties of the {@code /ownership} parser: on random and adversarial text it answers with a command or a short
 * explanation of what would work, always the same one for the same text; and every command of the grammar, written
 * as someone could type it, parses to what it means, whatever the spacing and the case of its keywords.
 */
class CommandParserPropertiesTest {
    /** The first words the parser knows (commands and their aliases); any other is answered with the help hint. */
    private static final Set<String> HEADS = Set.of(
            "me",
            "help",
            "?",
            "-h",
            "--help",
            "learned",
            "learnt",
            "til",
            "risk",
            "team",
            "pause",
            "resume",
            "unpause",
            "forget-me",
            "forgetme",
            "forget",
            "watch",
            "unwatch",
            "leads",
            "schedule",
            "prompt",
            "digest",
            "settings");

    /** The day the commands are typed, where the person is. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private final CommandParser parser = new CommandParser();

    @Property(tries = 1_000)
    @Label("never throws on random text and always answers with a command or a short explanation")
    void shouldNeverThrow(@ForAll @StringLength(max = 3_000) String text) {
        Command command = parser.parse(text, TODAY);

        assertThat(command).isNotNull();
        assertExplains(command);
    }

    @Property(tries = 1_000)
    @Label("never throws on command-shaped text with hostile arguments, and explains what it cannot read")
    void shouldSurviveHostileArguments(@ForAll("commandShaped") String text) {
        Command command = parser.parse(text, TODAY);

        assertThat(command).isNotNull();
        assertExplains(command);
    }

    @Property(tries = 500)
    @Label("answers a first word it does not know by pointing to /ownership help")
    void shouldPointUnknownWordsToHelp(@ForAll("unknownHead") String head, @ForAll("arguments") List<String> args) {
        Command command = parser.parse(head + " " + String.join(" ", args), TODAY);

        assertThat(command).isInstanceOf(Command.Invalid.class);
        assertThat(((Command.Invalid) command).message()).contains("`/ownership help`");
    }

    @Property(tries = 500)
    @Label("gives the same answer to the same text, from the same or another parser")
    void shouldBeDeterministic(@ForAll("anyText") String text) {
        Command first = parser.parse(text, TODAY);

        assertThat(parser.parse(text, TODAY)).isEqualTo(first);
        assertThat(new CommandParser().parse(text, TODAY)).isEqualTo(first);
    }

    @Property(tries = 1_000)
    @Label("parses every command of the grammar, written plainly, to what it means")
    void shouldParseWhatItMeans(@ForAll("typed") Typed typed) {
        assertThat(parser.parse(typed.plainly(), TODAY)).as(typed.plainly()).isEqualTo(typed.expected());
    }

    @Property(tries = 1_000)
    @Label("parses a command the same whatever the spacing and the case of its keywords")
    void shouldIgnoreSpacingAndCase(
            @ForAll("typed") Typed typed,
            @ForAll("separators") List<String> separators,
            @ForAll("edges") String before,
            @ForAll("edges") String after,
            @ForAll List<Boolean> upper) {
        String varied = before + typed.varied(separators, upper) + after;

        assertThat(parser.parse(varied, TODAY)).as(varied).isEqualTo(typed.expected());
    }

    @Property(tries = 300)
    @Label("refuses to pause until a date that is today or has passed, and says which")
    void shouldRefusePastDates(@ForAll @IntRange(min = 0, max = 36_000) int daysAgo, @ForAll boolean saysUntil) {
        LocalDate date = TODAY.minusDays(daysAgo);

        Command command = parser.parse("pause " + (saysUntil ? "until " : "") + date, TODAY);

        assertThat(command).isInstanceOf(Command.Invalid.class);
        assertThat(((Command.Invalid) command).message())
                .contains(date.toString())
                .containsPattern(daysAgo == 0 ? "is today" : "has passed");
        assertExplains(command);
    }

    /** An explanation is short, on one line, and shows what would work (or says what was too long). */
    private static void assertExplains(Command command) {
        if (command instanceof Command.Invalid invalid) {
            assertThat(invalid.message())
                    .isNotBlank()
                    .hasSizeLessThan(1_000)
                    .doesNotContain("\n")
                    .containsPattern("`[^`]+`|longer than " + CommandParser.MAX_TEXT_LENGTH + " characters");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Hostile text

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200), commandShaped(), typed().map(Typed::plainly));
    }

    @Provide
    Arbitrary<String> unknownHead() {
        return Arbitraries.strings()
                .withCharRange('!', '~')
                .ofMinLength(1)
                .ofMaxLength(60)
                .filter(head -> !HEADS.contains(head.toLowerCase(Locale.ROOT)));
    }

    @Provide
    Arbitrary<List<String>> arguments() {
        return hostileArgument().list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> commandShaped() {
        Arbitrary<String> head = Arbitraries.of(
                "watch",
                "unwatch",
                "leads",
                "schedule",
                "schedule learning",
                "schedule hours",
                "schedule workdays",
                "schedule timezone",
                "pause",
                "pause until",
                "prompt",
                "digest",
                "settings",
                "settings leaderboard",
                "team",
                "learned",
                "risk",
                "me",
                "forget-me");
        return Arbitraries.strings()
                .withChars(' ', '\t')
                .ofMinLength(1)
                .ofMaxLength(3)
                .flatMap(space -> head.flatMap(h -> arguments().map(args -> h + space + String.join(space, args))));
    }

    private static Arbitrary<String> hostileArgument() {
        return Arbitraries.of(
                "<#C1|x>",
                "<#>",
                "<#C",
                "<@U1>",
                "<@",
                "@",
                "#",
                "mon-",
                "-fri",
                "sun-sun",
                "25:99",
                "09:00-",
                "-09:00",
                "9999-99-99",
                "2026-02-29",
                "Europe/",
                "/Berlin",
                "../../etc",
                "on",
                "off",
                "none",
                "\u0000",
                "x".repeat(100),
                // One word as long as Slack lets a command's text be: an explanation must not repeat all of it.
                "y".repeat(3_000),
                "|",
                ">",
                ",,,",
                "mon,,fri");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The grammar, written as someone could type it

    /** One word of a command; {@code anyCase} when the parser reads it whatever its case. */
    record Word(String text, boolean anyCase) {
        static Word keyword(String text) {
            return new Word(text, true);
        }

        static Word exact(String text) {
            return new Word(text, false);
        }
    }

    /** A command as typed after {@code /ownership}, word by word, and the command it means. */
    record Typed(List<Word> words, Command expected) {
        Typed {
            words = List.copyOf(words);
        }

        /** The words with one space between them. */
        String plainly() {
            return words.stream().map(Word::text).collect(Collectors.joining(" "));
        }

        /** The words with other whitespace between them, and keywords in upper case where {@code upper} says. */
        String varied(List<String> separators, List<Boolean> upper) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < words.size(); i++) {
                if (i > 0) {
                    text.append(separators.isEmpty() ? " " : separators.get(i % separators.size()));
                }
                Word word = words.get(i);
                boolean shout = word.anyCase() && !upper.isEmpty() && upper.get(i % upper.size());
                text.append(shout ? word.text().toUpperCase(Locale.ROOT) : word.text());
            }
            return text.toString();
        }

        Typed then(List<Word> more, Command meaning) {
            List<Word> all = new ArrayList<>(words);
            all.addAll(more);
            return new Typed(all, meaning);
        }
    }

    /** A channel argument as typed, or none (the channel the command is typed in). */
    record Channel(List<Word> words, ChannelRef ref) {}

    /** Days as typed in {@code schedule}, and the days they mean. */
    record Days(String text, Set<DayOfWeek> days) {}

    @Provide
    Arbitrary<List<String>> separators() {
        return Arbitraries.of(" ", "  ", "\t", " \t ", "\n").list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> edges() {
        return Arbitraries.of("", " ", "\t", "\n", "  \n ");
    }

    @Provide
    Arbitrary<Typed> typed() {
        return Arbitraries.oneOf(List.of(
                simple(),
                sharing(),
                channelOnly(),
                pause(),
                leads(),
                prompt(),
                leaderboard(),
                schedule(),
                scheduleOff(),
                workdays(),
                hours(),
                timezone()));
    }

    private static Arbitrary<Typed> simple() {
        return Arbitraries.of(
                new Typed(List.of(), new Command.Me()),
                keywords(new Command.Me(), "me"),
                keywords(new Command.Help(), "help"),
                keywords(new Command.Help(), "?"),
                keywords(new Command.Help(), "-h"),
                keywords(new Command.Help(), "--help"),
                keywords(new Command.Resume(), "resume"),
                keywords(new Command.Resume(), "unpause"),
                keywords(new Command.ForgetMe(), "forget-me"),
                keywords(new Command.ForgetMe(), "forgetme"),
                keywords(new Command.ForgetMe(), "forget", "me"));
    }

    private static Typed keywords(Command meaning, String... keywords) {
        return new Typed(List.of(keywords).stream().map(Word::keyword).toList(), meaning);
    }

    /** {@code learned TEXT} and {@code risk TEXT}: the text is kept as typed, inner spacing and case included. */
    private static Arbitrary<Typed> sharing() {
        Arbitrary<String> text = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('A', 'Z')
                .withChars('\'', ',', '.', '(', ')', '#', '@', '<', '>', '|')
                .ofMinLength(1)
                .ofMaxLength(12)
                .list()
                .ofMinSize(1)
                .ofMaxSize(12)
                .map(words -> String.join(" ", words));
        return Combinators.combine(Arbitraries.of("learned", "learnt", "til", "risk"), text)
                .as((head, said) -> new Typed(
                        List.of(Word.keyword(head), Word.exact(said)),
                        head.equals("risk")
                                ? new Command.Risk(said, ChannelRef.current())
                                : new Command.Learned(said, ChannelRef.current())));
    }

    private static Arbitrary<Typed> channelOnly() {
        return Combinators.combine(Arbitraries.of("team", "watch", "unwatch", "digest", "settings"), channel())
                .as((head, channel) -> keywords(null, head)
                        .then(
                                channel.words(),
                                switch (head) {
                                    case "team" -> new Command.Team(channel.ref());
                                    case "watch" -> new Command.Watch(channel.ref(), false);
                                    case "unwatch" -> new Command.Unwatch(channel.ref());
                                    case "digest" -> new Command.Digest(channel.ref());
                                    default -> new Command.Settings(channel.ref());
                                }));
    }

    private static Arbitrary<Typed> pause() {
        Arbitrary<LocalDate> dates = Arbitraries.integers().between(1, 36_000).map(TODAY::plusDays);
        Arbitrary<Typed> until = Combinators.combine(Arbitraries.of(true, false), dates)
                .as((saysUntil, date) -> {
                    List<Word> words = new ArrayList<>(List.of(Word.keyword("pause")));
                    if (saysUntil) {
                        words.add(Word.keyword("until"));
                    }
                    words.add(Word.exact(date.toString()));
                    return new Typed(words, new Command.Pause(date));
                });
        return Arbitraries.oneOf(Arbitraries.just(keywords(new Command.Pause(null), "pause")), until);
    }

    private static Arbitrary<Typed> leads() {
        Arbitrary<String> ids = Arbitraries.strings()
                .withCharRange('A', 'Z')
                .withCharRange('0', '9')
                .ofMinLength(6)
                .ofMaxLength(10)
                .flatMap(rest -> Arbitraries.of("U", "W").map(prefix -> prefix + rest));
        Arbitrary<String> names = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('0', '9')
                .withChars('.', '-', '_')
                .ofMinLength(1)
                .ofMaxLength(20);
        record Person(String text, UserRef ref) {}
        Arbitrary<Person> person = Arbitraries.oneOf(
                ids.map(id -> new Person("<@" + id + ">", UserRef.ofId(id))),
                Combinators.combine(ids, names)
                        .as((id, name) -> new Person("<@" + id + "|" + name + ">", UserRef.ofId(id))),
                ids.map(id -> new Person(id, UserRef.ofId(id))),
                names.map(name -> new Person("@" + name, UserRef.ofName(name))));
        Arbitrary<Typed> some = Combinators.combine(person.list().ofMinSize(1).ofMaxSize(4), channel())
                .as((people, channel) -> {
                    List<Word> words = new ArrayList<>(List.of(Word.keyword("leads")));
                    people.forEach(one -> words.add(Word.exact(one.text())));
                    List<UserRef> refs = List.copyOf(
                            new LinkedHashSet<>(people.stream().map(Person::ref).toList()));
                    return new Typed(words, null).then(channel.words(), new Command.Leads(refs, channel.ref()));
                });
        Arbitrary<Typed> none = channel().map(channel -> keywords(null, "leads", "none")
                .then(channel.words(), new Command.Leads(List.of(), channel.ref())));
        return Arbitraries.oneOf(some, none);
    }

    private static Arbitrary<Typed> prompt() {
        return Combinators.combine(Arbitraries.of(PromptKind.LEARNING, PromptKind.RISK, PromptKind.IMPACT), channel())
                .as((kind, channel) -> keywords(null, "prompt", kind.word())
                        .then(channel.words(), new Command.SendPrompt(kind, channel.ref())));
    }

    private static Arbitrary<Typed> leaderboard() {
        return Combinators.combine(Arbitraries.of(true, false), channel())
                .as((on, channel) -> keywords(null, "settings", "leaderboard", on ? "on" : "off")
                        .then(channel.words(), new Command.Leaderboard(on, channel.ref())));
    }

    private static Arbitrary<Typed> schedule() {
        Arbitrary<int[]> times = Combinators.combine(
                        Arbitraries.integers().between(0, 23),
                        Arbitraries.integers().between(0, 59))
                .as((hour, minute) -> new int[] {hour, minute});
        return Combinators.combine(
                        Arbitraries.of(PromptKind.values()), days(), times, Arbitraries.of(true, false), channel())
                .as((kind, days, time, padded, channel) -> keywords(null, "schedule", kind.word())
                        .then(List.of(Word.keyword(days.text()), Word.exact(clock(time[0], time[1], padded))), null)
                        .then(
                                channel.words(),
                                new Command.Schedule(
                                        kind, days.days(), LocalTime.of(time[0], time[1]), channel.ref())));
    }

    private static Arbitrary<Typed> scheduleOff() {
        return Combinators.combine(Arbitraries.of(PromptKind.values()), channel())
                .as((kind, channel) -> keywords(null, "schedule", kind.word(), "off")
                        .then(channel.words(), new Command.ScheduleOff(kind, channel.ref())));
    }

    private static Arbitrary<Typed> workdays() {
        return Combinators.combine(days(), channel())
                .as((days, channel) -> keywords(null, "schedule", "workdays", days.text())
                        .then(channel.words(), new Command.Workdays(days.days(), channel.ref())));
    }

    /** {@code schedule hours}: the end after the start, {@code 24:00} meaning the day's last minute. */
    private static Arbitrary<Typed> hours() {
        return Arbitraries.integers().between(0, 24 * 60 - 2).flatMap(start -> Combinators.combine(
                        Arbitraries.integers().between(start + 1, 24 * 60), Arbitraries.of(true, false), channel())
                .as((end, padded, channel) -> {
                    String range = clock(start / 60, start % 60, padded) + "-" + clock(end / 60, end % 60, padded);
                    LocalTime last = end == 24 * 60 ? LocalTime.of(23, 59) : LocalTime.of(end / 60, end % 60);
                    return keywords(null, "schedule", "hours")
                            .then(List.of(Word.exact(range)), null)
                            .then(
                                    channel.words(),
                                    new Command.Hours(LocalTime.of(start / 60, start % 60), last, channel.ref()));
                }));
    }

    private static Arbitrary<Typed> timezone() {
        Arbitrary<Word> zones = Arbitraries.of(
                Word.exact("Europe/Berlin"),
                Word.exact("America/New_York"),
                Word.exact("America/Argentina/Buenos_Aires"),
                Word.exact("Asia/Kolkata"),
                Word.exact("Etc/GMT+5"),
                Word.keyword("UTC"));
        return Combinators.combine(Arbitraries.of("timezone", "tz"), zones, channel())
                .as((what, zone, channel) -> keywords(null, "schedule", what)
                        .then(List.of(zone), null)
                        .then(channel.words(), new Command.Timezone(ZoneId.of(zone.text()), channel.ref())));
    }

    private static String clock(int hour, int minute, boolean padded) {
        return String.format(Locale.ROOT, padded ? "%02d:%02d" : "%d:%02d", hour, minute);
    }

    /** Days as {@code mon}, {@code monday}, {@code mo}, {@code fri-mon}, {@code weekdays}, joined by commas. */
    private static Arbitrary<Days> days() {
        Arbitrary<DayOfWeek> day = Arbitraries.of(DayOfWeek.values());
        Arbitrary<Days> one = day.flatMap(d -> {
            String name = d.name().toLowerCase(Locale.ROOT);
            return Arbitraries.integers().between(2, name.length()).map(n -> new Days(name.substring(0, n), Set.of(d)));
        });
        Arbitrary<Days> range = Combinators.combine(one, one).as((from, to) -> {
            DayOfWeek first = from.days().iterator().next();
            DayOfWeek last = to.days().iterator().next();
            Set<DayOfWeek> days = EnumSet.of(first);
            for (DayOfWeek next = first; next != last; ) {
                next = next.plus(1);
                days.add(next);
            }
            return new Days(from.text() + "-" + to.text(), days);
        });
        Arbitrary<Days> named = Arbitraries.of(
                new Days("daily", EnumSet.allOf(DayOfWeek.class)),
                new Days("everyday", EnumSet.allOf(DayOfWeek.class)),
                new Days("every-day", EnumSet.allOf(DayOfWeek.class)),
                new Days("weekdays", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)));
        return Arbitraries.frequencyOf(Tuple.of(4, one), Tuple.of(3, range), Tuple.of(1, named))
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(parts -> {
                    Set<DayOfWeek> all = EnumSet.noneOf(DayOfWeek.class);
                    parts.forEach(part -> all.addAll(part.days()));
                    return new Days(parts.stream().map(Days::text).collect(Collectors.joining(",")), all);
                });
    }

    /** No channel, an escaped one ({@code <#C123|name>}), a plain id, or a name ({@code #standup}). */
    private static Arbitrary<Channel> channel() {
        Arbitrary<String> ids = Arbitraries.strings()
                .withCharRange('A', 'Z')
                .withCharRange('0', '9')
                .ofMinLength(6)
                .ofMaxLength(10)
                .flatMap(rest -> Arbitraries.of("C", "G").map(prefix -> prefix + rest));
        Arbitrary<String> names = Combinators.combine(
                        Arbitraries.chars().range('a', 'z').range('0', '9'),
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .withCharRange('0', '9')
                                .withChars('.', '_', '-')
                                .ofMaxLength(20))
                .as((first, rest) -> first + rest);
        return Arbitraries.oneOf(
                Arbitraries.just(new Channel(List.of(), ChannelRef.current())),
                Combinators.combine(ids, names)
                        .as((id, name) -> new Channel(
                                List.of(Word.exact("<#" + id + "|" + name + ">")), ChannelRef.ofId(id, name))),
                ids.map(id -> new Channel(List.of(Word.exact("<#" + id + ">")), ChannelRef.ofId(id, null))),
                ids.map(id -> new Channel(List.of(Word.exact("<#" + id + "|>")), ChannelRef.ofId(id, null))),
                ids.map(id -> new Channel(List.of(Word.exact(id)), ChannelRef.ofId(id, null))),
                names.map(name -> new Channel(List.of(Word.keyword("#" + name)), ChannelRef.ofName(name))));
    }
}
