package dev.ownership.bot.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The detector against the labelled corpus. The frozen test split was written by helpers who wrote nothing else, and
 * no rule, feature, setting or threshold was chosen on it (docs/BENCHMARKS.md, "First-sight protocol").
 */
@DisplayName("labelled corpus")
class CorpusTest {

    private static final BlockerDetector DETECTOR = BlockerDetector.withDefaultLexicon();
    private static final List<Corpus.LabelledMessage> TRAINING = Corpus.training();
    private static final List<Corpus.LabelledMessage> VALIDATION = Corpus.validation();
    private static final List<Corpus.LabelledMessage> TEST = Corpus.test();

    @Nested
    @DisplayName("frozen test split, never used for a choice")
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class TestSplit {

        private CorpusMetrics metrics;

        @BeforeAll
        void measure() {
            metrics = CorpusMetrics.measure(DETECTOR, Corpus.labelled(TEST));
            System.out.println(metrics.summary("test"));
        }

        @Test
        void shouldReachTheMacroF1Floor() {
            assertThat(metrics.macroF1()).isGreaterThanOrEqualTo(TEST_MACRO_F1_FLOOR);
        }

        @Test
        void shouldKeepFalseNudgesUnderTheCeiling() {
            assertThat(metrics.falseNudgeRate()).isLessThanOrEqualTo(TEST_FALSE_NUDGE_CEILING);
        }

        @Test
        void shouldBeBetterThanTheRulesAlone() {
            CorpusMetrics rules = CorpusMetrics.measure(BlockerDetector.rulesOnly(), Corpus.labelled(TEST));
            assertThat(metrics.macroF1()).isGreaterThan(rules.macroF1() + 0.1);
            assertThat(metrics.falseNudgeRate()).isLessThan(rules.falseNudgeRate());
        }
    }

    @Nested
    @DisplayName("validation split, where the settings were chosen")
    class ValidationSplit {

        @Test
        void shouldKeepFalseNudgesAtOrUnderTwoPercent() {
            CorpusMetrics metrics = CorpusMetrics.measure(DETECTOR, Corpus.labelled(VALIDATION));
            System.out.println(metrics.summary("validation"));
            assertThat(metrics.falseNudgeRate()).isLessThanOrEqualTo(0.02);
        }
    }

    @Nested
    @DisplayName("corpus hygiene")
    class Hygiene {

        @Test
        void shouldHoldAtLeastThreeThousandMessagesWithATestSplitOfAtLeastSixHundred() {
            assertThat(all()).hasSizeGreaterThanOrEqualTo(3_000);
            assertThat(TEST).hasSizeGreaterThanOrEqualTo(600);
        }

        @Test
        void shouldHaveTheTestSplitWrittenByOthersThanTheTrainingAndValidationData() {
            Set<String> testAuthors = authors(TEST);
            Set<String> otherAuthors = authors(TRAINING);
            otherAuthors.addAll(authors(VALIDATION));
            assertThat(testAuthors).isNotEmpty().doesNotContainAnyElementsOf(otherAuthors);
            assertThat(authors(VALIDATION)).doesNotContainAnyElementsOf(authors(TRAINING));
        }

        @Test
        void shouldUseUniqueIdsAndTextsAcrossSplits() {
            Set<String> ids = new HashSet<>();
            Set<String> texts = new HashSet<>();
            for (Corpus.LabelledMessage message : all()) {
                assertThat(ids.add(message.id()))
                        .as("unique id %s", message.id())
                        .isTrue();
                assertThat(texts.add(message.text()))
                        .as("unique text %s", message.id())
                        .isTrue();
            }
        }

        @Test
        void shouldHoldNoNearIdenticalPairs() {
            assertThat(NearDuplicates.find(all(), NEAR_DUPLICATE_SIMILARITY)).isEmpty();
        }

        @Test
        void shouldGiveACategoryExactlyToBlockers() {
            for (Corpus.LabelledMessage message : all()) {
                assertThat(message.category() == null)
                        .as("category of %s", message.id())
                        .isEqualTo(message.label() == Label.NONE);
            }
        }

        @Test
        void shouldCoverEveryLabelAndCategoryInEverySplit() {
            for (List<Corpus.LabelledMessage> split : List.of(TRAINING, VALIDATION, TEST)) {
                Set<Label> labels =
                        split.stream().map(Corpus.LabelledMessage::label).collect(Collectors.toSet());
                Set<Category> categories = split.stream()
                        .map(Corpus.LabelledMessage::category)
                        .filter(category -> category != null)
                        .collect(Collectors.toSet());
                assertThat(labels).containsExactlyInAnyOrder(Label.values());
                assertThat(categories).containsExactlyInAnyOrder(Category.values());
            }
        }

        private static Set<String> authors(List<Corpus.LabelledMessage> split) {
            return split.stream().map(Corpus.LabelledMessage::author).collect(Collectors.toCollection(HashSet::new));
        }
    }

    /**
     * Just outside what the built-in model measures on the test split (0.921 and 2.1%, docs/BENCHMARKS.md), so that a
     * change that makes it worse fails. The targets are 0.95 and 2%; they are not reached yet.
     */
    static final double TEST_MACRO_F1_FLOOR = 0.91;

    static final double TEST_FALSE_NUDGE_CEILING = 0.025;

    /** Word-pair Jaccard similarity at which two messages of ten words or more count as near-identical. */
    static final double NEAR_DUPLICATE_SIMILARITY = 0.8;

    private static List<Corpus.LabelledMessage> all() {
        List<Corpus.LabelledMessage> all = new ArrayList<>(TRAINING);
        all.addAll(VALIDATION);
        all.addAll(TEST);
        return all;
    }

    /** Finds pairs of near-identical messages by the Jaccard similarity of their word pairs. */
    static final class NearDuplicates {
        private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
        private static final int MIN_WORDS = 10;

        private NearDuplicates() {}

        static List<String> find(List<Corpus.LabelledMessage> messages, double similarity) {
            List<Set<String>> shingles = new ArrayList<>();
            Map<String, List<Integer>> holders = new HashMap<>();
            for (int index = 0; index < messages.size(); index++) {
                Set<String> pairs = wordPairs(messages.get(index).text());
                shingles.add(pairs);
                for (String pair : pairs) {
                    holders.computeIfAbsent(pair, key -> new ArrayList<>()).add(index);
                }
            }
            List<String> found = new ArrayList<>();
            for (int index = 0; index < messages.size(); index++) {
                Set<String> mine = shingles.get(index);
                if (mine.size() < MIN_WORDS - 1) {
                    continue;
                }
                Map<Integer, Integer> shared = new HashMap<>();
                for (String pair : mine) {
                    for (int other : holders.get(pair)) {
                        if (other > index) {
                            shared.merge(other, 1, Integer::sum);
                        }
                    }
                }
                for (Map.Entry<Integer, Integer> entry : shared.entrySet()) {
                    Set<String> theirs = shingles.get(entry.getKey());
                    double jaccard = (double) entry.getValue() / (mine.size() + theirs.size() - entry.getValue());
                    if (jaccard >= similarity) {
                        found.add(messages.get(index).id() + " ~ "
                                + messages.get(entry.getKey()).id());
                    }
                }
            }
            return found;
        }

        static Set<String> wordPairs(String text) {
            List<String> words = new ArrayList<>();
            Matcher matcher = WORD.matcher(text.toLowerCase(java.util.Locale.ROOT));
            while (matcher.find()) {
                words.add(matcher.group());
            }
            Set<String> pairs = new HashSet<>();
            for (int index = 0; index + 1 < words.size(); index++) {
                pairs.add(words.get(index) + " " + words.get(index + 1));
            }
            return pairs;
        }
    }
}
