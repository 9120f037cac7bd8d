package dev.ownership.bot.detection;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Fits a {@link LinearModel} with liblinear's L2-regularised logistic regression (one-vs-rest), deterministically:
 * the same examples in the same order give the same weights.
 *
 * <p>Thread-safe: each call trains on its own problem.
 */
final class ModelTrainer {

    /** One training example: its features, its class (an index into the classes) and how many times it counts. */
    record Example(TextFeatures.Vector features, int classIndex, int repeat) {
        Example {
            Objects.requireNonNull(features, "features");
            if (repeat < 1) {
                throw new IllegalArgumentException("repeat must be positive: " + repeat);
            }
        }
    }

    private static final double STOPPING_TOLERANCE = 0.01;

    static {
        Linear.disableDebugOutput();
    }

    private ModelTrainer() {}

    /**
     * Trains one model.
     *
     * @param classes the class names; every example's index points into them
     * @param dimension the feature space ({@link TextFeatures#dimension()})
     * @param cost liblinear's {@code C}: higher fits the examples more closely
     * @throws IllegalArgumentException when fewer than two classes have examples
     */
    static LinearModel train(List<String> classes, int dimension, List<Example> examples, double cost) {
        Problem problem = problem(dimension, examples);
        long present =
                examples.stream().mapToInt(Example::classIndex).distinct().count();
        if (present < 2) {
            throw new IllegalArgumentException("training needs examples of at least two classes");
        }
        Parameter parameter = new Parameter(SolverType.L2R_LR, cost, STOPPING_TOLERANCE);
        parameter.setRandom(new Random(0));
        Model model = Linear.train(problem, parameter);
        return toLinearModel(classes, dimension, model);
    }

    private static Problem problem(int dimension, List<Example> examples) {
        List<Feature[]> rows = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        FeatureNode bias = new FeatureNode(dimension + 1, 1.0);
        for (Example example : examples) {
            int[] indices = example.features().indices();
            float[] values = example.features().values();
            Feature[] row = new Feature[indices.length + 1];
            for (int index = 0; index < indices.length; index++) {
                row[index] = new FeatureNode(indices[index] + 1, values[index]);
            }
            row[indices.length] = bias;
            for (int copy = 0; copy < example.repeat(); copy++) {
                rows.add(row);
                targets.add((double) example.classIndex());
            }
        }
        Problem problem = new Problem();
        problem.l = rows.size();
        problem.n = dimension + 1;
        problem.bias = 1.0;
        problem.x = rows.toArray(Feature[][]::new);
        problem.y = targets.stream().mapToDouble(Double::doubleValue).toArray();
        return problem;
    }

    private static LinearModel toLinearModel(List<String> classes, int dimension, Model model) {
        int count = classes.size();
        float[] weights = new float[dimension * count];
        float[] biases = new float[count];
        // a class liblinear never saw keeps a strongly negative bias: it is never predicted
        java.util.Arrays.fill(biases, -30f);
        int[] labels = model.getLabels();
        for (int position = 0; position < model.getNrClass(); position++) {
            int k = labels[position];
            biases[k] = (float) model.getDecfunBias(position);
            for (int slot = 0; slot < dimension; slot++) {
                weights[slot * count + k] = (float) model.getDecfunCoef(slot + 1, position);
            }
        }
        return new LinearModel(classes, dimension, weights, biases);
    }
}
