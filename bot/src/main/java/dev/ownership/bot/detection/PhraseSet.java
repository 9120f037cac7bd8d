package dev.ownership.bot.detection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A family of lexicon phrases, each carrying a payload, indexed by how their first slot starts so that finding every
 * match in a clause costs a few map lookups per token.
 *
 * @param <T> what a match of this family means (a cue's category, a topic's weight, ...)
 */
final class PhraseSet<T> {

    private final Map<String, List<Entry<T>>> byFirstWord = new HashMap<>();
    private final Map<Character, List<Entry<T>>> byPrefixStart = new HashMap<>();
    private final Map<Character, List<Entry<T>>> bySuffixEnd = new HashMap<>();
    private final List<Entry<T>> byMention = new ArrayList<>();
    private final Set<String> vocabulary = new HashSet<>();

    /** One match of a phrase in a clause; {@code end} is exclusive. */
    record Match<T>(int start, int end, T payload, String phrase) {

        boolean overlaps(int otherStart, int otherEnd) {
            return start < otherEnd && otherStart < end;
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
            index(new Entry<>(pattern, payload));
        }
        for (String element : phrase.trim().split("\\s+")) {
            for (String word : element.replace("?", "").replace('_', '|').split("\\|")) {
                boolean pattern = word.startsWith("{") || word.startsWith("*") || word.endsWith("*");
                if (!word.isEmpty() && !pattern && !word.equals("...") && !word.equals("^")) {
                    vocabulary.add(word);
                }
            }
        }
    }

    private void index(Entry<T> entry) {
        PhrasePattern.Slot first = entry.pattern().firstSlot();
        first.firstWords().forEach(word -> byFirstWord
                .computeIfAbsent(word, key -> new ArrayList<>())
                .add(entry));
        first.prefixes().forEach(prefix -> byPrefixStart
                .computeIfAbsent(prefix.charAt(0), key -> new ArrayList<>())
                .add(entry));
        first.suffixes().forEach(suffix -> bySuffixEnd
                .computeIfAbsent(suffix.charAt(suffix.length() - 1), key -> new ArrayList<>())
                .add(entry));
        if (first.mention()) {
            byMention.add(entry);
        }
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
            if (!token.isBreak()) {
                collect(token, tokens, start, matches);
            }
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
        for (List<Entry<T>> entries : candidates(tokens.get(0))) {
            for (Entry<T> entry : entries) {
                if (entry.pattern().matchesToEnd(tokens, 0)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void collect(Token token, List<Token> tokens, int start, List<Match<T>> matches) {
        for (List<Entry<T>> entries : candidates(token)) {
            for (Entry<T> entry : entries) {
                int end = entry.pattern().matchAt(tokens, start);
                if (end > start) {
                    matches.add(new Match<>(
                            start, end, entry.payload(), entry.pattern().source()));
                }
            }
        }
    }

    /** The entries whose first slot may accept the token. */
    private List<List<Entry<T>>> candidates(Token token) {
        String text = token.text();
        List<List<Entry<T>>> candidates = new ArrayList<>(4);
        candidates.add(byFirstWord.getOrDefault(text, List.of()));
        if (!text.isEmpty()) {
            candidates.add(byPrefixStart.getOrDefault(text.charAt(0), List.of()));
            candidates.add(bySuffixEnd.getOrDefault(text.charAt(text.length() - 1), List.of()));
        }
        if (token.isMention()) {
            candidates.add(byMention);
        }
        return candidates;
    }
}
