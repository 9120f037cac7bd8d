package dev.ownership.bot.nudge;

import dev.ownership.bot.detection.Category;
import java.util.Map;

/** One concrete, kind suggestion per kind of blocker: the next step a senior engineer would take. */
public final class Suggestions {
    private static final Map<Category, String> BY_CATEGORY = Map.of(
            Category.WAITING_ON_PERSON,
            "Name the person or team you're waiting on and when you'll follow up, e.g. _\"I'll ping @sam at 2pm; "
                    + "if there's no answer I'll ask in #their-team.\"_",
            Category.ACCESS,
            "Say exactly which access you need and who grants it, e.g. _\"I've filed an access request with IT; "
                    + "meanwhile I'm pairing with @kim who has it.\"_",
            Category.UNCLEAR_REQUIREMENTS,
            "Write down your best interpretation and ask for a yes/no, e.g. _\"I'll assume X unless @pm says "
                    + "otherwise by tomorrow noon.\"_ A concrete guess is easier to answer than an open question.",
            Category.REVIEW_PENDING,
            "Ask one named reviewer directly, with a time, and offer a walkthrough, e.g. _\"@lee could you review "
                    + "#412 today? Happy to walk you through it in 15 minutes.\"_",
            Category.BROKEN_ENVIRONMENT,
            "Say who owns the environment, that you've told them, and what you'll do meanwhile, e.g. _\"Reported "
                    + "to #infra; meanwhile I'm testing locally with the mock service.\"_",
            Category.TECHNICAL_PROBLEM,
            "Share what you've tried and your next experiment, and time-box it, e.g. _\"Next I'll try bisecting; "
                    + "if I'm still stuck by 3pm I'll ask @anna to pair.\"_",
            Category.EXTERNAL_DEPENDENCY,
            "Name the external contact and your fallback, e.g. _\"I've emailed the vendor's support; if there's "
                    + "no fix by Thursday we'll pin the previous version.\"_",
            Category.OTHER,
            "Add the one next step you'll take and when, or the person you'll ask, e.g. _\"I'll check with @lee "
                    + "after lunch.\"_");

    private Suggestions() {}

    /** The suggestion for {@code category} (a general one when unknown). */
    public static String forCategory(Category category) {
        return BY_CATEGORY.getOrDefault(category, BY_CATEGORY.get(Category.OTHER));
    }
}
