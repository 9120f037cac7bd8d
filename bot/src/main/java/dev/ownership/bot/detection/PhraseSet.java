package dev.ownership.bot.detection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A family of lexicon phrases, each carrying a payload, indexed by their first word so that finding every match in a
 * clause costs a few map lookups per token.
 *
 * @param <T> what a match of this family means (a cue's category, a proposal kind, ...)
 */
final class PhraseSet<T> {

    private final Map<String, List<Entry<T>>> byFirstWord = new HashMap<>();
    private final List<Entry<T>> byPrefixOrMention = new ArrayList<>();
    private final Set<String> vocabulary = new HashSet<>();
    private int size;

    /** One match of a phrase in a clause; {@code end} is exclusive. */
    record Match<T>(int start, int end, T payload, String phrase) {

        boolean overlaps(int otherStart, int otherEnd) {
            return start < otherEnd && otherStart < end;
        }

        boolean covers(int index) {
            return start <= index && index < end;
        }
    }

    private record Entry<T>(PhrasePattern pattern, T payload) {}

    /**
     * Adds a phrase with its payload.
     *
     * @throws IllegalArgumentException when the phrase is malformed
     */
    void add(String phrase, T payload, Map<String, Set<String>> wordClasses, int gapTokens) {
        for (PhrasePattern pattern : PhrasePattern.compile(phrase, wordClasses, gapTokens)) {
            Entry<T> entry = new Entry<>(pattern, payload);
            PhrasePattern.Slot first = pattern.firstSlot();
            first.firstWords().forEach(word -> byFirstWord
                    .computeIfAbsent(word, key -> new ArrayList<>())
                    .add(entry));
            if (!first.prefixes().isEmpty() || !first.suffixes().isEmpty() || first.mention()) {
                byPrefixOrMention.add(entry);
            }
            size++;
        }
        for (String element : phrase.trim().split("\\s+")) {
            for (String word : element.replace("?", "").replace('_', '|').split("\\|")) {
                if (!word.isEmpty()
                        && !word.startsWith("{")
                        && !word.endsWith("*")
                        && !word.equals("...")
                        && !word.equals("^")) {
                    vocabulary.add(word);
                }
            }
        }
    }

    int size() {
        return size;
    }

    /** The plain words this family's phrases use, for typo correction. */
    Set<String> vocabulary() {
        return vocabulary;
    }

    /** Every match of every phrase, ordered by start. */
    List<Match<T>> findAll(List<Token> tokens) {
        List<Match<T>> matches = new ArrayList<>();
        for (int start = 0; start < tokens.size(); start++) {
            Token token = tokens.get(start);
            if (token.isBreak()) {
                continue;
            }
            collect(byFirstWord.getOrDefault(token.text(), List.of()), tokens, start, matches);
            collect(byPrefixOrMention, tokens, start, matches);
        }
        return matches;
    }

    /** Whether some phrase matches. */
    boolean matchesAnywhere(List<Token> tokens) {
        return !findAll(tokens).isEmpty();
    }

    /** Whether some phrase matches all the given tokens, from the first to the last. */
    boolean matchesWhole(List<Token> tokens) {
        if (tokens.isEmpty()) {
            return false;
        }
        List<Entry<T>> candidates =
                new ArrayList<>(byFirstWord.getOrDefault(tokens.get(0).text(), List.of()));
        candidates.addAll(byPrefixOrMention);
        for (Entry<T> entry : candidates) {
            if (entry.pattern().matchesToEnd(tokens, 0)) {
                return true;
            }
        }
        return false;
    }

    private void collect(List<Entry<T>> entries, List<Token> tokens, int start, List<Match<T>> matches) {
        for (Entry<T> entry : entries) {
            int end = entry.pattern().matchAt(tokens, start);
            if (end > start) {
                matches.add(
                        new Match<>(start, end, entry.payload(), entry.pattern().source()));
            }
        }
    }
}
