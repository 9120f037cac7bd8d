package dev.ownership.bot.blocker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("the author's reply that resolves a blocker")
class ResolutionWordsTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "thanks, that unblocked me!",
                "Thank you <@U0ADA>, works now",
                "fixed :tada:",
                "Unblocked, merging now",
                "that worked, ty",
                "Resolved — the token had expired",
                "all good now, cheers"
            })
    @DisplayName("resolves")
    void shouldResolve(String text) {
        assertThat(ResolutionWords.resolves(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not fixed yet",
                "thanks, but it's still failing",
                "thanks, I'll try that",
                "thanks in advance!",
                "still blocked",
                "any ideas?",
                "> fixed in the next release\nwhen is that?",
                "the log says `fixed` but the build is red",
                ""
            })
    @DisplayName("does not resolve")
    void shouldNotResolve(String text) {
        assertThat(ResolutionWords.resolves(text)).isFalse();
    }
}
