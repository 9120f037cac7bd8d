package dev.ownership.bot.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Properties of the detector on random and adversarial text, and on the corpus under harmless rewrites. */
class DetectorPropertiesTest {
    private static final BlockerDetector DETECTOR = BlockerDetector.withDefaultLexicon();
    private static final List<Corpus.LabelledMessage> CORPUS = Corpus.validation();

    @Property(tries = 500)
    @Label("never throws on random text, and always gives a label and a category exactly for blockers")
    void shouldNeverThrow(@ForAll @StringLength(max = 2_000) String text) {
        Classification verdict = DETECTOR.classify(text);

        assertThat(verdict.label()).isNotNull();
        assertThat(verdict.category() == null).isEqualTo(verdict.label() == dev.ownership.bot.detection.Label.NONE);
        // containsProposal must answer, not throw, on the same text.
        DETECTOR.containsProposal(text);
    }

    @Property(tries = 300)
    @Label("never throws on adversarial Slack markup")
    void shouldSurviveAdversarialMarkup(@ForAll("markup") String text) {
        assertThat(DETECTOR.classify(text).reasons()).isNotNull();
    }

    @Property(tries = 300)
    @Label("labels do not change when whitespace changes")
    void shouldBeStableUnderWhitespace(@ForAll("corpusIndex") int index, @ForAll("spaces") String padding) {
        String text = CORPUS.get(index).text();
        String respaced = padding
                + text.replace(" ", " " + padding.replace("\n", "")).replace("\n", "\n" + padding.replace("\n", ""))
                + padding;

        assertThat(DETECTOR.classify(respaced).label())
                .isEqualTo(DETECTOR.classify(text).label());
    }

    @Property(tries = 300)
    @Label("labels do not change when the whole message is wrapped in bold or italics")
    void shouldBeStableUnderWrapping(@ForAll("corpusIndex") int index, @ForAll("wrapper") String wrapper) {
        String text = CORPUS.get(index).text();
        if (text.contains("\n") || text.contains(wrapper)) {
            return;
        }
        String wrapped = wrapper + text + wrapper;

        assertThat(DETECTOR.classify(wrapped).label())
                .isEqualTo(DETECTOR.classify(text).label());
    }

    @Provide
    Arbitrary<Integer> corpusIndex() {
        return Arbitraries.integers().between(0, CORPUS.size() - 1);
    }

    @Provide
    Arbitrary<String> spaces() {
        return Arbitraries.of(" ", "  ", "\t", " \t ");
    }

    @Provide
    Arbitrary<String> wrapper() {
        return Arbitraries.of("*", "_");
    }

    @Provide
    Arbitrary<String> markup() {
        Arbitrary<String> pieces = Arbitraries.of(
                "<@U",
                "<#C1|",
                "<https://x|",
                ">",
                "<",
                "|",
                "&gt;",
                "&amp;",
                "&lt;",
                "```",
                "`",
                "*",
                "_",
                "~",
                "blocker",
                "Blockers:",
                "waiting on",
                "none",
                ":emoji:",
                "\n",
                "> ",
                "• ",
                "1. ",
                "\u200b",
                "🙂",
                "can't",
                "need",
                "<!subteam^S1|@team>",
                "\\",
                "\"");
        return pieces.list().ofMaxSize(60).map(list -> String.join("", list));
    }
}
