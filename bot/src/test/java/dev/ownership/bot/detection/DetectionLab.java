package dev.ownership.bot.detection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The workbench behind the choices in docs/BENCHMARKS.md: trains on the training corpus and measures rules, model and
 * blends on the validation split. Never reads the test split unless asked to report it. Run with
 * {@code java -cp … dev.ownership.bot.detection.DetectionLab first-sight|grid|report DIR…}.
 */
final class DetectionLab {

    private DetectionLab() {}

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        switch (mode) {
            case "first-sight" -> firstSight(args);
            case "grid" -> grid(load(Path.of(args[1])));
            case "errors" -> errors(load(Path.of(args[1])));
            case "rule-precision" -> rulePrecision(load(Path.of(args[1])));
            case "category" -> category(load(Path.of(args[1])));
            case "report" -> report();
            case "cv" -> crossValidate();
            case "repeat" -> repeat(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(mode);
        }
    }

    /** Scores each batch file with the rules and the shipped detector as they are, before anything is chosen on it. */
    private static void firstSight(String[] args) throws IOException {
        BlockerDetector rules = BlockerDetector.rulesOnly();
        BlockerDetector shipped = BlockerDetector.withDefaultLexicon();
        if (System.getProperty("lab.confidence") != null) {
            shipped = shipped.with(
                    BlockerDetector.builtInModel(), Double.parseDouble(System.getProperty("lab.confidence")));
        }
        for (int index = 1; index < args.length; index++) {
            Path file = Path.of(args[index]);
            List<LabelledText> batch = read(file);
            System.out.println(CorpusMetrics.measure(rules, batch).summary(file.getFileName() + " (rules)"));
            System.out.println(CorpusMetrics.measure(shipped, batch).summary(file.getFileName() + " (model)"));
        }
    }

    private static void grid(List<LabelledText> validation) {
        List<LabelledText> training = Boolean.getBoolean("lab.noP0")
                ? BlockerDetector.builtInCorpus()
                        .subList(713, BlockerDetector.builtInCorpus().size())
                : BlockerDetector.builtInCorpus();
        System.out.println("training on " + training.size());
        BlockerDetector rules = BlockerDetector.rulesOnly();
        System.out.println(CorpusMetrics.measure(rules, validation).summary("rules"));
        double[] costs = numbers(System.getProperty("lab.costs", "8,32"));
        double[][] weightSets = java.util.Arrays.stream(
                        System.getProperty("lab.weights", "1,0,1,0").split(";"))
                .map(DetectionLab::numbers)
                .toArray(double[][]::new);
        int[] bitsOptions = {Integer.getInteger("lab.bits", 18)};
        for (int bits : bitsOptions) {
            for (double[] weights : weightSets) {
                for (double cost : costs) {
                    DetectionModel.Settings settings = new DetectionModel.Settings(
                            bits,
                            new TextFeatures.Weights(weights[0], weights[1], weights[2], weights[3]),
                            cost,
                            4,
                            1.0);
                    long started = System.nanoTime();
                    DetectionModel model = DetectionModel.train(training, null, settings, rules);
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    for (double blend : numbers(System.getProperty("lab.blends", "1,0.9,0.8,0.7"))) {
                        if (Boolean.getBoolean("lab.select")) {
                            select(
                                    rules,
                                    model.withBlend(blend),
                                    validation,
                                    String.format(
                                            Locale.ROOT,
                                            "weights %s C %.0f blend %.2f",
                                            java.util.Arrays.toString(weights),
                                            cost,
                                            blend));
                            continue;
                        }
                        for (double threshold : numbers(System.getProperty("lab.thresholds", "0.4,0.5,0.6,0.7"))) {
                            BlockerDetector detector = rules.with(model.withBlend(blend), threshold);
                            CorpusMetrics metrics = CorpusMetrics.measure(detector, validation);
                            System.out.println(String.format(
                                    Locale.ROOT,
                                    "bits %d weights %s C %.0f blend %.1f threshold %.1f: macro-F1 %.3f false %.3f"
                                            + " missed %.3f category %.3f (train %d ms)",
                                    bits,
                                    java.util.Arrays.toString(weights),
                                    cost,
                                    blend,
                                    threshold,
                                    metrics.macroF1(),
                                    metrics.falseNudgeRate(),
                                    metrics.missedNudgeRate(),
                                    metrics.categoryAccuracy(),
                                    millis));
                        }
                    }
                }
            }
        }
    }

    /**
     * Writer-grouped cross-validation of each candidate in {@code lab.costs} × {@code lab.weights}, each blend in
     * {@code lab.blends}: the lowest confidence that keeps out-of-fold false nudges at 2%, and the figures there.
     */
    private static void crossValidate() {
        int folds = Integer.getInteger("lab.folds", 6);
        DetectionModel.Settings base = DetectionModel.Settings.DEFAULT;
        for (double[] weights : java.util.Arrays.stream(
                        System.getProperty("lab.weights", "1,0.5,1,0").split(";"))
                .map(DetectionLab::numbers)
                .toArray(double[][]::new)) {
            for (double cost : numbers(System.getProperty("lab.costs", "32"))) {
                DetectionModel.Settings settings = new DetectionModel.Settings(
                        Integer.getInteger("lab.bits", base.bits()),
                        new TextFeatures.Weights(weights[0], weights[1], weights[2], weights[3]),
                        cost,
                        base.categoryCost(),
                        base.blend());
                long started = System.nanoTime();
                List<WriterCrossValidation.Scored> scored = WriterCrossValidation.score(settings, folds);
                long seconds = (System.nanoTime() - started) / 1_000_000_000;
                for (double blend : numbers(System.getProperty("lab.blends", "1,0.8"))) {
                    String name = String.format(
                            Locale.ROOT,
                            "weights %s C %.0f blend %.2f",
                            java.util.Arrays.toString(weights),
                            cost,
                            blend);
                    double shipped = BlockerDetector.DEFAULT_NUDGE_CONFIDENCE;
                    System.out.println(WriterCrossValidation.line(
                            name + " at " + shipped, WriterCrossValidation.measure(scored, blend, shipped)));
                    double chosen = WriterCrossValidation.lowestConfidence(scored, blend, 0.02);
                    System.out.println(WriterCrossValidation.line(
                            name + " at " + chosen + " (" + seconds + " s)",
                            WriterCrossValidation.measure(scored, blend, chosen)));
                }
            }
        }
    }

    /** The lowest nudge confidence that keeps validation false nudges at or under 2%, and the figures there. */
    private static void select(
            BlockerDetector rules, DetectionModel model, List<LabelledText> validation, String name) {
        for (int percent = 30; percent <= 95; percent++) {
            CorpusMetrics metrics = CorpusMetrics.measure(
                    rules.with(model, percent / 100.0).withRulesVeto(!Boolean.getBoolean("lab.noVeto")), validation);
            if (metrics.falseNudgeRate() <= 0.02) {
                String canonical = "";
                if (System.getProperty("lab.canonical") != null) {
                    try {
                        List<LabelledText> lines = load(Path.of(System.getProperty("lab.canonical")));
                        CorpusMetrics hard = CorpusMetrics.measure(rules.with(model, percent / 100.0), lines);
                        canonical = String.format(Locale.ROOT, " canonical %.3f", hard.accuracy());
                    } catch (IOException unreadable) {
                        throw new java.io.UncheckedIOException(unreadable);
                    }
                }
                System.out.println(String.format(
                        Locale.ROOT,
                        "%s: threshold %.2f macro-F1 %.3f false %.3f missed %.3f category %.3f%s",
                        name,
                        percent / 100.0,
                        metrics.macroF1(),
                        metrics.falseNudgeRate(),
                        metrics.missedNudgeRate(),
                        metrics.categoryAccuracy(),
                        canonical));
                return;
            }
        }
        System.out.println(name + ": no threshold keeps false nudges at 2%");
    }

    /** How often the rules' verdict is right, by the shape of its first reason. */
    private static void rulePrecision(List<LabelledText> messages) {
        BlockerDetector rules = BlockerDetector.rulesOnly();
        java.util.Map<String, int[]> counts = new java.util.TreeMap<>();
        for (LabelledText message : messages) {
            Classification verdict = rules.classify(message.text());
            String shape = verdict.label().wireName() + " | "
                    + verdict.reasons().get(0).replaceAll("'[^']*'", "''");
            int[] count = counts.computeIfAbsent(shape, key -> new int[2]);
            count[0]++;
            count[1] += verdict.label() == message.label() ? 1 : 0;
        }
        counts.forEach((shape, count) -> System.out.println(count[1] + "/" + count[0] + "  " + shape));
    }

    /** Category accuracy on true blockers: the rules' category, the category model's, and rules-then-model. */
    private static void category(List<LabelledText> messages) {
        BlockerDetector rules = BlockerDetector.rulesOnly();
        for (double cost : numbers(System.getProperty("lab.categoryCosts", "1,4,16"))) {
            DetectionModel.Settings base = DetectionModel.Settings.DEFAULT;
            DetectionModel.Settings settings =
                    new DetectionModel.Settings(base.bits(), base.weights(), base.labelCost(), cost, base.blend());
            DetectionModel model = DetectionModel.train(BlockerDetector.builtInCorpus(), null, settings, rules);
            int blockers = 0;
            int byRules = 0;
            int byModel = 0;
            int byBoth = 0;
            for (LabelledText message : messages) {
                if (message.category() == null) {
                    continue;
                }
                blockers++;
                Classification verdict = rules.classify(message.text());
                double[] probabilities =
                        model.categoryProbabilities(rules.featuresOf(message.text(), model.features()));
                int best = 0;
                for (int k = 1; k < probabilities.length; k++) {
                    best = probabilities[k] > probabilities[best] ? k : best;
                }
                Category learned = Category.values()[best];
                byRules += verdict.category() == message.category() ? 1 : 0;
                byModel += learned == message.category() ? 1 : 0;
                Category both = verdict.category() != null ? verdict.category() : learned;
                byBoth += both == message.category() ? 1 : 0;
            }
            System.out.printf(
                    Locale.ROOT,
                    "category C %.0f: %d blockers, rules %.3f, model %.3f, rules then model %.3f%n",
                    cost,
                    blockers,
                    (double) byRules / blockers,
                    (double) byModel / blockers,
                    (double) byBoth / blockers);
        }
    }

    /** Rules, model alone and the shipped combination on the three splits, with confusion matrices. */
    private static void report() {
        BlockerDetector shipped = BlockerDetector.withDefaultLexicon();
        BlockerDetector rules = BlockerDetector.rulesOnly();
        List<List<LabelledText>> splits = List.of(
                BlockerDetector.builtInCorpus(), Corpus.labelled(Corpus.validation()), Corpus.labelled(Corpus.test()));
        List<String> names = List.of("training", "validation", "test");
        for (int index = 0; index < splits.size(); index++) {
            List<LabelledText> split = splits.get(index);
            System.out.println(CorpusMetrics.measure(rules, split).summary(names.get(index) + ", rules alone"));
            BlockerDetector modelAlone = rules.with(
                            BlockerDetector.builtInModel().withBlend(1.0), shipped.nudgeConfidence())
                    .withRulesVeto(false);
            System.out.println(CorpusMetrics.measure(modelAlone, split).summary(names.get(index) + ", model alone"));
            System.out.println(CorpusMetrics.measure(shipped.withRulesVeto(false), split)
                    .summary(names.get(index) + ", blend without the rules' veto"));
            System.out.println(CorpusMetrics.measure(shipped, split).summary(names.get(index) + ", shipped"));
        }
    }

    /** A team's examples counted {@code repeat} times: the team's posts {@code from}.. (1-based, to 90) measured. */
    private static void repeat(int repeat, int to) {
        List<Corpus.LabelledMessage> team = Corpus.load("/detection/team/E1A.jsonl");
        List<LabelledText> examples = Corpus.labelled(team.subList(0, 45));
        List<LabelledText> measured = Corpus.labelled(team.subList(45, to));
        BlockerDetector rules = BlockerDetector.rulesOnly();
        DetectionModel model = BlockerDetector.trainWithExamples(
                Lexicon.readResource(BlockerDetector.DEFAULT_LEXICON),
                BlockerDetector.builtInCorpus(),
                examples,
                repeat);
        BlockerDetector taught = rules.with(model, BlockerDetector.DEFAULT_NUDGE_CONFIDENCE);
        System.out.println(CorpusMetrics.measure(BlockerDetector.withDefaultLexicon(), measured)
                .summary("built-in"));
        System.out.println(CorpusMetrics.measure(taught, measured).summary("repeat " + repeat));
    }

    private static void errors(List<LabelledText> validation) {
        BlockerDetector detector = BlockerDetector.withDefaultLexicon();
        System.out.println(CorpusMetrics.measure(detector, validation).summary("built-in"));
        for (LabelledText message : validation) {
            Classification verdict = detector.classify(message.text());
            if (verdict.label() != message.label()) {
                System.out.println("TRUE " + message.label().wireName() + " GOT "
                        + verdict.label().wireName() + " " + verdict.reasons());
                System.out.println("    " + message.text().replace("\n", " | "));
            }
        }
    }

    private static double[] numbers(String list) {
        return java.util.Arrays.stream(list.split(","))
                .mapToDouble(Double::parseDouble)
                .toArray();
    }

    static List<LabelledText> load(Path directory) throws IOException {
        List<LabelledText> messages = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".jsonl"))
                    .sorted()
                    .toList()) {
                messages.addAll(read(file));
            }
        }
        return messages;
    }

    static List<LabelledText> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return LabelledText.readLines(in, file.toString());
        }
    }
}
