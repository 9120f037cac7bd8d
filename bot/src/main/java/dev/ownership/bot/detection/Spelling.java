package dev.ownership.bot.detection;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the words people actually type into the words lexicon phrases use: known misspellings and shorthand from
 * the lexicon's {@code spelling} table, contractions, and single-keystroke typos of lexicon words (a dropped, doubled
 * or swapped letter), so that "blokced" and "waitng" still count.
 */
final class Spelling {

    private static final String AMBIGUOUS = "";
    /** "can't" is "ca" + "n't", "won't" is "wo" + "n't". */
    private static final Map<String, String> IRREGULAR_NEGATIONS =
            Map.of("ca", "can", "wo", "will", "sha", "shall", "ai", "is");

    private final Map<String, List<String>> replacements;
    private final Set<String> knownWords;
    private final Set<String> correctable;
    private final Map<String, String> typoToWord = new HashMap<>();
    private final int minTypoLength;

    Spelling(
            Map<String, List<String>> replacements,
            Set<String> vocabulary,
            Set<String> neverCorrect,
            int minTypoLength) {
        this.replacements = Map.copyOf(replacements);
        this.minTypoLength = minTypoLength;
        Set<String> known = new HashSet<>(vocabulary);
        known.addAll(neverCorrect);
        replacements.values().forEach(known::addAll);
        this.knownWords = Set.copyOf(known);
        Set<String> eligible = new HashSet<>();
        for (String word : vocabulary) {
            if (word.length() >= minTypoLength && isLetters(word)) {
                eligible.add(word);
            }
        }
        this.correctable = Set.copyOf(eligible);
        eligible.forEach(this::indexTypos);
    }

    /** The normalised words for one lower-case word as typed; usually one, two for contractions. */
    List<String> normalise(String word) {
        List<String> replaced = replacements.get(word);
        if (replaced != null) {
            return replaced;
        }
        List<String> expanded = expandContraction(word);
        if (expanded != null) {
            return expanded;
        }
        return List.of(correctTypo(word));
    }

    boolean isKnown(String word) {
        return knownWords.contains(word);
    }

    private static List<String> expandContraction(String word) {
        int apostrophe = word.lastIndexOf('\'');
        if (apostrophe <= 0) {
            return null;
        }
        String stem = word.substring(0, apostrophe);
        String suffix = word.substring(apostrophe);
        if (suffix.equals("'t") && stem.endsWith("n")) {
            String verb = stem.substring(0, stem.length() - 1);
            return List.of(IRREGULAR_NEGATIONS.getOrDefault(verb, verb), "not");
        }
        return switch (suffix) {
            case "'ll" -> List.of(stem, "will");
            case "'re" -> List.of(stem, "are");
            case "'ve" -> List.of(stem, "have");
            case "'m" -> List.of(stem, "am");
            case "'d" -> List.of(stem, "would");
            case "'s" -> List.of(stem, "'s");
            default -> null;
        };
    }

    private String correctTypo(String word) {
        if (word.length() < minTypoLength - 1 || knownWords.contains(word) || !isLetters(word)) {
            return word;
        }
        String direct = typoToWord.get(word);
        if (direct != null) {
            return direct.equals(AMBIGUOUS) ? word : direct;
        }
        for (int index = 0; index < word.length(); index++) {
            String withoutOne = word.substring(0, index) + word.substring(index + 1);
            if (correctable.contains(withoutOne)) {
                return withoutOne;
            }
        }
        return word;
    }

    private void indexTypos(String word) {
        for (int index = 0; index < word.length(); index++) {
            remember(word.substring(0, index) + word.substring(index + 1), word);
            if (index + 1 < word.length() && word.charAt(index) != word.charAt(index + 1)) {
                char[] swapped = word.toCharArray();
                swapped[index] = word.charAt(index + 1);
                swapped[index + 1] = word.charAt(index);
                remember(new String(swapped), word);
            }
        }
    }

    private void remember(String typo, String word) {
        if (typo.length() < minTypoLength - 1 || knownWords.contains(typo)) {
            return;
        }
        typoToWord.merge(typo, word, (existing, added) -> existing.equals(added) ? existing : AMBIGUOUS);
    }

    private static boolean isLetters(String word) {
        for (int index = 0; index < word.length(); index++) {
            if (!Character.isLetter(word.charAt(index))) {
                return false;
            }
        }
        return true;
    }
}
