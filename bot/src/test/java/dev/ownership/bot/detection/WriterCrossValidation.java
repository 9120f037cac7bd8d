package dev.ownership.bot.detection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Cross-validation grouped by writer: every helper's batches (T7A, T7B, T7C are one writer) are held out together, so
 * that each message is scored by a model that never saw its writer, which is what a new team is. The project's own
 * messages (P0) are always trained on and never scored. Used by {@link DetectionLab} to choose settings on 36 writers
 * instead of the validation split's three.
 */
final class WriterCrossValidation {

    /** One held-out message as a model that never saw its writer read it. */
    record Scored(LabelledText message, String writer, Label rules, boolean veto, double[] learned) {

        Label decide(double blend, double confidence) {
            if (veto) {
                return Label.NONE;
            }
            double[] blended = new double[learned.length];
            for (int k = 0; k < learned.length; k++) {
                blended[k] = blend * learned[k] + (1 - blend) * (rules.ordinal() == k ? 1 : 0);
            }
            return BlockerDetector.labelFor(blended, confidence);
        }
    }

    private WriterCrossValidation() {}

    /** The training batches, keyed by writer, in the index's order. */
    static Map<String, List<LabelledText>> byWriter() {
        Map<String, List<LabelledText>> writers = new LinkedHashMap<>();
        for (String resource : BlockerDetector.corpusFiles()) {
            String name = resource.substring(resource.lastIndexOf('/') + 1).replace(".jsonl", "");
            String writer = name.startsWith("P0-") ? "P0" : name.substring(0, name.length() - 1);
            try (InputStream in = BlockerDetector.class.getResourceAsStream(resource)) {
                List<LabelledText> batch = LabelledText.readLines(in, resource);
                writers.computeIfAbsent(writer, key -> new ArrayList<>())
                        .addAll(
                                writer.equals("P0")
                                        ? batch.stream()
                                                .map(LabelledText::tunedOn)
                                                .toList()
                                        : batch);
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
        return writers;
    }

    /** Every message but P0's, scored by the fold's model that did not see its writer. */
    static List<Scored> score(DetectionModel.Settings settings, int folds) {
        Map<String, List<LabelledText>> writers = byWriter();
        List<String> heldOut = new ArrayList<>(new TreeSet<>(writers.keySet()));
        heldOut.remove("P0");
        BlockerDetector rules = BlockerDetector.rulesOnly();
        ExecutorService pool = Executors.newFixedThreadPool(Integer.getInteger("lab.threads", 2));
        try {
            List<Future<List<Scored>>> parts = new ArrayList<>();
            for (int fold = 0; fold < folds; fold++) {
                List<String> held = new ArrayList<>();
                for (int index = fold; index < heldOut.size(); index += folds) {
                    held.add(heldOut.get(index));
                }
                parts.add(pool.submit(() -> scoreFold(writers, held, settings, rules)));
            }
            List<Scored> scored = new ArrayList<>();
            for (Future<List<Scored>> part : parts) {
                scored.addAll(part.get());
            }
            return scored;
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Scored> scoreFold(
            Map<String, List<LabelledText>> writers,
            List<String> held,
            DetectionModel.Settings settings,
            BlockerDetector rules) {
        List<LabelledText> training = new ArrayList<>();
        writers.forEach((writer, messages) -> {
            if (!held.contains(writer)) {
                training.addAll(messages);
            }
        });
        DetectionModel model = DetectionModel.train(training, null, settings, rules);
        List<Scored> scored = new ArrayList<>();
        for (String writer : held) {
            for (LabelledText message : writers.get(writer)) {
                scored.add(scoreOne(message, writer, model, rules));
            }
        }
        return scored;
    }

    static Scored scoreOne(LabelledText message, String writer, DetectionModel model, BlockerDetector rules) {
        Classification verdict = rules.classify(message.text());
        double[] learned = model.labelProbabilities(rules.featuresOf(message.text(), model.features()));
        return new Scored(message, writer, verdict.label(), BlockerDetector.saysNothingBlocks(verdict), learned);
    }

    static CorpusMetrics measure(List<Scored> scored, double blend, double confidence) {
        return CorpusMetrics.of(
                scored.stream().map(Scored::message).toList(),
                scored.stream().map(one -> one.decide(blend, confidence)).toList());
    }

    /** The lowest confidence (in hundredths) that keeps false nudges at or under {@code rate}, or -1. */
    static double lowestConfidence(List<Scored> scored, double blend, double rate) {
        for (int percent = 34; percent <= 99; percent++) {
            if (measure(scored, blend, percent / 100.0).falseNudgeRate() <= rate) {
                return percent / 100.0;
            }
        }
        return -1;
    }

    static String line(String name, CorpusMetrics metrics) {
        return String.format(
                Locale.ROOT,
                "%s: macro-F1 %.3f false %.3f missed %.3f (%d messages)",
                name,
                metrics.macroF1(),
                metrics.falseNudgeRate(),
                metrics.missedNudgeRate(),
                metrics.messages());
    }
}
