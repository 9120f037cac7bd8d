package dev.ownership.bot.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits one clause of plain text into normalised {@link Token}s. */
final class Tokenizer {

    private static final Set<String> BROADCASTS = Set.of("here", "channel", "everyone");
    private static final String BREAKS = ",;:()[]{}\"—–";
    private static final String WORD_JOINERS = "'/+.&-";
    private static final List<String> REQUEST_OPENERS =
            List.of("can you ", "could you ", "would you ", "will you ", "please ", "pls ", "kindly ");

    private final Spelling spelling;

    Tokenizer(Spelling spelling) {
        this.spelling = spelling;
    }

    /** Hand-written rather than a regular expression: this runs for every clause of every message. */
    List<Token> tokenize(String text) {
        String plain = text.replace('’', '\'').replace('‘', '\'');
        List<Token> tokens = new ArrayList<>();
        int index = 0;
        while (index < plain.length()) {
            index = readToken(plain, index, tokens);
        }
        while (!tokens.isEmpty() && tokens.get(tokens.size() - 1).isBreak()) {
            tokens.remove(tokens.size() - 1);
        }
        return List.copyOf(tokens);
    }

    /** Reads the token at {@code index}, if any, and returns where the next one may start. */
    private int readToken(String text, int index, List<Token> tokens) {
        char character = text.charAt(index);
        boolean followedByWord = index + 1 < text.length() && isWordChar(text.charAt(index + 1));
        if (character == '@' && followedByWord) {
            int end = runEnd(text, index + 1, "._-");
            tokens.add(mention(text.substring(index, end)));
            if (text.startsWith("'s", end)) {
                tokens.add(new Token("'s", "'s", Token.Kind.WORD));
                return end + 2;
            }
            return end;
        }
        if (character == '#' && followedByWord) {
            int end = runEnd(text, index + 1, "_-");
            String word = text.substring(index, end);
            tokens.add(new Token(word.toLowerCase(Locale.ROOT), word, Token.Kind.WORD));
            return end;
        }
        if (isDetachedPossessive(text, index)) {
            tokens.add(new Token("'s", "'s", Token.Kind.WORD));
            return index + 2;
        }
        if (isWordChar(character)) {
            int end = wordEnd(text, index);
            addWord(text.substring(index, end), text, end, tokens);
            return end;
        }
        if (isBreak(text, index)
                && !tokens.isEmpty()
                && !tokens.get(tokens.size() - 1).isBreak()) {
            tokens.add(Token.BREAK_TOKEN);
        }
        return index + 1;
    }

    /** "<@U1>'s review" reaches us as "@anna 's review". */
    private static boolean isDetachedPossessive(String text, int index) {
        return text.startsWith("'s", index)
                && (index + 2 == text.length() || !Character.isLetterOrDigit(text.charAt(index + 2)));
    }

    private static boolean isBreak(String text, int index) {
        char character = text.charAt(index);
        if (BREAKS.indexOf(character) >= 0) {
            return true;
        }
        if (character == '-') {
            boolean spaceBefore = index == 0 || Character.isWhitespace(text.charAt(index - 1));
            boolean spaceAfter = index + 1 == text.length() || Character.isWhitespace(text.charAt(index + 1));
            return spaceBefore && spaceAfter;
        }
        return character == '.' && text.startsWith("...", index);
    }

    private static int runEnd(String text, int from, String alsoAllowed) {
        int end = from;
        while (end < text.length() && (isWordChar(text.charAt(end)) || alsoAllowed.indexOf(text.charAt(end)) >= 0)) {
            end++;
        }
        while (end > from && !isWordChar(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** A word runs over letters and digits and over joiners (' / + . &amp; -) that stand between them. */
    private static int wordEnd(String text, int from) {
        int end = from + 1;
        while (end < text.length()) {
            char character = text.charAt(end);
            if (isWordChar(character)) {
                end++;
            } else if (WORD_JOINERS.indexOf(character) >= 0 && joinsWord(text, end)) {
                end++;
            } else {
                break;
            }
        }
        return end;
    }

    private static boolean joinsWord(String text, int index) {
        boolean beforeWord = index + 1 < text.length() && isWordChar(text.charAt(index + 1));
        boolean closingApostrophe = text.charAt(index) == '\''
                && (index + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(index + 1)));
        return beforeWord || closingApostrophe;
    }

    private static boolean isWordChar(char character) {
        return Character.isLetterOrDigit(character);
    }

    private static Token mention(String raw) {
        String name = raw.substring(1).toLowerCase(Locale.ROOT);
        Token.Kind kind = BROADCASTS.contains(name) ? Token.Kind.BROADCAST : Token.Kind.MENTION;
        return new Token("@" + name, raw, kind);
    }

    private void addWord(String surface, String text, int end, List<Token> tokens) {
        String lower = surface.toLowerCase(Locale.ROOT);
        if (isAddressedName(surface, lower, text, end, tokens)) {
            tokens.add(new Token("@" + lower, surface, Token.Kind.MENTION));
            return;
        }
        for (String word : spelling.normalise(lower)) {
            tokens.add(new Token(word, surface, Token.Kind.WORD));
        }
    }

    /** "Marta, could you ..." or "Jane can you ..." addresses Marta or Jane as surely as a mention does. */
    private boolean isAddressedName(String surface, String lower, String text, int end, List<Token> tokens) {
        boolean startsClause = tokens.isEmpty() || tokens.get(tokens.size() - 1).isBreak();
        boolean capitalisedName = surface.length() > 2
                && Character.isUpperCase(surface.charAt(0))
                && surface.chars().skip(1).allMatch(Character::isLowerCase)
                && !spelling.isKnown(lower);
        return startsClause && capitalisedName && (isFollowedBy(text, end, ",") || isRequestNext(text, end));
    }

    private static boolean isFollowedBy(String text, int end, String next) {
        return text.startsWith(next, end);
    }

    private static boolean isRequestNext(String text, int end) {
        String rest = text.substring(end).stripLeading().toLowerCase(Locale.ROOT);
        for (String request : REQUEST_OPENERS) {
            if (rest.startsWith(request)) {
                return true;
            }
        }
        return false;
    }
}
