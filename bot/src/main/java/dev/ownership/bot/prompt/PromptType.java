package dev.ownership.bot.prompt;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The prompts people receive: share a learning, check in on risks, say what their work moved, and the standup the
 * bot runs for a team that has none (its answers are posted in the team's channel, see {@link StandupActions}).
 */
public enum PromptType {
    LEARNING,
    RISK,
    IMPACT,
    STANDUP;

    /** The word used in schedules and storage: {@code learning}, {@code risk}, {@code impact}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The prompt named by {@code word}; empty for other schedule kinds, such as the digest. */
    public static Optional<PromptType> fromWord(String word) {
        return Arrays.stream(values()).filter(type -> type.word().equals(word)).findFirst();
    }
}
