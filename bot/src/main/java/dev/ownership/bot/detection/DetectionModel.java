package dev.ownership.bot.detection;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The learned half of the detector: a label model and a category model over {@link TextFeatures}, and how their
 * probabilities are blended with the rules' verdict.
 *
 * <p>Trained deterministically from labelled text (see {@link #train}); written to and read from one gzip file.
 * Instances are immutable and thread-safe.
 */
final class DetectionModel {

    /**
     * How a model is trained and used; the defaults were chosen on the validation split.
     *
     * @param bits the feature space is {@code 2^bits} slots
     * @param weights how strongly each feature family counts
     * @param labelCost liblinear's {@code C} for the label model
     * @param categoryCost liblinear's {@code C} for the category model
     * @param blend the share of the model in the verdict: {@code blend·model + (1−blend)·rules}
     */
    record Settings(int bits, TextFeatures.Weights weights, double labelCost, double categoryCost, double blend) {

        /** The settings of the built-in model; see docs/BENCHMARKS.md for how they were chosen. */
        static final Settings DEFAULT = new Settings(18, new TextFeatures.Weights(1.0, 0.5, 1.0, 0.0), 32, 4, 0.8);

        Settings {
            Objects.requireNonNull(weights, "weights");
            if (blend < 0 || blend > 1) {
                throw new IllegalArgumentException("blend must be within 0..1: " + blend);
            }
        }
    }

    private static final int MAGIC = 0x4F574E31; // "OWN1"
    private static final List<String> LABELS =
            Arrays.stream(Label.values()).map(Label::wireName).toList();
    private static final List<String> CATEGORIES =
            Arrays.stream(Category.values()).map(Category::wireName).toList();

    private final Settings settings;
    private final TextFeatures features;
    private final LinearModel labels;
    private final LinearModel categories;

    private DetectionModel(Settings settings, LinearModel labels, LinearModel categories) {
        this.settings = settings;
        this.features = new TextFeatures(settings.bits(), settings.weights());
        this.labels = labels;
        this.categories = categories;
        if (!labels.classes().equals(LABELS) || !categories.classes().equals(CATEGORIES)) {
            throw new IllegalArgumentException("the model's classes are not this version's labels and categories");
        }
    }

    Settings settings() {
        return settings;
    }

    TextFeatures features() {
        return features;
    }

    /** The same weights blended with the rules in another share. */
    DetectionModel withBlend(double blend) {
        Settings changed =
                new Settings(settings.bits(), settings.weights(), settings.labelCost(), settings.categoryCost(), blend);
        return new DetectionModel(changed, labels, categories);
    }

    /** The label probabilities, indexed by {@link Label#ordinal()}. */
    double[] labelProbabilities(TextFeatures.Vector vector) {
        return labels.probabilities(vector);
    }

    /** The category probabilities, indexed by {@link Category#ordinal()}. */
    double[] categoryProbabilities(TextFeatures.Vector vector) {
        return categories.probabilities(vector);
    }

    /** The weight of a slot towards a label. */
    float labelWeight(int slot, Label label) {
        return labels.weight(slot, label.ordinal());
    }

    /**
     * Trains a model on labelled messages, each read by {@code reader} (the rules' view of it).
     *
     * @param repeats how many times each message counts (same order as {@code messages}), e.g. to weigh a team's own
     *     examples; {@code null} for once each
     */
    static DetectionModel train(
            List<LabelledText> messages, List<Integer> repeats, Settings settings, BlockerDetector reader) {
        Objects.requireNonNull(messages, "messages");
        TextFeatures features = new TextFeatures(settings.bits(), settings.weights());
        List<ModelTrainer.Example> labelExamples = new ArrayList<>();
        List<ModelTrainer.Example> categoryExamples = new ArrayList<>();
        for (int index = 0; index < messages.size(); index++) {
            LabelledText message = messages.get(index);
            int repeat = repeats == null ? 1 : repeats.get(index);
            TextFeatures.Vector vector = reader.featuresOf(message.text(), features, !message.rulesTunedOn());
            labelExamples.add(new ModelTrainer.Example(vector, message.label().ordinal(), repeat));
            if (message.category() != null) {
                categoryExamples.add(
                        new ModelTrainer.Example(vector, message.category().ordinal(), repeat));
            }
        }
        int dimension = features.dimension();
        LinearModel labels = ModelTrainer.train(LABELS, dimension, labelExamples, settings.labelCost());
        LinearModel categories = ModelTrainer.train(CATEGORIES, dimension, categoryExamples, settings.categoryCost());
        return new DetectionModel(settings, labels, categories);
    }

    void write(OutputStream out) throws IOException {
        GZIPOutputStream zipped = new GZIPOutputStream(new BufferedOutputStream(out));
        DataOutputStream data = new DataOutputStream(zipped);
        data.writeInt(MAGIC);
        data.writeInt(settings.bits());
        TextFeatures.Weights weights = settings.weights();
        data.writeDouble(weights.words());
        data.writeDouble(weights.sections());
        data.writeDouble(weights.characters());
        data.writeDouble(weights.rules());
        data.writeDouble(settings.labelCost());
        data.writeDouble(settings.categoryCost());
        data.writeDouble(settings.blend());
        labels.write(data);
        categories.write(data);
        data.flush();
        zipped.finish();
        zipped.flush();
        // End the deflater now rather than when it is collected; the caller's stream stays open.
        zipped.close();
    }

    /**
     * Reads a model written by {@link #write}.
     *
     * @throws IOException when the stream is not such a model
     */
    static DetectionModel read(InputStream in) throws IOException {
        try (DataInputStream data = new DataInputStream(new GZIPInputStream(new BufferedInputStream(in, 1 << 16)))) {
            if (data.readInt() != MAGIC) {
                throw new IOException("not an Ownership detection model");
            }
            int bits = data.readInt();
            TextFeatures.Weights weights = new TextFeatures.Weights(
                    data.readDouble(), data.readDouble(), data.readDouble(), data.readDouble());
            Settings settings = new Settings(bits, weights, data.readDouble(), data.readDouble(), data.readDouble());
            LinearModel labels = LinearModel.read(data);
            LinearModel categories = LinearModel.read(data);
            if (labels.dimension() != 1 << bits || categories.dimension() != 1 << bits) {
                throw new IOException("the model's dimension does not match its settings");
            }
            return new DetectionModel(settings, labels, categories);
        } catch (IllegalArgumentException mismatch) {
            throw new IOException(mismatch.getMessage(), mismatch);
        }
    }
}
