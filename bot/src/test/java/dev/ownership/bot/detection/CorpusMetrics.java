package dev.ownership.bot.detection;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Agreement between a detector and a labelled corpus: confusion matrix, per-label F1, false nudges, categories. */
final class CorpusMetrics {

    private final Map<Label, Map<Label, Integer>> confusion = new EnumMap<>(Label.class);
    private int messages;
    private int falseNudges;
    private int notWithoutProposal;
    private int bothBlockers;
    private int categoryAgreements;
    private int withoutProposal;
    private int missedNudges;

    private CorpusMetrics() {
        for (Label truth : Label.values()) {
            Map<Label, Integer> row = new EnumMap<>(Label.class);
            for (Label predicted : Label.values()) {
                row.put(predicted, 0);
            }
            confusion.put(truth, row);
        }
    }

    static CorpusMetrics measure(BlockerDetector detector, List<LabelledText> corpus) {
        CorpusMetrics metrics = new CorpusMetrics();
        corpus.forEach(message -> metrics.add(message, detector.classify(message.text())));
        return metrics;
    }

    /** Metrics of labels decided elsewhere (cross-validation): {@code predicted[i]} for {@code corpus.get(i)}. */
    static CorpusMetrics of(List<LabelledText> corpus, List<Label> predicted) {
        CorpusMetrics metrics = new CorpusMetrics();
        for (int index = 0; index < corpus.size(); index++) {
            metrics.add(corpus.get(index), given(predicted.get(index)));
        }
        return metrics;
    }

    private static Classification given(Label label) {
        return new Classification(label, label == Label.NONE ? null : Category.OTHER, List.of("given"), 1);
    }

    private void add(LabelledText message, Classification predicted) {
        messages++;
        if (message.label() == Label.BLOCKER_WITHOUT_PROPOSAL) {
            withoutProposal++;
            if (predicted.label() != Label.BLOCKER_WITHOUT_PROPOSAL) {
                missedNudges++;
            }
        }
        confusion.get(message.label()).merge(predicted.label(), 1, Integer::sum);
        if (message.label() != Label.BLOCKER_WITHOUT_PROPOSAL) {
            notWithoutProposal++;
            if (predicted.label() == Label.BLOCKER_WITHOUT_PROPOSAL) {
                falseNudges++;
            }
        }
        if (message.label() != Label.NONE && predicted.label() != Label.NONE) {
            bothBlockers++;
            if (message.category() == predicted.category()) {
                categoryAgreements++;
            }
        }
    }

    int messages() {
        return messages;
    }

    int count(Label truth, Label predicted) {
        return confusion.get(truth).get(predicted);
    }

    double f1(Label label) {
        int truePositives = count(label, label);
        int predicted = 0;
        int actual = 0;
        for (Label other : Label.values()) {
            predicted += count(other, label);
            actual += count(label, other);
        }
        double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
        double recall = actual == 0 ? 0 : (double) truePositives / actual;
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    double macroF1() {
        double sum = 0;
        for (Label label : Label.values()) {
            sum += f1(label);
        }
        return sum / Label.values().length;
    }

    /** Messages whose true label is not {@code blocker_without_proposal} but that would be nudged. */
    double falseNudgeRate() {
        return notWithoutProposal == 0 ? 0 : (double) falseNudges / notWithoutProposal;
    }

    /** Messages whose true label is {@code blocker_without_proposal} but that would not be nudged. */
    double missedNudgeRate() {
        return withoutProposal == 0 ? 0 : (double) missedNudges / withoutProposal;
    }

    double accuracy() {
        int correct = 0;
        for (Label label : Label.values()) {
            correct += count(label, label);
        }
        return (double) correct / messages;
    }

    /** Category agreement among messages that both the corpus and the detector call a blocker. */
    double categoryAccuracy() {
        return bothBlockers == 0 ? 0 : (double) categoryAgreements / bothBlockers;
    }

    String summary(String name) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "%s: %d messages, accuracy %.3f, macro-F1 %.3f, false nudges %.3f (%d of %d), missed nudges %.3f (%d of"
                        + " %d), category accuracy %.3f%n",
                name,
                messages,
                accuracy(),
                macroF1(),
                falseNudgeRate(),
                falseNudges,
                notWithoutProposal,
                missedNudgeRate(),
                missedNudges,
                withoutProposal,
                categoryAccuracy()));
        for (Label label : Label.values()) {
            text.append(String.format(Locale.ROOT, "  F1 %-25s %.3f%n", label.wireName(), f1(label)));
        }
        text.append("  confusion (rows: truth, columns: predicted none / with / without)\n");
        for (Label truth : Label.values()) {
            text.append(String.format(
                    Locale.ROOT,
                    "  %-25s %4d %4d %4d%n",
                    truth.wireName(),
                    count(truth, Label.NONE),
                    count(truth, Label.BLOCKER_WITH_PROPOSAL),
                    count(truth, Label.BLOCKER_WITHOUT_PROPOSAL)));
        }
        return text.toString();
    }
}
