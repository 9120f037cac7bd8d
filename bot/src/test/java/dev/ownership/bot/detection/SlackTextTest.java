package dev.ownership.bot.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Slack text as the author stated it")
class SlackTextTest {

    private static List<String> lines(String raw) {
        return SlackText.statedLines(raw).stream().map(SlackText.Line::text).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " => ",
            value = {
                "waiting on <@U123> => waiting on @u123",
                "waiting on <@U123|anna> => waiting on @anna",
                "ask <!subteam^S1|@backend-team> => ask @backend-team",
                "<!here> please => @here please",
                "see <#C1|infra-help> => see the infra-help channel",
                "review <https://github.com/a/b/pull/7|#7> => review #7",
                "see <https://github.com/a/b/pull/7> => see PR link",
                "A &amp; B &lt;3 => A & B <3",
                "*Blockers:* _none_ => Blockers: none",
                "~blocked on access~ sorted => sorted",
                "_~blocked on access~ sorted_ => sorted",
                "about ~2h and ~3h => about ~2h and ~3h",
                "failing with `no space left` => failing with snippet",
                ":no_entry: none :tada: => none",
                "*Blockers* none => Blockers: none"
            })
    void shouldMakeSlackMarkupReadable(String raw, String expected) {
        assertThat(lines(raw)).containsExactly(expected);
    }

    @Test
    void shouldDropCodeBlocksAndQuotes() {
        assertThat(lines("before\n```\nblocked by policy\n```\n&gt; quoted blocker\n> also quoted\nafter"))
                .containsExactly("before", "after");
        assertThat(lines("mine\n&gt;&gt;&gt; everything quoted\nstill quoted")).containsExactly("mine");
    }

    @Test
    void shouldNoteBulletsAndNumbers() {
        List<SlackText.Line> lines = SlackText.statedLines("• one\n- two\n1. three\n2) four\nplain");
        assertThat(lines).extracting(SlackText.Line::bullet).containsExactly(true, true, true, true, false);
        assertThat(lines).extracting(SlackText.Line::text).containsExactly("one", "two", "three", "four", "plain");
    }
}
