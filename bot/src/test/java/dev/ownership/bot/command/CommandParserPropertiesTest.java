package dev.ownership.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Properties of the {@code /ownership} parser on random and adversarial text. */
class CommandParserPropertiesTest {
    private final CommandParser parser = new CommandParser();

    @Property(tries = 1_000)
    @Label("never throws on random text and always answers with a command or a short explanation")
    void shouldNeverThrow(@ForAll @StringLength(max = 3_000) String text) {
        Command command = parser.parse(text);

        assertThat(command).isNotNull();
        if (command instanceof Command.Invalid invalid) {
            assertThat(invalid.message()).isNotBlank().hasSizeLessThan(1_000);
        }
    }

    @Property(tries = 1_000)
    @Label("never throws on command-shaped text with hostile arguments")
    void shouldSurviveHostileArguments(@ForAll("commandShaped") String text) {
        assertThat(parser.parse(text)).isNotNull();
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
        Arbitrary<String> argument = Arbitraries.of(
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
                "|",
                ">",
                ",,,",
                "mon,,fri");
        return Arbitraries.strings()
                .withChars(' ', '\t')
                .ofMinLength(1)
                .ofMaxLength(3)
                .flatMap(space -> head.flatMap(
                        h -> argument.list().ofMaxSize(6).map(args -> h + space + String.join(space, args))));
    }
}
