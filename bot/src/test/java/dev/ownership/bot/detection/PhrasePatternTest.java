package dev.ownership.bot.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("lexicon phrase syntax")
class PhrasePatternTest {

    private static final Map<String, Set<String>> CLASSES = Map.of("self", Set.of("i", "we"));
    private static final Spelling SPELLING = new Spelling(
            Map.of("cant", List.of("can", "not")), Set.of("blocked", "waiting", "access"), Set.of("locked"), 6);
    private static final Tokenizer TOKENIZER = new Tokenizer(SPELLING);

    private static boolean matches(String phrase, String text) {
        PhraseSet<String> set = new PhraseSet<>();
        set.add(phrase, phrase, CLASSES, 3);
        return set.matchesAnywhere(TOKENIZER.tokenize(text));
    }

    @ParameterizedTest(name = "''{0}'' in ''{1}'' -> {2}")
    @CsvSource(
            delimiterString = " => ",
            value = {
                "waiting on|for => still waiting for QA => true",
                "waiting on|for => waiting to hear back => false",
                "block* => blockers: none => true",
                "*ing {mention} => pinging @anna => true",
                "the? review pending => review pending since Monday => true",
                "do_not|does_not have access => I don't have access => true",
                "can not ... test => can't really properly test it => true",
                "can not ... test => can't do a single thing and test => false",
                "{self} are blocked => we are blocked => true",
                "^ plan => Plan: roll back => true",
                "^ plan => blocked, plan: roll back => false",
                "^ plan => the migration plan => false",
                "{mention} could you => <anna> could you => false",
                "waiting on|for => waiting, for now => false"
            })
    void shouldMatchPhrasesBySlots(String phrase, String text, boolean expected) {
        assertThat(matches(phrase, text)).isEqualTo(expected);
    }

    @Test
    void shouldCorrectSingleKeystrokeTyposOfLexiconWords() {
        assertThat(TOKENIZER.tokenize("blokced wating acess").stream().map(Token::text))
                .containsExactly("blocked", "waiting", "access");
        assertThat(TOKENIZER.tokenize("locked").get(0).text()).isEqualTo("locked");
    }

    @Test
    void shouldExpandContractionsAndKeepTheAuthorsWords() {
        List<Token> tokens = TOKENIZER.tokenize("I'll ping, she's out");
        assertThat(tokens.stream().map(Token::text)).containsExactly("i", "will", "ping", ",", "she", "'s", "out");
        assertThat(tokens.get(1).surface()).isEqualTo("I'll");
    }

    @Test
    void shouldRefuseMalformedPhrases() {
        assertThatThrownBy(() -> PhrasePattern.compile("... blocked", CLASSES, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PhrasePattern.compile("  ", CLASSES, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PhrasePattern.compile("{unknown} x", CLASSES, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
