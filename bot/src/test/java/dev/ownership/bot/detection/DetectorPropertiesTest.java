package dev.ownership.bot.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * Properties of the detector on random and adversarial text, and on the corpus under harmless rewrites.
 *
 * <p>{@link BlockerDetector#classify} never throws because it catches every failure and answers {@code none}; a
 * property that called it would pass on a detector that failed on every message. These call
 * {@link BlockerDetector#classifyOrThrow} and {@link BlockerDetector#containsProposalOrThrow}, the same reading
 * without that safety net, so that an internal exception fails the property.
 */
class DetectorPropertiesTest {
    private static final BlockerDetector DETECTOR = BlockerDetector.withDefaultLexicon();
    private static final List<Corpus.LabelledMessage> CORPUS = Corpus.validation();

    @Property(tries = 500)
    @Label("never throws on random text, and always gives a label and a category exactly for blockers")
    void shouldNeverThrow(@ForAll @StringLength(max = 2_000) String text) {
        Classification verdict = DETECTOR.classifyOrThrow(text);

        assertThat(verdict.label()).isNotNull();
        assertThat(verdict.category() == null).isEqualTo(verdict.label() == dev.ownership.bot.detection.Label.NONE);
        assertThat(DETECTOR.classify(text))
                .as("the public classify, on text it can read")
                .isEqualTo(verdict);
        // containsProposal must answer, not throw, on the same text.
        assertThat(DETECTOR.containsProposal(text)).isEqualTo(DETECTOR.containsProposalOrThrow(text));
    }

    @Property(tries = 300)
    @Label("never throws on adversarial Slack markup")
    void shouldSurviveAdversarialMarkup(@ForAll("markup") String text) {
        assertThat(DETECTOR.classifyOrThrow(text).reasons()).isNotNull();
        DETECTOR.containsProposalOrThrow(text);
    }

    @Example
    @Label("reads null, empty and blank text as no blocker, without failing")
    void shouldReadNothingAsNoBlocker() {
        for (String nothing : new String[] {null, "", " \n\t "}) {
            assertThat(DETECTOR.classifyOrThrow(nothing).label())
                    .as("%s", nothing == null ? "null" : "'" + nothing + "'")
                    .isEqualTo(dev.ownership.bot.detection.Label.NONE);
            assertThat(DETECTOR.containsProposalOrThrow(nothing)).isFalse();
        }
    }

    @Property(tries = 300)
    @Label("labels do not change when whitespace changes")
    void shouldBeStableUnderWhitespace(@ForAll("corpusIndex") int index, @ForAll("spaces") String padding) {
        String text = CORPUS.get(index).text();
        String respaced = padding
                + text.replace(" ", " " + padding.replace("\n", "")).replace("\n", "\n" + padding.replace("\n", ""))
                + padding;

        assertThat(DETECTOR.classifyOrThrow(respaced).label())
                .isEqualTo(DETECTOR.classifyOrThrow(text).label());
    }

    @Property(tries = 300)
    @Label("labels do not change when the whole message is wrapped in bold or italics")
    void shouldBeStableUnderWrapping(@ForAll("corpusIndex") int index, @ForAll("wrapper") String wrapper) {
        String text = CORPUS.get(index).text();
        // Wrapping applies to one line, and only to a message that does not already use the same markup.
        Assume.that(!text.contains("\n") && !text.contains(wrapper));
        String wrapped = wrapper + text + wrapper;

        assertThat(DETECTOR.classifyOrThrow(wrapped).label())
                .isEqualTo(DETECTOR.classifyOrThrow(text).label());
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
