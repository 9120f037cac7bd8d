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
        run(Path.of(args[0]), Map.of(), System.out);
    }

    /**
     * Trains on the built-in corpus, plus the examples {@value BlockerDetector#EXAMPLES_VARIABLE} names in {@code env},
     * and writes the model to {@code output}; returns the exit code 0.
     *
     * @throws IllegalArgumentException naming a detection variable whose value or file is invalid
     */
    public static int run(Path output, Map<String, String> env, PrintStream out) throws IOException {
        long started = System.nanoTime();
        BlockerDetector.checkEnvironment(env);
        List<LabelledText> examples = examples(env);
        Lexicon lexicon = Lexicon.readResource(BlockerDetector.DEFAULT_LEXICON);
        DetectionModel model = examples.isEmpty()
                ? DetectionModel.train(
                        BlockerDetector.builtInCorpus(),
                        null,
                        DetectionModel.Settings.DEFAULT,
                        BlockerDetector.rulesOnly(lexicon))
                : BlockerDetector.trainWithExamples(lexicon, examples);
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream file = Files.newOutputStream(output)) {
            model.write(file);
        }
        out.printf(
                "Trained the detection model on %d corpus messages and %d examples in %d ms: %s (%d bytes)%n",
                BlockerDetector.builtInCorpus().size(),
                examples.size(),
                (System.nanoTime() - started) / 1_000_000,
                output,
                Files.size(output));
        return 0;
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
        Lexicon lexicon = BlockerDetector.lexiconOf(env);
        DetectionModel trained = BlockerDetector.trainWithExamples(lexicon, labelled);
        try (OutputStream file = Files.newOutputStream(model)) {
            trained.write(file);
        }
        out.printf(
                "Trained on %d corpus messages and %d of your examples in %d s; wrote %s (%d bytes).%n"
                        + "Start the bot with %s=%s to use it.%n",
                BlockerDetector.builtInCorpus().size(),
                labelled.size(),
                (System.nanoTime() - started) / 1_000_000_000,
                model,
                Files.size(model),
                BlockerDetector.MODEL_VARIABLE,
                model.toAbsolutePath());
        return 0;
    }

    private static List<LabelledText> examples(Map<String, String> env) {
        String path = env.get(BlockerDetector.EXAMPLES_VARIABLE);
        if (path == null || path.isBlank()) {
            return List.of();
        }
        try (var in = Files.newInputStream(Path.of(path.strip()))) {
            return LabelledText.readLines(in, path.strip());
        } catch (IOException unreadable) {
            throw new IllegalArgumentException(BlockerDetector.EXAMPLES_VARIABLE + ": " + unreadable.getMessage());
        }
    }
}
