package dev.ownership.storage.nudge;

import java.util.Arrays;

/** The detector's label of a standup post, as stored. */
public enum PostLabel {
    /** No blocker of the author's own. */
    NONE("none"),
    /** A blocker that came with a next step. */
    BLOCKER_WITH_PROPOSAL("blocker_with_proposal"),
    /** A blocker without a next step: the one a nudge is about. */
    BLOCKER_WITHOUT_PROPOSAL("blocker_without_proposal");

    private final String column;

    PostLabel(String column) {
        this.column = column;
    }

    /** The value in the {@code label} column (the same words as the detector's labels). */
    public String column() {
        return column;
    }

    static PostLabel fromColumn(String value) {
        return Arrays.stream(values())
                .filter(label -> label.column.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown stored label " + value));
    }
}
