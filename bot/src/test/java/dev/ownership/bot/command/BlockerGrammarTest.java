package dev.ownership.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("/ownership parser › long-running blocker settings")
class BlockerGrammarTest {
    private final CommandParser parser = new CommandParser();

    private Command parse(String text) {
        return parser.parse(text, LocalDate.of(2026, 11, 23));
    }

    @Test
    @DisplayName("`settings escalation on|off [#channel]` is a team admin's command")
    void shouldParseEscalation() {
        assertThat(parse("settings escalation on")).isEqualTo(new Command.Escalation(true, ChannelRef.current()));
        assertThat(parse("settings Escalation OFF <#C0STANDUP|standup>"))
                .isEqualTo(new Command.Escalation(false, ChannelRef.ofId("C0STANDUP", "standup")));
        assertThat(parse("settings escalation on").adminOnly()).isTrue();
    }

    @Test
    @DisplayName("`settings long-blockers DAYS [#channel]` takes 2 to 10 workdays")
    void shouldParseLongBlockerDays() {
        assertThat(parse("settings long-blockers 4")).isEqualTo(new Command.LongBlockerDays(4, ChannelRef.current()));
        assertThat(parse("settings long-blockers 10 <#C0STANDUP|standup>"))
                .isEqualTo(new Command.LongBlockerDays(10, ChannelRef.ofId("C0STANDUP", "standup")));
        assertThat(parse("settings long-blockers 4").adminOnly()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "settings escalation",
                "settings escalation maybe",
                "settings escalation on off",
                "settings escalation on nowhere",
                "settings long-blockers",
                "settings long-blockers 1",
                "settings long-blockers 11",
                "settings long-blockers three",
                "settings long-blockers -3",
                "settings long-blockers 3 4"
            })
    @DisplayName("anything else says what would work")
    void shouldRefuseWithUsage(String text) {
        Command command = parse(text);
        assertThat(command).isInstanceOf(Command.Invalid.class);
        assertThat(((Command.Invalid) command).message())
                .contains("/ownership settings")
                .hasSizeLessThan(200);
    }
}
