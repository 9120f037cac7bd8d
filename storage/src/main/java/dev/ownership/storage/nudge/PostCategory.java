package dev.ownership.storage.nudge;

import java.util.Arrays;

/** The kind of a blocker, as stored: what the nudge's suggestion and the digest's breakdown are chosen by. */
public enum PostCategory {
    WAITING_ON_PERSON("waiting_on_person"),
    ACCESS("access"),
    UNCLEAR_REQUIREMENTS("unclear_requirements"),
    REVIEW_PENDING("review_pending"),
    BROKEN_ENVIRONMENT("broken_environment"),
    TECHNICAL_PROBLEM("technical_problem"),
    EXTERNAL_DEPENDENCY("external_dependency"),
    OTHER("other");

    private final String column;

    PostCategory(String column) {
        this.column = column;
    }

    /** The value in the {@code category} column. */
    public String column() {
        return column;
    }

    static PostCategory fromColumn(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(values())
                .filter(category -> category.column.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown stored category " + value));
    }
}
