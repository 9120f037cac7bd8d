package dev.ownership.bot.detection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Labels a standup post: does it report a blocker of the author's own, and did the author propose a next step?
 *
 * <p>Two halves decide together. Engineered rules read a section-aware, tokenised view of the raw Slack text, driven
 * by a lexicon of cue phrases an operator can override. A learned model (logistic regression over word and character
 * n-grams and the sections they stand in) is trained from the labelled corpus in the jar, and its probabilities are
 * blended with the rules' verdict; the rules decide alone when the author says nothing blocks them. A post is labelled {@code blocker_without_proposal}, and so
 * nudged, only when that label's blended probability reaches the nudge confidence. See {@code docs/DETECTION.md}.
 *
 * <p>Nothing is downloaded: the model is built with the jar, or at start when a team adds examples of its own.
 * Instances are immutable and thread-safe: share one across threads.
 */
public final class BlockerDetector {

    /** Names a lexicon file that replaces the built-in one. */
    public static final String LEXICON_VARIABLE = "OWNERSHIP_DETECTION_LEXICON";
    /** Names a JSON-lines file of a team's labelled examples, added to the training data at start. */
    public static final String EXAMPLES_VARIABLE = "OWNERSHIP_DETECTION_EXAMPLES";
    /** Names a model file written by the {@code train} command, loaded at start instead of the built-in model. */
    public static final String MODEL_VARIABLE = "OWNERSHIP_DETECTION_MODEL";
    /** The blended probability a post needs before it is labelled {@code blocker_without_proposal}. */
    public static final String CONFIDENCE_VARIABLE = "OWNERSHIP_NUDGE_CONFIDENCE";
    /**
     * The lowest that kept false nudges at or under 2% in cross-validation grouped by writer (docs/BENCHMARKS.md,
     * "Choices"): the validation split's three writers had allowed 0.55, which made 3.5% on new writers' text.
     */
    public static final double DEFAULT_NUDGE_CONFIDENCE = 0.64;
    /** Training at start peaks near 190 MiB of heap; serving alongside it needs the rest (docs/OPERATIONS.md). */
    static final long TRAINING_HEAP_MIB = 384;
    /** How many times each of a team's own examples counts against one corpus message. */
    static final int EXAMPLE_REPEAT = 3;

    static final String DEFAULT_LEXICON = "/detection/lexicon.json";
    static final String DEFAULT_MODEL = "/detection/model.bin";
    static final String CORPUS_INDEX = "/detection/corpus/index.txt";

    private static final Logger LOG = LoggerFactory.getLogger(BlockerDetector.class);
    private static final int LEARNED_CUES = 3;
    /** How often the rules were right when the author said nothing blocks them (311 of 313, see {@link #decide}). */
    private static final double VETO_CONFIDENCE = 0.99;

    private final Lexicon lexicon;
    private final ClauseReader reader;
    private final DetectionModel model;
    private final double nudgeConfidence;
    private final boolean rulesVeto;

    private BlockerDetector(Lexicon lexicon, DetectionModel model, double nudgeConfidence) {
        this(lexicon, model, nudgeConfidence, true);
    }

    private BlockerDetector(Lexicon lexicon, DetectionModel model, double nudgeConfidence, boolean rulesVeto) {
        this.lexicon = lexicon;
        this.reader = new ClauseReader(lexicon);
        this.model = model;
        this.nudgeConfidence = nudgeConfidence;
        this.rulesVeto = rulesVeto;
    }

    /** The detector that ships in the jar: the built-in lexicon and model, the default nudge confidence. */
    public static BlockerDetector withDefaultLexicon() {
        return new BlockerDetector(Lexicon.readResource(DEFAULT_LEXICON), builtInModel(), DEFAULT_NUDGE_CONFIDENCE);
    }

    /** The rules alone, with the built-in lexicon: no model, every verdict at confidence 1. */
    static BlockerDetector rulesOnly() {
        return rulesOnly(Lexicon.readResource(DEFAULT_LEXICON));
    }

    static BlockerDetector rulesOnly(Lexicon lexicon) {
        return new BlockerDetector(lexicon, null, DEFAULT_NUDGE_CONFIDENCE);
    }

    /** This detector with or without the rules' veto (see {@link #decide}), to measure what the veto is worth. */
    BlockerDetector withRulesVeto(boolean veto) {
        return new BlockerDetector(lexicon, model, nudgeConfidence, veto);
    }

    /** This detector's rules alone. */
    BlockerDetector withoutModel() {
        return new BlockerDetector(lexicon, null, nudgeConfidence);
    }

    /** This detector's rules with another model and nudge confidence (for training and measuring). */
    BlockerDetector with(DetectionModel otherModel, double otherConfidence) {
        return new BlockerDetector(lexicon, otherModel, otherConfidence, rulesVeto);
    }

    /**
     * A detector with an operator's lexicon: a complete file in the same format as the built-in one, with the
     * built-in model.
     *
     * @throws IllegalArgumentException when the file cannot be read or is not a valid lexicon
     */
    public static BlockerDetector fromLexicon(Path overrideFile) {
        return new BlockerDetector(readLexicon(overrideFile), builtInModel(), DEFAULT_NUDGE_CONFIDENCE);
    }

    /**
     * A detector configured by {@value #LEXICON_VARIABLE}, {@value #EXAMPLES_VARIABLE} and
     * {@value #CONFIDENCE_VARIABLE}; each unset one takes its default. With examples, the model is trained at once on
     * the built-in corpus and the examples.
     *
     * @throws IllegalArgumentException naming the variable when its value or file is missing or invalid
     */
    public static BlockerDetector fromEnvironment(Map<String, String> env) {
        Settings settings = Settings.of(env);
        DetectionModel model;
        if (settings.trainedModel() != null) {
            model = settings.trainedModel();
        } else if (settings.examples().isEmpty()) {
            model = builtInModel();
        } else {
            model = trainWithExamples(settings.lexicon(), settings.examples());
        }
        return new BlockerDetector(settings.lexicon(), model, settings.confidence());
    }

    /**
     * Checks the detection variables without training anything, so that start-up fails fast on a bad value.
     *
     * @throws IllegalArgumentException naming the variable when its value or file is missing or invalid
     */
    public static void checkEnvironment(Map<String, String> env) {
        Settings.of(env);
    }

    /** The nudge confidence this detector applies. */
    public double nudgeConfidence() {
        return nudgeConfidence;
    }

    /** Classifies raw Slack text; never throws: null, empty or unreadable text is {@link Label#NONE}. */
    public Classification classify(String slackText) {
        try {
            return classifyOrThrow(slackText);
        } catch (RuntimeException unexpected) {
            LOG.warn("Blocker detection failed on a message; treating it as no blocker", unexpected);
            return new Classification(Label.NONE, null, List.of("the message could not be read"), 0.5);
        }
    }

    /**
     * {@link #classify} without its safety net: an internal failure is thrown instead of read as {@link Label#NONE},
     * so that tests can tell a message the detector read from one it failed on.
     */
    Classification classifyOrThrow(String slackText) {
        Reading reading = read(slackText);
        return model == null ? reading.rules() : decide(slackText, reading);
    }

    /**
     * Whether a text, such as a thread reply or an edit, contains a concrete proposal by the rules (a next step, an
     * option or workaround, a directed ask), with or without a blocker cue. Never throws.
     */
    public boolean containsProposal(String slackText) {
        try {
            return containsProposalOrThrow(slackText);
        } catch (RuntimeException unexpected) {
            LOG.warn("Proposal detection failed on a message", unexpected);
            return false;
        }
    }

    /** {@link #containsProposal} without its safety net, for tests: an internal failure is thrown. */
    boolean containsProposalOrThrow(String slackText) {
        return StandupLayout.of(SlackText.statedLines(slackText), lexicon).stream()
                .flatMap(section -> section.items().stream())
                .flatMap(item -> item.clauses().stream())
                .anyMatch(clause -> !reader.proposals(clause.tokens()).isEmpty());
    }

    /** The features the model reads for a text, as this detector's rules see it. */
    TextFeatures.Vector featuresOf(String slackText, TextFeatures features) {
        return featuresOf(slackText, features, true);
    }

    /** The same for training: with or without the rules' verdict among the features, without readable names. */
    TextFeatures.Vector featuresOf(String slackText, TextFeatures features, boolean withRulesVerdict) {
        Reading reading = read(slackText);
        return features.extract(
                slackText, reading.lines(), reading.sections(), withRulesVerdict ? reading.rules() : null, false);
    }

    /** The rules' view of a message. */
    private record Reading(List<SlackText.Line> lines, List<StandupLayout.Section> sections, Classification rules) {}

    private Reading read(String slackText) {
        List<SlackText.Line> lines = SlackText.statedLines(slackText);
        List<StandupLayout.Section> sections = StandupLayout.of(lines, lexicon);
        Classification rules = new MessageJudge(lexicon, reader).judge(sections);
        return new Reading(lines, sections, rules);
    }

    /**
     * The blend of the rules' verdict and the model's probabilities, except that the rules have the last word when
     * the author says in so many words that nothing blocks them ("Blockers: none", "nothing blocking"): on the first
     * seventeen training batches, scored before any choice was made on them, that reading was right 311 times out of
     * 313, which no other reading of the rules came near.
     */
    private Classification decide(String slackText, Reading reading) {
        Classification rules = reading.rules();
        if (rulesVeto && saysNothingBlocks(rules)) {
            List<String> reasons = new ArrayList<>(rules.reasons());
            reasons.add(String.format(Locale.ROOT, "confidence %.2f", VETO_CONFIDENCE));
            return new Classification(Label.NONE, null, reasons, VETO_CONFIDENCE);
        }
        TextFeatures.Vector vector = model.features().extract(slackText, reading.lines(), reading.sections(), rules);
        double[] learned = model.labelProbabilities(vector);
        double blend = model.settings().blend();
        double[] blended = new double[learned.length];
        for (int k = 0; k < learned.length; k++) {
            blended[k] = blend * learned[k] + (1 - blend) * (rules.label().ordinal() == k ? 1 : 0);
        }
        Label label = labelFor(blended, nudgeConfidence);
        // The category model was right on 87% of the validation blockers, the rules' category on 55%.
        Category category = label == Label.NONE ? null : likeliestCategory(vector);
        List<String> reasons = reasons(rules, label, category, blended[label.ordinal()], vector);
        return new Classification(label, category, reasons, blended[label.ordinal()]);
    }

    static boolean saysNothingBlocks(Classification rules) {
        return rules.label() == Label.NONE
                && rules.reasons().stream()
                        .anyMatch(reason -> reason.endsWith("nothing is blocking")
                                || reason.endsWith("the author reports no blockers")
                                || reason.equals("the Blockers section is empty"));
    }

    /**
     * The likeliest label, except that {@code blocker_without_proposal} must reach the nudge confidence: below it, the
     * likelier of the other two is the verdict (a nudge in doubt costs more than a missed one).
     */
    static Label labelFor(double[] probabilities, double nudgeConfidence) {
        Label best = Label.NONE;
        for (Label label : Label.values()) {
            if (probabilities[label.ordinal()] > probabilities[best.ordinal()]) {
                best = label;
            }
        }
        if (best == Label.BLOCKER_WITHOUT_PROPOSAL && probabilities[best.ordinal()] < nudgeConfidence) {
            return probabilities[Label.BLOCKER_WITH_PROPOSAL.ordinal()] > probabilities[Label.NONE.ordinal()]
                    ? Label.BLOCKER_WITH_PROPOSAL
                    : Label.NONE;
        }
        return best;
    }

    private Category likeliestCategory(TextFeatures.Vector vector) {
        double[] probabilities = model.categoryProbabilities(vector);
        Category best = Category.OTHER;
        for (Category category : Category.values()) {
            if (probabilities[category.ordinal()] > probabilities[best.ordinal()]) {
                best = category;
            }
        }
        return best;
    }

    private List<String> reasons(
            Classification rules, Label label, Category category, double confidence, TextFeatures.Vector vector) {
        List<String> reasons = new ArrayList<>();
        if (rules.label() == label) {
            rules.reasons().stream()
                    .filter(reason -> !reason.startsWith("category: "))
                    .forEach(reasons::add);
        } else {
            reasons.add(String.format(
                    Locale.ROOT,
                    "the learned model reads %s (the rules alone: %s)",
                    describe(label),
                    describe(rules.label())));
        }
        List<String> cues = strongestCues(vector, label);
        if (!cues.isEmpty()) {
            reasons.add("learned cues: " + String.join(", ", cues));
        }
        reasons.add(String.format(Locale.ROOT, "confidence %.2f", confidence));
        if (category != null) {
            reasons.add("category: " + category.displayName());
        }
        return reasons;
    }

    private static String describe(Label label) {
        return switch (label) {
            case NONE -> "no blocker";
            case BLOCKER_WITH_PROPOSAL -> "a blocker with a next step";
            case BLOCKER_WITHOUT_PROPOSAL -> "a blocker without a next step";
        };
    }

    /** The message's word n-grams that pushed hardest towards the label, as the author wrote them. */
    private List<String> strongestCues(TextFeatures.Vector vector, Label label) {
        record Contribution(String words, double weight) {}
        List<Contribution> contributions = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (TextFeatures.NamedSlot named : vector.wordNames()) {
            if (!seen.add(named.name())) {
                continue;
            }
            double weight = 0;
            for (Label other : Label.values()) {
                double difference = model.labelWeight(named.slot(), label) - model.labelWeight(named.slot(), other);
                weight += other == label ? 0 : difference;
            }
            if (weight > 0) {
                contributions.add(new Contribution(named.name(), weight));
            }
        }
        contributions.sort((left, right) -> Double.compare(right.weight(), left.weight()));
        List<String> cues = new ArrayList<>();
        for (Contribution contribution : contributions) {
            boolean covered = cues.stream()
                    .anyMatch(cue -> cue.contains(contribution.words())
                            || contribution.words().contains(cue));
            if (!covered) {
                cues.add(contribution.words());
            }
            if (cues.size() == LEARNED_CUES) {
                break;
            }
        }
        return cues.stream().map(cue -> "'" + cue + "'").toList();
    }

    static DetectionModel builtInModel() {
        try (InputStream in = BlockerDetector.class.getResourceAsStream(DEFAULT_MODEL)) {
            if (in == null) {
                throw new IllegalStateException("The built-in detection model " + DEFAULT_MODEL
                        + " is missing from the classpath; build with ./mvnw package");
            }
            return DetectionModel.read(in);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The built-in detection model cannot be read", unreadable);
        }
    }

    /** The batch files of the training corpus, as {@code detection/corpus/index.txt} lists them. */
    static List<String> corpusFiles() {
        return resourceLines(CORPUS_INDEX).stream()
                .map(name -> "/detection/corpus/" + name)
                .toList();
    }

    /** The labelled corpus the built-in model is trained on, from the jar. */
    static List<LabelledText> builtInCorpus() {
        List<LabelledText> corpus = new ArrayList<>();
        for (String resource : corpusFiles()) {
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            try (InputStream in = BlockerDetector.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing training corpus " + resource);
                }
                List<LabelledText> batch = LabelledText.readLines(in, resource);
                // P0 is the project's own first corpus, which the rules were developed on.
                corpus.addAll(
                        name.startsWith("P0-")
                                ? batch.stream().map(LabelledText::tunedOn).toList()
                                : batch);
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
        return corpus;
    }

    private static List<String> resourceLines(String resource) {
        try (InputStream in = BlockerDetector.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Trains the model on the built-in corpus plus a team's examples, each counted {@value #EXAMPLE_REPEAT} times. */
    static DetectionModel trainWithExamples(Lexicon lexicon, List<LabelledText> examples) {
        return trainWithExamples(lexicon, builtInCorpus(), examples, EXAMPLE_REPEAT);
    }

    /** Trains the model on {@code corpus} plus a team's examples, each counted {@code repeat} times. */
    static DetectionModel trainWithExamples(
            Lexicon lexicon, List<LabelledText> corpus, List<LabelledText> examples, int repeat) {
        List<LabelledText> messages = new ArrayList<>(corpus);
        List<Integer> repeats = new ArrayList<>(Collections.nCopies(messages.size(), 1));
        messages.addAll(examples);
        repeats.addAll(Collections.nCopies(examples.size(), repeat));
        long started = System.nanoTime();
        DetectionModel trained =
                DetectionModel.train(messages, repeats, DetectionModel.Settings.DEFAULT, rulesOnly(lexicon));
        LOG.info(
                "Blocker detection trained on {} corpus messages and {} examples of your own in {} ms",
                messages.size() - examples.size(),
                examples.size(),
                (System.nanoTime() - started) / 1_000_000);
        return trained;
    }

    private static Lexicon readLexicon(Path overrideFile) {
        Objects.requireNonNull(overrideFile, "overrideFile");
        try (InputStream in = Files.newInputStream(overrideFile)) {
            return Lexicon.read(in);
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("Cannot read lexicon " + overrideFile + ": " + unreadable, unreadable);
        }
    }

    /** The lexicon {@value #LEXICON_VARIABLE} names, or the built-in one. */
    static Lexicon lexiconOf(Map<String, String> env) {
        return Settings.lexicon(Objects.requireNonNull(env, "env"));
    }

    /**
     * A file of labelled examples, read and checked.
     *
     * @throws IllegalArgumentException naming the file and line when it cannot be used
     */
    static List<LabelledText> readExamples(Path file) {
        List<LabelledText> examples;
        try (InputStream in = Files.newInputStream(file)) {
            examples = LabelledText.readLines(in, file.toString());
        } catch (IOException | UncheckedIOException unreadable) {
            throw new IllegalArgumentException("cannot read " + file + " ("
                    + unreadable.getClass().getSimpleName() + ": " + unreadable.getMessage() + ")");
        }
        if (examples.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no examples");
        }
        return examples;
    }

    /** The detection variables, read and checked; {@code trainedModel} is null unless one is named. */
    private record Settings(
            Lexicon lexicon, List<LabelledText> examples, DetectionModel trainedModel, double confidence) {

        static Settings of(Map<String, String> env) {
            Objects.requireNonNull(env, "env");
            DetectionModel trained = trainedModel(env);
            List<LabelledText> examples = examples(env);
            if (trained != null && !examples.isEmpty()) {
                throw new IllegalArgumentException(MODEL_VARIABLE + " and " + EXAMPLES_VARIABLE
                        + " are both set: a model from `train` already holds its examples; set only one");
            }
            return new Settings(lexicon(env), examples, trained, confidence(env));
        }

        private static DetectionModel trainedModel(Map<String, String> env) {
            String path = env.get(MODEL_VARIABLE);
            if (path == null || path.isBlank()) {
                return null;
            }
            Path file = Path.of(path.strip());
            try (InputStream in = Files.newInputStream(file)) {
                DetectionModel model = DetectionModel.read(in);
                LOG.info("Blocker detection uses the model in {}", file);
                return model;
            } catch (IOException | RuntimeException unreadable) {
                throw new IllegalArgumentException(MODEL_VARIABLE + ": cannot use " + file + " ("
                        + unreadable.getClass().getSimpleName() + ": " + unreadable.getMessage()
                        + "); write one with `java -jar ownership-bot.jar train EXAMPLES MODEL`");
            }
        }

        private static Lexicon lexicon(Map<String, String> env) {
            String path = env.get(LEXICON_VARIABLE);
            if (path == null || path.isBlank()) {
                return Lexicon.readResource(DEFAULT_LEXICON);
            }
            try {
                Lexicon lexicon = readLexicon(Path.of(path.strip()));
                LOG.info("Blocker detection uses the lexicon in {}", path.strip());
                return lexicon;
            } catch (RuntimeException invalid) {
                throw new IllegalArgumentException(LEXICON_VARIABLE + ": " + invalid.getMessage(), invalid);
            }
        }

        private static List<LabelledText> examples(Map<String, String> env) {
            String path = env.get(EXAMPLES_VARIABLE);
            if (path == null || path.isBlank()) {
                return List.of();
            }
            List<LabelledText> examples;
            try {
                examples = readExamples(Path.of(path.strip()));
            } catch (IllegalArgumentException unusable) {
                throw new IllegalArgumentException(EXAMPLES_VARIABLE + ": " + unusable.getMessage(), unusable);
            }
            long heapMiB = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            if (heapMiB < TRAINING_HEAP_MIB) {
                throw new IllegalArgumentException(EXAMPLES_VARIABLE + ": training on your examples at start needs a"
                        + " heap of at least " + TRAINING_HEAP_MIB + " MiB and this JVM has " + heapMiB
                        + " MiB; raise -Xmx or the container's memory limit, or train once with"
                        + " `java -jar ownership-bot.jar train EXAMPLES MODEL` and set " + MODEL_VARIABLE);
            }
            return examples;
        }

        private static double confidence(Map<String, String> env) {
            String value = env.get(CONFIDENCE_VARIABLE);
            if (value == null || value.isBlank()) {
                return DEFAULT_NUDGE_CONFIDENCE;
            }
            try {
                double confidence = Double.parseDouble(value.strip());
                if (confidence >= 0 && confidence <= 1) {
                    return confidence;
                }
            } catch (NumberFormatException notANumber) {
                // answered below
            }
            throw new IllegalArgumentException(
                    CONFIDENCE_VARIABLE + ": expected a number from 0 to 1, e.g. 0.5, not '" + value.strip() + "'");
        }
    }
}
