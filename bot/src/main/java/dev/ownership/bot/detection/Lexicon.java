package dev.ownership.bot.detection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The detector's word lists and thresholds, read from a JSON lexicon file and compiled into phrase families.
 *
 * <p>The file format is documented in {@code docs/DETECTION.md}; every key is required, unknown keys are refused so
 * that an operator's typo fails loudly instead of silently disabling a rule.
 */
final class Lexicon {

    /** How a blocker cue relates to the author. */
    enum CueKind {
        /** The word itself says blocked ("blocked", "stuck"); the author must be the one blocked. */
        EXPLICIT,
        /** A state of the author's ("waiting on", "can't", "no access"); the author must be the one in it. */
        STATE,
        /** Someone else has not acted ("hasn't replied", "still no answer"); whoever the subject is. */
        AGENT,
        /** Something is broken ("is down", "fails"); a blocker only with support (section, topic, a plea). */
        PROBLEM,
        /** Effort without a stop ("struggling with"); a blocker only with support, like a problem. */
        WEAK
    }

    /** What a blocker cue means; {@code category} may be null when the topic words decide. */
    record Cue(CueKind kind, Category category, int weight) {

        boolean needsSupport() {
            return kind == CueKind.PROBLEM || kind == CueKind.WEAK;
        }

        boolean concernsAuthor() {
            return kind == CueKind.EXPLICIT || kind == CueKind.STATE || kind == CueKind.WEAK;
        }
    }

    /** Topic words that point to a category, with how much they count. */
    record Topic(Category category, int weight) {}

    /** The kinds of standup section a heading can open. */
    enum SectionKind {
        NONE,
        PAST,
        PLAN,
        BLOCKERS,
        NOTES
    }

    /** Numbers an operator may tune. */
    record Thresholds(
            int gapTokens,
            int subjectLookbackTokens,
            int minTypoLength,
            int headingMaxTokens,
            int topicOverlapMinLength,
            int mentionPersonWeight) {}

    private static final Set<String> KEYS = Set.of(
            "description",
            "thresholds",
            "spelling",
            "plainWords",
            "wordClasses",
            "sections",
            "emptySection",
            "references",
            "negation",
            "otherSenses",
            "authorIsBlocker",
            "resolved",
            "resolvedGuards",
            "past",
            "ongoing",
            "hypothetical",
            "workDone",
            "workInProgress",
            "thirdPartySubjects",
            "firstPerson",
            "subjectBoundaries",
            "blockerCues",
            "topics",
            "categoryPrecedence",
            "helpSeeking",
            "nextStepMarkers",
            "passiveVerbs",
            "verbSkips",
            "proposals",
            "requestMarkers",
            "addressees",
            "passive",
            "deflection",
            "unblocking",
            "stopwords");

    private static final List<String> REQUIRED_CLASSES = List.of("teamnouns", "impersonal", "subordinate");

    final Thresholds thresholds;
    final Map<String, Set<String>> wordClasses;
    final Map<SectionKind, Set<String>> sectionWords;
    final Set<String> headingFillers;
    final Set<String> leadWords;
    final Set<String> bareStates;
    final PhraseSet<String> emptySection;
    final PhraseSet<String> references;
    final PhraseSet<String> negation;
    final PhraseSet<String> otherSenses;
    final PhraseSet<String> authorIsBlocker;
    final PhraseSet<String> resolved;
    final Set<String> resolvedGuards;
    final PhraseSet<String> past;
    final Set<String> ongoing;
    final PhraseSet<String> hypothetical;
    final PhraseSet<String> workDone;
    final PhraseSet<String> workInProgress;
    final Set<String> thirdPartySubjects;
    final Set<String> firstPerson;
    final Set<String> subjectBoundaries;
    final PhraseSet<Cue> blockerCues;
    final PhraseSet<Topic> topics;
    final List<Category> categoryPrecedence;
    final PhraseSet<String> helpSeeking;
    final PhraseSet<String> nextStepMarkers;
    final Set<String> passiveVerbs;
    final Set<String> verbSkips;
    final PhraseSet<String> proposals;
    final PhraseSet<String> requestMarkers;
    final PhraseSet<String> addressees;
    final PhraseSet<String> passive;
    final PhraseSet<String> deflection;
    final PhraseSet<String> unblocking;
    final Set<String> stopwords;
    final Tokenizer tokenizer;

    private final Set<String> vocabulary = new HashSet<>();

    private Lexicon(JsonNode root) {
        rejectUnknownKeys(root);
        thresholds = thresholds(required(root, "thresholds"));
        wordClasses = wordClasses(required(root, "wordClasses"));
        JsonNode sections = required(root, "sections");
        sectionWords = new EnumMap<>(SectionKind.class);
        sectionWords.put(SectionKind.PAST, words(sections, "past"));
        sectionWords.put(SectionKind.PLAN, words(sections, "plan"));
        sectionWords.put(SectionKind.BLOCKERS, words(sections, "blockers"));
        sectionWords.put(SectionKind.NOTES, words(sections, "notes"));
        headingFillers = words(sections, "fillers");
        leadWords = words(sections, "leadWords");
        bareStates = words(sections, "bareStates");
        emptySection = phrases(root, "emptySection");
        references = phrases(root, "references");
        negation = phrases(root, "negation");
        otherSenses = phrases(root, "otherSenses");
        authorIsBlocker = phrases(root, "authorIsBlocker");
        resolved = phrases(root, "resolved");
        resolvedGuards = words(root, "resolvedGuards");
        past = phrases(root, "past");
        ongoing = words(root, "ongoing");
        hypothetical = phrases(root, "hypothetical");
        workDone = phrases(root, "workDone");
        workInProgress = phrases(root, "workInProgress");
        thirdPartySubjects = words(root, "thirdPartySubjects");
        firstPerson = words(root, "firstPerson");
        subjectBoundaries = words(root, "subjectBoundaries");
        blockerCues = blockerCues(required(root, "blockerCues"));
        topics = topics(required(root, "topics"));
        categoryPrecedence = categoryPrecedence(required(root, "categoryPrecedence"));
        helpSeeking = phrases(root, "helpSeeking");
        nextStepMarkers = phrases(root, "nextStepMarkers");
        passiveVerbs = words(root, "passiveVerbs");
        verbSkips = words(root, "verbSkips");
        proposals = phrases(root, "proposals");
        requestMarkers = phrases(root, "requestMarkers");
        addressees = phrases(root, "addressees");
        passive = phrases(root, "passive");
        deflection = phrases(root, "deflection");
        unblocking = phrases(root, "unblocking");
        stopwords = words(root, "stopwords");
        Set<String> plainWords = words(root, "plainWords");
        tokenizer = new Tokenizer(
                new Spelling(spelling(required(root, "spelling")), vocabulary, plainWords, thresholds.minTypoLength()));
    }

    /**
     * Reads and compiles a lexicon.
     *
     * @throws IllegalArgumentException when the JSON is malformed, a key is missing or unknown, or a phrase is invalid
     */
    static Lexicon read(InputStream json) {
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("Lexicon: expected a JSON object");
            }
            return new Lexicon(root);
        } catch (IOException malformed) {
            throw new IllegalArgumentException("Lexicon: malformed JSON: " + malformed.getMessage(), malformed);
        }
    }

    static Lexicon readResource(String name) {
        try (InputStream in = Lexicon.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + name);
            }
            return read(in);
        } catch (IOException closing) {
            throw new UncheckedIOException(closing);
        }
    }

    private static void rejectUnknownKeys(JsonNode root) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new IllegalArgumentException("Lexicon: unknown key '" + name + "'");
            }
        }
        for (String key : KEYS) {
            if (!key.equals("description")) {
                required(root, key);
            }
        }
    }

    private static JsonNode required(JsonNode parent, String key) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("Lexicon: missing '" + key + "'");
        }
        return node;
    }

    private static Thresholds thresholds(JsonNode node) {
        return new Thresholds(
                positiveInt(node, "gapTokens"),
                positiveInt(node, "subjectLookbackTokens"),
                positiveInt(node, "minTypoLength"),
                positiveInt(node, "headingMaxTokens"),
                positiveInt(node, "topicOverlapMinLength"),
                positiveInt(node, "mentionPersonWeight"));
    }

    private static int positiveInt(JsonNode parent, String key) {
        JsonNode node = required(parent, key);
        if (!node.canConvertToInt() || node.asInt() < 0) {
            throw new IllegalArgumentException("Lexicon: '" + key + "' must be a non-negative integer");
        }
        return node.asInt();
    }

    private static List<String> strings(JsonNode parent, String key) {
        JsonNode node = required(parent, key);
        if (!node.isArray()) {
            throw new IllegalArgumentException("Lexicon: '" + key + "' must be a list of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual() || element.asText().isBlank()) {
                throw new IllegalArgumentException("Lexicon: '" + key + "' must hold non-empty strings");
            }
            values.add(element.asText().trim().toLowerCase(Locale.ROOT));
        }
        return values;
    }

    private Set<String> words(JsonNode parent, String key) {
        Set<String> words = Set.copyOf(strings(parent, key));
        vocabulary.addAll(words);
        return words;
    }

    /** Word class names are case-insensitive: phrases are lower-cased like everything else. */
    private Map<String, Set<String>> wordClasses(JsonNode node) {
        Map<String, Set<String>> classes = new HashMap<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            classes.put(name.toLowerCase(Locale.ROOT), words(node, name));
        }
        for (String required : REQUIRED_CLASSES) {
            if (!classes.containsKey(required)) {
                throw new IllegalArgumentException("Lexicon: 'wordClasses' must define '" + required + "'");
            }
        }
        return Map.copyOf(classes);
    }

    Set<String> wordClass(String name) {
        return wordClasses.get(name.toLowerCase(Locale.ROOT));
    }

    private PhraseSet<String> phrases(JsonNode parent, String key) {
        PhraseSet<String> set = new PhraseSet<>();
        for (String phrase : strings(parent, key)) {
            addPhrase(set, phrase, key, key);
        }
        return set;
    }

    private <T> void addPhrase(PhraseSet<T> set, String phrase, T payload, String key) {
        try {
            set.add(phrase, payload, wordClasses, thresholds.gapTokens());
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("Lexicon: in '" + key + "': " + invalid.getMessage(), invalid);
        }
        vocabulary.addAll(set.vocabulary());
    }

    private PhraseSet<Cue> blockerCues(JsonNode node) {
        PhraseSet<Cue> set = new PhraseSet<>();
        for (JsonNode family : node) {
            CueKind kind = enumValue(CueKind.class, required(family, "kind").asText(), "blockerCues.kind");
            Category category = optionalCategory(family);
            int weight = positiveInt(family, "weight");
            Cue cue = new Cue(kind, category, weight);
            for (String phrase : strings(family, "phrases")) {
                addPhrase(set, phrase, cue, "blockerCues");
            }
        }
        return set;
    }

    private PhraseSet<Topic> topics(JsonNode node) {
        PhraseSet<Topic> set = new PhraseSet<>();
        for (JsonNode family : node) {
            Category category =
                    Category.fromWireName(required(family, "category").asText());
            Topic topic = new Topic(category, positiveInt(family, "weight"));
            for (String phrase : strings(family, "phrases")) {
                addPhrase(set, phrase, topic, "topics");
            }
        }
        return set;
    }

    private static Category optionalCategory(JsonNode family) {
        JsonNode category = family.get("category");
        return category == null || category.isNull() ? null : Category.fromWireName(category.asText());
    }

    private static List<Category> categoryPrecedence(JsonNode node) {
        List<Category> order = new ArrayList<>();
        for (JsonNode element : node) {
            order.add(Category.fromWireName(element.asText()));
        }
        if (!new HashSet<>(order).containsAll(List.of(Category.values()))) {
            throw new IllegalArgumentException("Lexicon: 'categoryPrecedence' must list every category");
        }
        return List.copyOf(order);
    }

    private static Map<String, List<String>> spelling(JsonNode node) {
        Map<String, List<String>> table = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String replacement = field.getValue().asText().trim().toLowerCase(Locale.ROOT);
            if (replacement.isEmpty()) {
                throw new IllegalArgumentException("Lexicon: empty spelling for '" + field.getKey() + "'");
            }
            table.put(field.getKey().toLowerCase(Locale.ROOT), List.of(replacement.split("\\s+")));
        }
        return table;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String key) {
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("Lexicon: unknown " + key + " '" + name + "'", unknown);
        }
    }
}
