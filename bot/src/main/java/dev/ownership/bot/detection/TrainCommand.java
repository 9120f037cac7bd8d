package dev.ownership.bot.detection;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Trains the detection model from the labelled corpus on the classpath and writes it to a file: what the build runs to
 * make the model the jar ships ({@code detection/model.bin}), and the jar's {@code train EXAMPLES MODEL} command,
 * which adds a team's labelled examples and writes a model for {@value BlockerDetector#MODEL_VARIABLE}.
 *
 * <p>Deterministic: the same corpus, examples and settings give the same file, byte for byte.
 */
public final class TrainCommand {

    private TrainCommand() {}

    /**
     * For the build: {@code TrainCommand OUTPUT_FILE}. Returns rather than exits, since the build runs it inside
     * Maven's own JVM.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: TrainCommand OUTPUT_FILE");
        }
        long started = System.nanoTime();
        List<LabelledText> corpus = BlockerDetector.builtInCorpus();
        DetectionModel model =
                DetectionModel.train(corpus, null, DetectionModel.Settings.DEFAULT, BlockerDetector.rulesOnly());
        Path output = Path.of(args[0]);
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        write(model, output);
        System.out.printf(
                "Trained the detection model on %d corpus messages in %d ms: %s (%d bytes)%n",
                corpus.size(), (System.nanoTime() - started) / 1_000_000, output, Files.size(output));
    }

    /**
     * The {@code train EXAMPLES MODEL} command: trains on the built-in corpus plus the labelled examples in
     * {@code examples}, with the lexicon {@value BlockerDetector#LEXICON_VARIABLE} names, and writes the model to
     * {@code model}, for {@value BlockerDetector#MODEL_VARIABLE}; returns the exit code 0.
     *
     * @throws IllegalArgumentException naming the file and line when the examples cannot be used
     */
    public static int trainExamples(Map<String, String> env, Path examples, Path model, PrintStream out)
            throws IOException {
        long started = System.nanoTime();
        List<LabelledText> labelled = BlockerDetector.readExamples(examples);
        List<LabelledText> corpus = BlockerDetector.builtInCorpus();
        DetectionModel trained = BlockerDetector.trainWithExamples(
                BlockerDetector.lexiconOf(env), corpus, labelled, BlockerDetector.EXAMPLE_REPEAT);
        write(trained, model);
        out.printf(
                "Trained on %d corpus messages and %d of your examples in %d s; wrote %s (%d bytes).%n"
                        + "Start the bot with %s=%s to use it.%n",
                corpus.size(),
                labelled.size(),
                (System.nanoTime() - started) / 1_000_000_000,
                model,
                Files.size(model),
                BlockerDetector.MODEL_VARIABLE,
                model.toAbsolutePath());
        return 0;
    }

    private static void write(DetectionModel model, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            model.write(out);
        }
    }
}
