package dev.ownership.bot.detection;

/**
 * One normalised word of a clause.
 *
 * @param text the normalised form that lexicon phrases match: lower case, contractions expanded, typos corrected
 * @param surface the words as the author wrote them, for reasons
 * @param kind what sort of token this is
 */
record Token(String text, String surface, Kind kind) {

    /** What sort of token this is; phrases never match across a {@link #BREAK}. */
    enum Kind {
        WORD,
        /** A mention of a person or a team ({@code <@U1>}, {@code <!subteam^S1|@team>}, or a name addressed). */
        MENTION,
        /** A broadcast mention such as {@code @here}: addressed to nobody in particular. */
        BROADCAST,
        /** Punctuation that ends a phrase's scope: commas, colons, dashes, brackets. */
        BREAK
    }

    static final Token BREAK_TOKEN = new Token(",", ",", Kind.BREAK);

    boolean isBreak() {
        return kind == Kind.BREAK;
    }

    boolean isMention() {
        return kind == Kind.MENTION;
    }
}
