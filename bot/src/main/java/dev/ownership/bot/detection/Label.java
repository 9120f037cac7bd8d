package dev.ownership.bot.detection;

import java.util.Arrays;
import java.util.Objects;

/** What a standup post says about the author's blockers, as far as the nudge feature is concerned. */
public enum Label {
    /** No blocker of the author's own. */
    NONE("none"),
    /** Every blocker the author reports comes with a concrete next step, option or directed ask. */
    BLOCKER_WITH_PROPOSAL("blocker_with_proposal"),
    /** At least one blocker of the author's own has no proposed next step: the message is worth a nudge. */
    BLOCKER_WITHOUT_PROPOSAL("blocker_without_proposal");

    private final String wireName;

    Label(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in JSON and in storage, e.g. {@code blocker_with_proposal}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The label with the given wire name.
     *
     * @throws IllegalArgumentException when no label has that name
     */
    public static Label fromWireName(String wireName) {
        Objects.requireNonNull(wireName, "wireName");
        return Arrays.stream(values())
                .filter(label -> label.wireName.equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown label: " + wireName));
    }
}
