package dev.ownership.bot.nudge;

import dev.ownership.bot.detection.Category;
import dev.ownership.bot.detection.Label;
import dev.ownership.storage.nudge.PostCategory;
import dev.ownership.storage.nudge.PostLabel;

/**
 * The detector's label and category as the nudge's records keep them, and back. Exhaustive switches: a label or
 * category added on one side and not the other does not compile.
 */
final class StoredVerdicts {
    private StoredVerdicts() {}

    static PostLabel stored(Label label) {
        return switch (label) {
            case NONE -> PostLabel.NONE;
            case BLOCKER_WITH_PROPOSAL -> PostLabel.BLOCKER_WITH_PROPOSAL;
            case BLOCKER_WITHOUT_PROPOSAL -> PostLabel.BLOCKER_WITHOUT_PROPOSAL;
        };
    }

    /** The stored category; {@code null} (no blocker) stays {@code null}. */
    static PostCategory stored(Category category) {
        if (category == null) {
            return null;
        }
        return switch (category) {
            case WAITING_ON_PERSON -> PostCategory.WAITING_ON_PERSON;
            case ACCESS -> PostCategory.ACCESS;
            case UNCLEAR_REQUIREMENTS -> PostCategory.UNCLEAR_REQUIREMENTS;
            case REVIEW_PENDING -> PostCategory.REVIEW_PENDING;
            case BROKEN_ENVIRONMENT -> PostCategory.BROKEN_ENVIRONMENT;
            case TECHNICAL_PROBLEM -> PostCategory.TECHNICAL_PROBLEM;
            case EXTERNAL_DEPENDENCY -> PostCategory.EXTERNAL_DEPENDENCY;
            case OTHER -> PostCategory.OTHER;
        };
    }

    /** The category a stored post's suggestion is chosen by; a post stored without one counts as {@code OTHER}. */
    static Category category(PostCategory stored) {
        if (stored == null) {
            return Category.OTHER;
        }
        return switch (stored) {
            case WAITING_ON_PERSON -> Category.WAITING_ON_PERSON;
            case ACCESS -> Category.ACCESS;
            case UNCLEAR_REQUIREMENTS -> Category.UNCLEAR_REQUIREMENTS;
            case REVIEW_PENDING -> Category.REVIEW_PENDING;
            case BROKEN_ENVIRONMENT -> Category.BROKEN_ENVIRONMENT;
            case TECHNICAL_PROBLEM -> Category.TECHNICAL_PROBLEM;
            case EXTERNAL_DEPENDENCY -> Category.EXTERNAL_DEPENDENCY;
            case OTHER -> Category.OTHER;
        };
    }
}
