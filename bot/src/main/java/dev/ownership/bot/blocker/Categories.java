package dev.ownership.bot.blocker;

import java.util.Map;

/** A blocker category's stored name in the words the messages use. */
final class Categories {
    private static final Map<String, String> WORDS = Map.of(
            "waiting_on_person", "waiting on someone",
            "access", "access or permissions",
            "unclear_requirements", "an unclear requirement or decision",
            "review_pending", "a pending review",
            "broken_environment", "a broken environment or CI",
            "technical_problem", "a technical problem",
            "external_dependency", "an external dependency");

    private Categories() {}

    /** The words for {@code column}, or {@code null} for none or "other". */
    static String words(String column) {
        return column == null ? null : WORDS.get(column);
    }
}
