package dev.ownership.bot.detection;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A one-vs-rest logistic regression over hashed features: one weight per class and slot, and a bias per class.
 *
 * <p>Probabilities are each class's logistic score, normalised to sum to one (as liblinear does). Weights are kept
 * dense as {@code float}s: a lookup per feature, no boxing, a few megabytes.
 *
 * <p>Instances are immutable after construction and thread-safe.
 */
final class LinearModel {

    private final List<String> classes;
    private final int dimension;
    /** {@code weights[slot * classes + k]}: the slots of one feature sit together, one cache line per lookup. */
    private final float[] weights;

    private final float[] biases;

    LinearModel(List<String> classes, int dimension, float[] weights, float[] biases) {
        this.classes = List.copyOf(classes);
        this.dimension = dimension;
        this.weights = Objects.requireNonNull(weights, "weights");
        this.biases = Objects.requireNonNull(biases, "biases");
        if (weights.length != dimension * this.classes.size() || biases.length != this.classes.size()) {
            throw new IllegalArgumentException("weights do not fit " + classes.size() + " classes of " + dimension);
        }
    }

    List<String> classes() {
        return classes;
    }

    int dimension() {
        return dimension;
    }

    /** The weight of {@code slot} towards class {@code k}. */
    float weight(int slot, int k) {
        return weights[slot * classes.size() + k];
    }

    /** The probability of each class, in the order of {@link #classes()}. */
    double[] probabilities(TextFeatures.Vector vector) {
        int count = classes.size();
        double[] scores = new double[count];
        for (int k = 0; k < count; k++) {
            scores[k] = biases[k];
        }
        int[] indices = vector.indices();
        float[] values = vector.values();
        for (int index = 0; index < indices.length; index++) {
            int base = indices[index] * count;
            float value = values[index];
            for (int k = 0; k < count; k++) {
                scores[k] += weights[base + k] * value;
            }
        }
        double sum = 0;
        for (int k = 0; k < count; k++) {
            scores[k] = 1 / (1 + Math.exp(-scores[k]));
            sum += scores[k];
        }
        for (int k = 0; k < count; k++) {
            scores[k] /= sum;
        }
        return scores;
    }

    /** Writes the model sparsely: only the slots some class weighs. */
    void write(DataOutputStream out) throws IOException {
        int count = classes.size();
        out.writeInt(count);
        for (String name : classes) {
            out.writeUTF(name);
        }
        out.writeInt(dimension);
        for (float bias : biases) {
            out.writeFloat(bias);
        }
        int used = 0;
        for (int slot = 0; slot < dimension; slot++) {
            used += isUsed(slot) ? 1 : 0;
        }
        out.writeInt(used);
        for (int slot = 0; slot < dimension; slot++) {
            if (isUsed(slot)) {
                out.writeInt(slot);
                for (int k = 0; k < count; k++) {
                    out.writeFloat(weights[slot * count + k]);
                }
            }
        }
    }

    static LinearModel read(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 2 || count > 64) {
            throw new IOException("not a model: " + count + " classes");
        }
        String[] names = new String[count];
        for (int k = 0; k < count; k++) {
            names[k] = in.readUTF();
        }
        int dimension = in.readInt();
        if (dimension < 1 || dimension > 1 << 24) {
            throw new IOException("not a model: dimension " + dimension);
        }
        float[] biases = new float[count];
        for (int k = 0; k < count; k++) {
            biases[k] = in.readFloat();
        }
        float[] weights = new float[dimension * count];
        int used = in.readInt();
        if (used < 0 || used > dimension) {
            throw new IOException("not a model: " + used + " rows");
        }
        // One bulk read instead of a readFloat per weight: this runs on every start.
        long size = (long) used * (4 + 4 * count);
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException("not a model: " + size + " bytes of weights");
        }
        byte[] rows = new byte[(int) size];
        in.readFully(rows);
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(rows);
        for (int row = 0; row < used; row++) {
            int slot = buffer.getInt();
            if (slot < 0 || slot >= dimension) {
                throw new IOException("not a model: slot " + slot);
            }
            for (int k = 0; k < count; k++) {
                weights[slot * count + k] = buffer.getFloat();
            }
        }
        return new LinearModel(List.of(names), dimension, weights, biases);
    }

    private boolean isUsed(int slot) {
        int count = classes.size();
        for (int k = 0; k < count; k++) {
            if (weights[slot * count + k] != 0f) {
                return true;
            }
        }
        return false;
    }
}
