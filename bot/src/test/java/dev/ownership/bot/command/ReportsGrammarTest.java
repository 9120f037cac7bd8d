package dev.ownership.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("/ownership settings reports")
class ReportsGrammarTest {
    private final CommandParser parser = new CommandParser();

    private Command parse(String text) {
        return parser.parse(text, LocalDate.of(2026, 11, 23));
    }

    @Test
    @DisplayName("`from @bot` names the bot by the id Slack escaped, in the current channel or the one named")
    void shouldReadBotAndChannel() {
        assertThat(parse("settings reports from <@U0GEEKBT|geekbot>"))
                .isEqualTo(new Command.ReportsFrom(UserRef.ofId("U0GEEKBT"), ChannelRef.current()));
        assertThat(parse("Settings Reports FROM <@U0GEEKBT> <#C0STANDUP|standup>"))
                .isEqualTo(new Command.ReportsFrom(UserRef.ofId("U0GEEKBT"), ChannelRef.ofId("C0STANDUP", "standup")));
        assertThat(parse("settings reports from @geekbot"))
                .isEqualTo(new Command.ReportsFrom(UserRef.ofName("geekbot"), ChannelRef.current()));
    }

    @Test
    @DisplayName("`off` stops it, in the current channel or the one named")
    void shouldReadOff() {
        assertThat(parse("settings reports off")).isEqualTo(new Command.ReportsOff(ChannelRef.current()));
        assertThat(parse("settings reports off #standup"))
                .isEqualTo(new Command.ReportsOff(ChannelRef.ofName("standup")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "settings reports",
                "settings reports geekbot",
                "settings reports from",
                "settings reports from <@U0GEEKBT> <@U0DAILYB>",
                "settings reports from !geekbot",
                "settings reports on",
                "settings reports off now"
            })
    @DisplayName("anything else gets the usage, and changes nothing")
    void shouldExplainUsage(String text) {
        assertThat(parse(text)).isInstanceOfSatisfying(Command.Invalid.class, invalid -> assertThat(invalid.message())
                .contains("settings reports from @geekbot"));
    }

    @Test
    @DisplayName("both are team admin commands")
    void shouldBeAdminOnly() {
        assertThat(parse("settings reports off").adminOnly()).isTrue();
        assertThat(parse("settings reports from <@U0GEEKBT>").adminOnly()).isTrue();
    }
}
