package dev.ownership.bot.detection;

import dev.ownership.bot.detection.StandupLayout.Clause;
import dev.ownership.bot.detection.StandupLayout.Item;
import dev.ownership.bot.detection.StandupLayout.Section;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a message into the sparse feature vector the learned model reads: word 1–3-grams of the normalised words,
 * section-aware word 1–2-grams ("in the Blockers section: waiting"), character 2–5-grams within words, emoji names,
 * a coarse length, and (when its weight is not zero) the rules' verdict and the shapes of their reasons. The built-in
 * model gives the rules' family no weight: measured, it did not help (docs/BENCHMARKS.md).
 *
 * <p>Features are hashed into {@code 2^bits} slots (no vocabulary to ship or keep in step). Each family is weighted
 * and normalised to that weight's length, so that a long message does not outvote a short one by sheer count.
 *
 * <p>Instances are immutable and thread-safe.
 */
final class TextFeatures {

    /** How strongly each feature family counts; chosen on the validation split (see docs/BENCHMARKS.md). */
    record Weights(double words, double sections, double characters, double rules) {}

    /**
     * A sparse vector: {@code indices} strictly increasing, one value each. {@code wordNames} maps the readable word
     * n-grams of the message to their slots, to explain a decision.
     */
    record Vector(int[] indices, float[] values, List<NamedSlot> wordNames) {
        Vector {
            wordNames = List.copyOf(wordNames);
        }
    }

    /** A readable feature and its slot. */
    record NamedSlot(String name, int slot) {}

    private static final Pattern RAW_EMOJI = Pattern.compile(":([a-z0-9+\\-][a-z0-9_+\\-']*):");
    private static final Pattern FENCED_CODE = Pattern.compile("```.*?```", Pattern.DOTALL);
    private static final Pattern QUOTED_REASON_PART = Pattern.compile("'[^']*'");
    private static final int SEED_WORD = 0x01000193;
    private static final int SEED_SECTION = 0x2545F491;
    private static final int SEED_CHAR = 0x6C8E9CF5;
    private static final int SEED_RULE = 0x7FEB352D;
    private static final int SEED_EMOJI = 0x27D4EB2F;

    private final int bits;
    private final Weights weights;

    TextFeatures(int bits, Weights weights) {
        if (bits < 10 || bits > 24) {
            throw new IllegalArgumentException("bits must be 10..24: " + bits);
        }
        this.bits = bits;
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    int dimension() {
        return 1 << bits;
    }

    int bits() {
        return bits;
    }

    Weights weights() {
        return weights;
    }

    /**
     * The features of one message.
     *
     * @param raw the raw Slack text
     * @param lines the lines the author stated (see {@link SlackText#statedLines})
     * @param sections the same lines laid out in sections
     * @param rules the rules' verdict on the message, or {@code null} to leave the rules' features out
     */
    Vector extract(String raw, List<SlackText.Line> lines, List<Section> sections, Classification rules) {
        return extract(raw, lines, sections, rules, true);
    }

    /** The same, without the readable names of the word n-grams when {@code named} is false (for training). */
    Vector extract(
            String raw, List<SlackText.Line> lines, List<Section> sections, Classification rules, boolean named) {
        Family words = new Family();
        Family sectioned = new Family();
        Family characters = new Family();
        Family ruleFamily = new Family();
        List<NamedSlot> names = new ArrayList<>();
        for (Section section : sections) {
            String kind = section.kind().name().toLowerCase(Locale.ROOT);
            for (Item item : section.items()) {
                for (Clause clause : item.clauses()) {
                    addWordGrams(clause.tokens(), kind, words, sectioned, names);
                }
            }
            sectioned.add(slot(SEED_SECTION, "has:" + kind));
        }
        for (SlackText.Line line : lines) {
            addCharacterGrams(line.text().toLowerCase(Locale.ROOT), characters);
        }
        sectioned.add(slot(SEED_SECTION, "length:" + lengthBucket(names.size())));
        addEmoji(raw, words);
        if (rules != null && weights.rules() > 0) {
            addRules(rules, ruleFamily);
        }
        return combine(named ? names : List.of(), words, sectioned, characters, ruleFamily);
    }

    private void addWordGrams(List<Token> tokens, String kind, Family words, Family sectioned, List<NamedSlot> names) {
        List<String> run = new ArrayList<>();
        for (Token token : tokens) {
            if (token.isBreak()) {
                addRun(run, kind, words, sectioned, names);
                run.clear();
            } else {
                run.add(normalised(token));
            }
        }
        addRun(run, kind, words, sectioned, names);
    }

    private void addRun(List<String> run, String kind, Family words, Family sectioned, List<NamedSlot> names) {
        for (int start = 0; start < run.size(); start++) {
            StringBuilder gram = new StringBuilder();
            for (int length = 1; length <= 3 && start + length <= run.size(); length++) {
                if (length > 1) {
                    gram.append(' ');
                }
                gram.append(run.get(start + length - 1));
                String name = gram.toString();
                int slot = slot(SEED_WORD, name);
                words.add(slot);
                names.add(new NamedSlot(name, slot));
                if (length <= 2) {
                    sectioned.add(slot(SEED_SECTION, kind + ":" + name));
                }
            }
        }
    }

    /** How long the message is, coarsely: a one-word post is read differently from a report. */
    private static String lengthBucket(int wordGrams) {
        if (wordGrams <= 3) {
            return "tiny";
        }
        if (wordGrams <= 12) {
            return "short";
        }
        return wordGrams <= 60 ? "medium" : "long";
    }

    private static String normalised(Token token) {
        if (token.isMention()) {
            return "@someone";
        }
        String text = token.text();
        boolean digits = false;
        for (int index = 0; index < text.length() && !digits; index++) {
            digits = Character.isDigit(text.charAt(index));
        }
        return digits ? text.replaceAll("\\d+", "0") : text;
    }

    /** Character 2–5-grams inside each word, padded with spaces, hashed without building strings. */
    private void addCharacterGrams(String line, Family characters) {
        int index = 0;
        int length = line.length();
        while (index < length) {
            while (index < length && Character.isWhitespace(line.charAt(index))) {
                index++;
            }
            int end = index;
            while (end < length && !Character.isWhitespace(line.charAt(end))) {
                end++;
            }
            if (end > index) {
                addWordCharacters(line, index, end, characters);
            }
            index = end;
        }
    }

    private void addWordCharacters(String line, int start, int end, Family characters) {
        // positions start-1 and end stand for the padding spaces around the word
        for (int from = start - 1; from < end; from++) {
            int hash = SEED_CHAR;
            for (int length = 1; length <= 5 && from + length - 1 <= end; length++) {
                int position = from + length - 1;
                char character = position < start || position >= end ? ' ' : digitless(line.charAt(position));
                hash = (hash ^ character) * 0x01000193;
                if (length >= 2) {
                    characters.add(mix(hash + length) >>> (32 - bits));
                }
            }
        }
    }

    private static char digitless(char character) {
        return Character.isDigit(character) ? '0' : character;
    }

    private void addEmoji(String raw, Family family) {
        if (raw == null) {
            return;
        }
        Matcher emoji = RAW_EMOJI.matcher(FENCED_CODE.matcher(raw).replaceAll(" "));
        while (emoji.find()) {
            family.add(slot(SEED_EMOJI, emoji.group(1)));
        }
    }

    private void addRules(Classification rules, Family family) {
        family.add(slot(SEED_RULE, "label:" + rules.label().wireName()));
        if (rules.category() != null) {
            family.add(slot(SEED_RULE, "category:" + rules.category().wireName()));
        }
        for (String reason : rules.reasons()) {
            if (!reason.startsWith("category: ")) {
                family.add(slot(
                        SEED_RULE,
                        "reason:" + QUOTED_REASON_PART.matcher(reason).replaceAll("''")));
            }
        }
    }

    private Vector combine(List<NamedSlot> names, Family... families) {
        double[] familyWeights = {weights.words(), weights.sections(), weights.characters(), weights.rules()};
        int total = 0;
        for (Family family : families) {
            family.distinct();
            total += family.size;
        }
        long[] packed = new long[total];
        int next = 0;
        for (int which = 0; which < families.length; which++) {
            Family family = families[which];
            float value = family.size == 0 ? 0f : (float) (familyWeights[which] / Math.sqrt(family.size));
            for (int index = 0; index < family.size; index++) {
                packed[next++] = ((long) family.slots[index] << 32) | Float.floatToRawIntBits(value) & 0xFFFFFFFFL;
            }
        }
        Arrays.sort(packed);
        int[] indices = new int[total];
        float[] values = new float[total];
        int size = 0;
        for (long entry : packed) {
            int slot = (int) (entry >>> 32);
            float value = Float.intBitsToFloat((int) entry);
            if (value == 0f) {
                continue;
            }
            if (size > 0 && indices[size - 1] == slot) {
                values[size - 1] += value;
            } else {
                indices[size] = slot;
                values[size] = value;
                size++;
            }
        }
        return new Vector(Arrays.copyOf(indices, size), Arrays.copyOf(values, size), names);
    }

    private int slot(int seed, String name) {
        return mix(seed ^ name.hashCode() * 0x9E3779B1) >>> (32 - bits);
    }

    /** The finaliser of MurmurHash3: spreads a weak hash over all bits. */
    private static int mix(int hash) {
        int mixed = hash;
        mixed ^= mixed >>> 16;
        mixed *= 0x85EBCA6B;
        mixed ^= mixed >>> 13;
        mixed *= 0xC2B2AE35;
        mixed ^= mixed >>> 16;
        return mixed;
    }

    /** The slots one family of features lit, as a growable set. Not thread-safe. */
    private static final class Family {
        int[] slots = new int[64];
        int size;

        void add(int slot) {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
            }
            slots[size++] = slot;
        }

        void distinct() {
            Arrays.sort(slots, 0, size);
            int unique = 0;
            for (int index = 0; index < size; index++) {
                if (unique == 0 || slots[unique - 1] != slots[index]) {
                    slots[unique++] = slots[index];
                }
            }
            size = unique;
        }
    }
}
