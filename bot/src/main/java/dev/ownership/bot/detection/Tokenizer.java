package dev.ownership.bot.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits one clause of plain text into normalised {@link Token}s. */
final class Tokenizer {

    private static final Pattern TOKEN = Pattern.compile("(@[\\p{L}\\p{N}._\\-]+)"
            + "|(#[\\p{L}\\p{N}_\\-]+)"
            + "|([\\p{L}\\p{N}](?:[\\p{L}\\p{N}'/+.&\\-]*[\\p{L}\\p{N}'])?)"
            + "|([,;:()\\[\\]{}\"—–]|(?<=\\s)-(?=\\s|$)|\\.\\.\\.)");
    private static final Set<String> BROADCASTS = Set.of("here", "channel", "everyone");

    private final Spelling spelling;

    Tokenizer(Spelling spelling) {
        this.spelling = spelling;
    }

    List<Token> tokenize(String text) {
        String plain = text.replace('’', '\'').replace('‘', '\'');
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(plain);
        while (matcher.find()) {
            if (matcher.group(1) != null) {
                tokens.add(mention(matcher.group(1)));
            } else if (matcher.group(2) != null) {
                tokens.add(new Token(matcher.group(2).toLowerCase(Locale.ROOT), matcher.group(2), Token.Kind.WORD));
            } else if (matcher.group(3) != null) {
                addWord(matcher.group(3), plain, matcher.end(), tokens);
            } else if (!tokens.isEmpty() && !tokens.get(tokens.size() - 1).isBreak()) {
                tokens.add(Token.BREAK_TOKEN);
            }
        }
        while (!tokens.isEmpty() && tokens.get(tokens.size() - 1).isBreak()) {
            tokens.remove(tokens.size() - 1);
        }
        return List.copyOf(tokens);
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

    /** "Marta, could you ..." addresses Marta as surely as a mention does. */
    private boolean isAddressedName(String surface, String lower, String text, int end, List<Token> tokens) {
        boolean startsClause = tokens.isEmpty() || tokens.get(tokens.size() - 1).isBreak();
        return startsClause
                && end < text.length()
                && text.charAt(end) == ','
                && surface.length() > 2
                && Character.isUpperCase(surface.charAt(0))
                && surface.chars().skip(1).allMatch(Character::isLowerCase)
                && !spelling.isKnown(lower);
    }
}
