package dev.ownership.bot.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("labelled corpus")
class CorpusTest {

    private static final BlockerDetector DETECTOR = BlockerDetector.withDefaultLexicon();
    private static final List<Corpus.LabelledMessage> TUNING = Corpus.load(Corpus.TUNING);
    private static final List<Corpus.LabelledMessage> HELD_OUT = Corpus.load(Corpus.HELD_OUT);

    @Nested
    @DisplayName("held-out split, never tuned on")
    class HeldOut {

        private final CorpusMetrics metrics = CorpusMetrics.measure(DETECTOR, HELD_OUT);

        @Test
        void shouldReachMacroF1OfAtLeastNinetyPercent() {
            System.out.println(metrics.summary("held-out"));
            assertThat(metrics.macroF1()).isGreaterThanOrEqualTo(0.90);
        }

        @Test
        void shouldNudgeAtMostThreePercentOfMessagesThatNeedNoNudge() {
            assertThat(metrics.falseNudgeRate()).isLessThanOrEqualTo(0.03);
        }
    }

    @Nested
    @DisplayName("tuning split")
    class Tuning {

        @Test
        void shouldReachMacroF1OfAtLeastNinetyPercent() {
            CorpusMetrics metrics = CorpusMetrics.measure(DETECTOR, TUNING);
            System.out.println(metrics.summary("tuning"));
            assertThat(metrics.macroF1()).isGreaterThanOrEqualTo(0.90);
            assertThat(metrics.falseNudgeRate()).isLessThanOrEqualTo(0.03);
        }
    }

    @Nested
    @DisplayName("corpus hygiene")
    class Hygiene {

        @Test
        void shouldHoldAtLeastFourHundredMessagesWithAHeldOutSplitOfAtLeast130() {
            assertThat(TUNING.size() + HELD_OUT.size()).isGreaterThanOrEqualTo(400);
            assertThat(HELD_OUT.size()).isGreaterThanOrEqualTo(130);
        }

        @Test
        void shouldUseUniqueIdsAndTextsAcrossSplits() {
            List<Corpus.LabelledMessage> all = new ArrayList<>(TUNING);
            all.addAll(HELD_OUT);
            Set<String> ids = new HashSet<>();
            Set<String> texts = new HashSet<>();
            all.forEach(message -> {
                assertThat(ids.add(message.id()))
                        .as("unique id %s", message.id())
                        .isTrue();
                assertThat(texts.add(message.text()))
                        .as("unique text %s", message.id())
                        .isTrue();
            });
        }

        @Test
        void shouldGiveACategoryExactlyToBlockers() {
            for (Corpus.LabelledMessage message : concat()) {
                assertThat(message.category() == null)
                        .as("category of %s", message.id())
                        .isEqualTo(message.label() == Label.NONE);
            }
        }

        @Test
        void shouldCoverEveryLabelAndCategory() {
            Set<Label> labels = new HashSet<>();
            Set<Category> categories = new HashSet<>();
            for (Corpus.LabelledMessage message : concat()) {
                labels.add(message.label());
                if (message.category() != null) {
                    categories.add(message.category());
                }
            }
            assertThat(labels).containsExactlyInAnyOrder(Label.values());
            assertThat(categories).containsExactlyInAnyOrder(Category.values());
        }

        private List<Corpus.LabelledMessage> concat() {
            List<Corpus.LabelledMessage> all = new ArrayList<>(TUNING);
            all.addAll(HELD_OUT);
            return all;
        }
    }
}
