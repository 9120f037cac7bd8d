package dev.ownership.bot.detection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lexicon phrase compiled into slots that match consecutive tokens.
 *
 * <p>Syntax, one slot per space-separated element: {@code word}; alternatives {@code a|b|c}; a prefix {@code block*};
 * a suffix {@code *ing}; several words as one alternative joined by underscores {@code do_not|does_not}; a word class {@code {self}} from the
 * lexicon's {@code wordClasses}; {@code {mention}} for a person or team mention;
 * {@code {any}} for any one word; {@code ...} for a gap of up to {@code gapTokens} words; a trailing {@code ?} makes a
 * slot optional ({@code the?}); a leading {@code ^} anchors the phrase at the start of a clause.
 * Phrases never match across punctuation such as commas or dashes.
 */
final class PhrasePattern {

    private static final String CLAUSE_START = "^";

    private final String source;
    private final List<Slot> slots;
    private final int gapTokens;
    private final boolean anchored;

    private PhrasePattern(String source, List<Slot> slots, int gapTokens, boolean anchored) {
        this.source = source;
        this.slots = List.copyOf(slots);
        this.gapTokens = gapTokens;
        this.anchored = anchored;
    }

    /**
     * Compiles a phrase; a leading optional slot yields two patterns, with and without it.
     *
     * @throws IllegalArgumentException when the phrase is malformed or names an unknown word class
     */
    static List<PhrasePattern> compile(String source, Map<String, Set<String>> wordClasses, int gapTokens) {
        String trimmed = source == null ? "" : source.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("Empty phrase");
        }
        String[] elements = trimmed.split("\\s+");
        boolean anchored = elements[0].equals(CLAUSE_START);
        List<Slot> slots = new ArrayList<>();
        for (int index = anchored ? 1 : 0; index < elements.length; index++) {
            slots.add(Slot.parse(elements[index], wordClasses, trimmed));
        }
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("A phrase needs a word: " + source);
        }
        return expandLeadingOptional(trimmed, slots, gapTokens, anchored);
    }

    private static List<PhrasePattern> expandLeadingOptional(
            String source, List<Slot> slots, int gapTokens, boolean anchored) {
        Slot first = slots.get(0);
        if (first.gap() || first.any()) {
            throw new IllegalArgumentException("A phrase cannot start with '...' or {any}: " + source);
        }
        if (!first.optional()) {
            return List.of(new PhrasePattern(source, slots, gapTokens, anchored));
        }
        if (slots.size() == 1) {
            throw new IllegalArgumentException("A phrase needs a required word: " + source);
        }
        List<PhrasePattern> patterns = new ArrayList<>();
        List<Slot> withFirst = new ArrayList<>(slots);
        withFirst.set(0, first.required());
        patterns.add(new PhrasePattern(source, withFirst, gapTokens, anchored));
        patterns.addAll(expandLeadingOptional(source, slots.subList(1, slots.size()), gapTokens, anchored));
        return patterns;
    }

    String source() {
        return source;
    }

    Slot firstSlot() {
        return slots.get(0);
    }

    /** The end (exclusive) of a match starting at {@code start}, or -1. */
    int matchAt(List<Token> tokens, int start) {
        if (anchored && start > 0) {
            return -1;
        }
        return match(tokens, 0, start, ANY_END);
    }

    /** Whether the phrase matches exactly the tokens from {@code start} to the end. */
    boolean matchesToEnd(List<Token> tokens, int start) {
        if (anchored && start > 0) {
            return false;
        }
        return match(tokens, 0, start, tokens.size()) == tokens.size();
    }

    private static final int ANY_END = -1;

    private int match(List<Token> tokens, int slotIndex, int position, int requiredEnd) {
        if (slotIndex == slots.size()) {
            return requiredEnd == ANY_END || position == requiredEnd ? position : -1;
        }
        Slot slot = slots.get(slotIndex);
        if (slot.gap()) {
            return matchGap(tokens, slotIndex, position, requiredEnd);
        }
        if (position < tokens.size() && slot.accepts(tokens.get(position))) {
            int end = match(tokens, slotIndex + 1, position + 1, requiredEnd);
            if (end >= 0) {
                return end;
            }
        }
        for (List<String> sequence : slot.sequences()) {
            if (startsWith(tokens, position, sequence)) {
                int end = match(tokens, slotIndex + 1, position + sequence.size(), requiredEnd);
                if (end >= 0) {
                    return end;
                }
            }
        }
        return slot.optional() ? match(tokens, slotIndex + 1, position, requiredEnd) : -1;
    }

    private static boolean startsWith(List<Token> tokens, int position, List<String> sequence) {
        if (position + sequence.size() > tokens.size()) {
            return false;
        }
        for (int offset = 0; offset < sequence.size(); offset++) {
            Token token = tokens.get(position + offset);
            if (token.isBreak() || !token.text().equals(sequence.get(offset))) {
                return false;
            }
        }
        return true;
    }

    private int matchGap(List<Token> tokens, int slotIndex, int position, int requiredEnd) {
        for (int skipped = 0; skipped <= gapTokens && position + skipped <= tokens.size(); skipped++) {
            if (skipped > 0 && tokens.get(position + skipped - 1).isBreak()) {
                return -1;
            }
            int end = match(tokens, slotIndex + 1, position + skipped, requiredEnd);
            if (end >= 0) {
                return end;
            }
        }
        return -1;
    }

    /** One element of a phrase. */
    record Slot(
            Set<String> words,
            List<List<String>> sequences,
            List<String> prefixes,
            List<String> suffixes,
            boolean mention,
            boolean any,
            boolean gap,
            boolean optional) {

        static Slot parse(String element, Map<String, Set<String>> wordClasses, String phrase) {
            boolean optional = element.length() > 1 && element.endsWith("?");
            String body = optional ? element.substring(0, element.length() - 1) : element;
            if (body.equals("...")) {
                return new Slot(Set.of(), List.of(), List.of(), List.of(), false, false, true, false);
            }
            Set<String> words = new HashSet<>();
            List<List<String>> sequences = new ArrayList<>();
            List<String> prefixes = new ArrayList<>();
            List<String> suffixes = new ArrayList<>();
            boolean mention = false;
            boolean any = false;
            for (String alternative : body.split("\\|")) {
                if (alternative.equals("{mention}")) {
                    mention = true;
                } else if (alternative.equals("{any}")) {
                    any = true;
                } else if (alternative.startsWith("{") && alternative.endsWith("}")) {
                    addClass(alternative.substring(1, alternative.length() - 1), wordClasses, words, prefixes, phrase);
                } else if (alternative.contains("_") && !alternative.startsWith("_") && !alternative.endsWith("_")) {
                    sequences.add(List.of(alternative.split("_")));
                } else if (alternative.length() > 1 && alternative.startsWith("*")) {
                    suffixes.add(alternative.substring(1));
                } else {
                    addWord(alternative, words, prefixes, phrase);
                }
            }
            return new Slot(
                    Set.copyOf(words),
                    List.copyOf(sequences),
                    List.copyOf(prefixes),
                    List.copyOf(suffixes),
                    mention,
                    any,
                    false,
                    optional);
        }

        private static void addClass(
                String name,
                Map<String, Set<String>> wordClasses,
                Set<String> words,
                List<String> prefixes,
                String phrase) {
            Set<String> members = wordClasses.get(name);
            if (members == null) {
                throw new IllegalArgumentException("Unknown word class {" + name + "} in phrase: " + phrase);
            }
            members.forEach(member -> addWord(member, words, prefixes, phrase));
        }

        private static void addWord(String word, Set<String> words, List<String> prefixes, String phrase) {
            if (word.isEmpty() || word.equals("*")) {
                throw new IllegalArgumentException("Empty alternative in phrase: " + phrase);
            }
            if (word.endsWith("*")) {
                prefixes.add(word.substring(0, word.length() - 1));
            } else {
                words.add(word);
            }
        }

        Slot required() {
            return new Slot(words, sequences, prefixes, suffixes, mention, any, gap, false);
        }

        /** The words a match of this slot can start with, for indexing. */
        Set<String> firstWords() {
            Set<String> first = new HashSet<>(words);
            sequences.forEach(sequence -> first.add(sequence.get(0)));
            return first;
        }

        boolean accepts(Token token) {
            if (token.isBreak()) {
                return false;
            }
            if (any || (mention && token.isMention()) || words.contains(token.text())) {
                return true;
            }
            for (String prefix : prefixes) {
                if (token.text().startsWith(prefix)) {
                    return true;
                }
            }
            for (String suffix : suffixes) {
                if (token.text().length() > suffix.length() + 2 && token.text().endsWith(suffix)) {
                    return true;
                }
            }
            return false;
        }
    }
}
