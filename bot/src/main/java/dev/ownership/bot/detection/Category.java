package dev.ownership.bot.detection;

import java.util.Arrays;
import java.util.Objects;

/** The kind of a blocker, so that a nudge can suggest a next step that fits it. */
public enum Category {
    WAITING_ON_PERSON("waiting_on_person", "waiting on a person or team"),
    ACCESS("access", "access or permissions"),
    UNCLEAR_REQUIREMENTS("unclear_requirements", "unclear requirements or a pending decision"),
    REVIEW_PENDING("review_pending", "review pending"),
    BROKEN_ENVIRONMENT("broken_environment", "broken environment or CI"),
    TECHNICAL_PROBLEM("technical_problem", "technical problem"),
    EXTERNAL_DEPENDENCY("external_dependency", "external dependency"),
    OTHER("other", "other");

    private final String wireName;
    private final String displayName;

    Category(String wireName, String displayName) {
        this.wireName = wireName;
        this.displayName = displayName;
    }

    /** The name used in JSON, in storage and in the lexicon file, e.g. {@code waiting_on_person}. */
    public String wireName() {
        return wireName;
    }

    /** A phrase for people, e.g. "waiting on a person or team". */
    public String displayName() {
        return displayName;
    }

    /**
     * The category with the given wire name.
     *
     * @throws IllegalArgumentException when no category has that name
     */
    public static Category fromWireName(String wireName) {
        Objects.requireNonNull(wireName, "wireName");
        return Arrays.stream(values())
                .filter(category -> category.wireName.equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown category: " + wireName));
    }
}
