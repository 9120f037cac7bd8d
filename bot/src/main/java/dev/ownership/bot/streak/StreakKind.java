package dev.ownership.bot.streak;

/** The three streaks a person keeps in each team. */
public enum StreakKind {
    /** Consecutive blockers that carried a next step, at once or after the nudge, in time. */
    OWNERSHIP(
            "ownership",
            ":compass:",
            "Ownership",
            "blocker",
            "with a next step",
            "your next blocker that comes with a next step"),
    /** Consecutive weeks with at least one learning shared. */
    LEARNING("learning", ":books:", "Learning", "week", "sharing a learning", "the next learning you share"),
    /** Consecutive weeks in which the person answered the risk check-in (a risk or "none"). */
    EARLY_RISK(
            "early_risk",
            ":telescope:",
            "Early risk",
            "week",
            "answering the risk check-in",
            "your next risk check-in");

    private final String wireName;
    private final String emoji;
    private final String title;
    private final String unit;
    private final String what;
    private final String start;

    StreakKind(String wireName, String emoji, String title, String unit, String what, String start) {
        this.wireName = wireName;
        this.emoji = emoji;
        this.title = title;
        this.unit = unit;
        this.what = what;
        this.start = start;
    }

    /** What starts a run: "your next risk check-in", said when there is none yet, never as a failure. */
    public String start() {
        return start;
    }

    /** The name used in storage: {@code ownership}, {@code learning}, {@code early_risk}. */
    public String wireName() {
        return wireName;
    }

    /** A Slack emoji code for the streak. */
    public String emoji() {
        return emoji;
    }

    /** The streak's name as people read it. */
    public String title() {
        return title;
    }

    /** "3 blockers in a row with a next step", "1 week in a row sharing a learning". */
    public String describe(int count) {
        return count + " " + unit + (count == 1 ? "" : "s") + " in a row " + what;
    }
}
