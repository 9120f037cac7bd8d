package dev.ownership.storage.learning;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The words someone typed to search the library, as FTS5 terms.
 *
 * <p>Only runs of letters and digits are kept, the way the index's {@code unicode61} tokenizer splits text; every
 * other character (quotes, {@code *}, {@code ^}, {@code :}, parentheses, {@code -}) separates words. Each term is
 * quoted, so FTS5's operators ({@code AND}, {@code OR}, {@code NOT}, {@code NEAR}) and column filters are searched
 * for as plain words. Slack's escapes of {@code &}, {@code <} and {@code >} are dropped first. Immutable.
 *
 * @param words the terms, lower-cased, in the order typed, without repeats
 */
public record SearchTerms(List<String> words) {
    /** At most this many words count; more would only slow the search. */
    public static final int MAX_WORDS = 12;

    private static final int MAX_WORD_LENGTH = 64;
    private static final Pattern SLACK_ESCAPES = Pattern.compile("&(amp|lt|gt);");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}\\p{M}\\p{Co}]+");

    public SearchTerms {
        words = List.copyOf(words);
    }

    /** The terms of {@code typed}; none when it holds no letter or digit. */
    public static SearchTerms of(String typed) {
        Objects.requireNonNull(typed, "typed");
        String plain = SLACK_ESCAPES.matcher(typed).replaceAll(" ");
        Set<String> words = new LinkedHashSet<>();
        for (String word : NOT_A_WORD.split(plain)) {
            if (!word.isEmpty() && words.size() < MAX_WORDS) {
                words.add(truncate(word.toLowerCase(Locale.ROOT)));
            }
        }
        return new SearchTerms(new ArrayList<>(words));
    }

    /** Whether there is nothing to search for. */
    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** An FTS5 query for rows holding every term (in the text column). */
    String allOf() {
        return words.stream().map(SearchTerms::quoted).collect(Collectors.joining(" AND ", "text : (", ")"));
    }

    /** An FTS5 query for rows holding at least one term (in the text column). */
    String anyOf() {
        return words.stream().map(SearchTerms::quoted).collect(Collectors.joining(" OR ", "text : (", ")"));
    }

    /** The FTS5 filter for rows of these channels. */
    static String channels(List<String> channelIds) {
        return channelIds.stream().map(SearchTerms::quoted).collect(Collectors.joining(" OR ", "channel_id : (", ")"));
    }

    private static String quoted(String term) {
        return '"' + term.replace("\"", "\"\"") + '"';
    }

    private static String truncate(String word) {
        if (word.length() <= MAX_WORD_LENGTH) {
            return word;
        }
        int end = MAX_WORD_LENGTH;
        if (Character.isHighSurrogate(word.charAt(end - 1))) {
            end--;
        }
        return word.substring(0, end);
    }
}
