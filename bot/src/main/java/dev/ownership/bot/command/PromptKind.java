package dev.ownership.bot.command;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of scheduled prompt, plus the digest, as named in {@code schedule} and {@code prompt}. */
public enum PromptKind {
    LEARNING,
    RISK,
    IMPACT,
    DIGEST;

    /** The word used in commands and storage: {@code learning}, {@code risk}, {@code impact}, {@code digest}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this kind is a prompt sent to members (the digest goes to leads). */
    public boolean isPrompt() {
        return this != DIGEST;
    }

    /** The kind named by {@code word}, ignoring case. */
    public static Optional<PromptKind> fromWord(String word) {
        return Arrays.stream(values())
                .filter(kind -> kind.word().equalsIgnoreCase(word))
                .findFirst();
    }
}
