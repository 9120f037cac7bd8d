package dev.ownership.bot.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("the learned model")
class DetectionModelTest {

    private static final BlockerDetector RULES = BlockerDetector.rulesOnly();
    private static final List<LabelledText> SAMPLE =
            BlockerDetector.builtInCorpus().subList(0, 400);

    @Nested
    @DisplayName("training")
    class Training {

        @Test
        void shouldGiveTheSameFileForTheSameExamples() throws IOException {
            byte[] first = bytes(DetectionModel.train(SAMPLE, null, DetectionModel.Settings.DEFAULT, RULES));
            byte[] second = bytes(DetectionModel.train(SAMPLE, null, DetectionModel.Settings.DEFAULT, RULES));

            assertThat(second).isEqualTo(first);
        }

        @Test
        void shouldReadBackWhatItWrote() throws IOException {
            DetectionModel trained = DetectionModel.train(SAMPLE, null, DetectionModel.Settings.DEFAULT, RULES);
            DetectionModel read = DetectionModel.read(new ByteArrayInputStream(bytes(trained)));
            String text = "*Blockers:* waiting on <@U1|anna> for the schema";

            assertThat(read.labelProbabilities(RULES.featuresOf(text, read.features())))
                    .containsExactly(trained.labelProbabilities(RULES.featuresOf(text, trained.features())));
            assertThat(read.settings()).isEqualTo(trained.settings());
        }

        @Test
        void shouldRefuseAFileThatIsNotAModel() {
            assertThatThrownBy(() -> DetectionModel.read(new ByteArrayInputStream("not a model".getBytes())))
                    .isInstanceOf(IOException.class);
        }
    }

    @Nested
    @DisplayName("nudge confidence")
    class NudgeConfidence {

        @Test
        void shouldNudgeOnlyWhenTheProbabilityReachesTheConfidence() {
            double[] probabilities = {0.25, 0.15, 0.60};

            assertThat(BlockerDetector.labelFor(probabilities, 0.5)).isEqualTo(Label.BLOCKER_WITHOUT_PROPOSAL);
            assertThat(BlockerDetector.labelFor(probabilities, 0.6)).isEqualTo(Label.BLOCKER_WITHOUT_PROPOSAL);
            assertThat(BlockerDetector.labelFor(probabilities, 0.7)).isEqualTo(Label.NONE);
        }

        @Test
        void shouldFallBackToTheLikelierOtherLabelWhenUnsure() {
            assertThat(BlockerDetector.labelFor(new double[] {0.1, 0.35, 0.55}, 0.7))
                    .isEqualTo(Label.BLOCKER_WITH_PROPOSAL);
            assertThat(BlockerDetector.labelFor(new double[] {0.5, 0.3, 0.2}, 0.7))
                    .isEqualTo(Label.NONE);
        }

        @Test
        void shouldBeQuieterAtAHigherConfidence() {
            List<LabelledText> validation = Corpus.labelled(Corpus.validation());
            BlockerDetector builtIn = BlockerDetector.withDefaultLexicon();
            long nudgedByDefault = nudged(builtIn, validation);
            long nudgedWhenStrict = nudged(
                    BlockerDetector.fromEnvironment(java.util.Map.of(BlockerDetector.CONFIDENCE_VARIABLE, "0.9")),
                    validation);

            assertThat(nudgedWhenStrict).isLessThan(nudgedByDefault);
        }

        private long nudged(BlockerDetector detector, List<LabelledText> messages) {
            return messages.stream()
                    .filter(message -> detector.classify(message.text()).label() == Label.BLOCKER_WITHOUT_PROPOSAL)
                    .count();
        }
    }

    @Nested
    @DisplayName("its verdicts")
    class Verdicts {

        @Test
        void shouldSayWhichLearnedCuesDecidedAndHowSureItIs() {
            Classification verdict = BlockerDetector.withDefaultLexicon()
                    .classify("*Blockers:* still waiting on the security review of the login flow");

            assertThat(verdict.confidence()).isBetween(0.0, 1.0);
            assertThat(verdict.reasons())
                    .anySatisfy(reason -> assertThat(reason).startsWith("learned cues: '"))
                    .anySatisfy(reason -> assertThat(reason).matches("confidence [01]\\.\\d\\d"))
                    .last()
                    .asString()
                    .startsWith("category: ");
        }

        @Test
        void shouldLetTheRulesDecideWhenTheAuthorSaysNothingBlocks() {
            Classification verdict = BlockerDetector.withDefaultLexicon().classify("*Blockers:* none");

            assertThat(verdict.label()).isEqualTo(Label.NONE);
            assertThat(verdict.reasons()).first().asString().endsWith("the author reports no blockers");
        }
    }

    private static byte[] bytes(DetectionModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        return out.toByteArray();
    }
}
