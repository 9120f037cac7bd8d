package dev.ownership.bot.streak;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Streaks and weeks as short mrkdwn lines with simple visuals, the same in {@code /ownership me} and the App Home.
 */
public final class StreakText {
    private static final int BAR = 10;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private StreakText() {}

    /** ":compass: *Ownership*: 4 blockers in a row with a next step · best 6", then a bar to the next milestone. */
    public static String line(Streak streak) {
        String head = streak.kind().emoji() + " *" + streak.kind().title() + "*: ";
        if (streak.current() == 0) {
            // Nothing yet is a start, not a failure: no empty bar, no "0 in a row".
            return head + "starts with " + streak.kind().start()
                    + (streak.best() > 0 ? " (your best so far: " + streak.best() + ")" : "");
        }
        return head + streak.kind().describe(streak.current()) + " · best " + streak.best() + "\n" + bar(streak);
    }

    /** {@code ▰▰▰▰▰▰▰▰▱▱ 4/5 to the next milestone}, or a trophy once the last one is reached. */
    public static String bar(Streak streak) {
        return streak.nextMilestone()
                .map(next -> {
                    int filled = Math.round((float) BAR * streak.current() / next);
                    return "`" + "▰".repeat(filled) + "▱".repeat(BAR - filled) + "` " + streak.current() + "/" + next
                            + " to the next milestone";
                })
                .orElse(":trophy: past every milestone. Keep going!");
    }

    /**
     * A person's weeks: "_This week:_ 1 learning" for a team watched this week, otherwise "_Your last 4 weeks_" and a
     * line per week.
     */
    public static String personalWeeks(List<WeekSummary> weeks, LocalDate currentWeek) {
        if (weeks.size() == 1) {
            return "_This week:_ " + personalWeek(weeks.get(0));
        }
        StringBuilder text = new StringBuilder("_Your last " + weeks.size() + " weeks_");
        for (WeekSummary week : weeks) {
            text.append("\n• ")
                    .append(weekName(week.week(), currentWeek))
                    .append(": ")
                    .append(personalWeek(week));
        }
        return text.toString();
    }

    /** "This week" or "Week of 23 Nov". */
    public static String weekName(LocalDate week, LocalDate currentWeek) {
        return week.equals(currentWeek) ? "This week" : "Week of " + DAY.format(week);
    }

    /**
     * One person's week, only what happened: "2 blockers, 1 with a next step · 1 learning · 1 risk check-in · 1 of 2
     * prompts answered"; a week with none of these is "a quiet week", never a row of zeros.
     */
    static String personalWeek(WeekSummary week) {
        List<String> parts = new ArrayList<>();
        if (week.blockers() > 0) {
            parts.add(count(week.blockers(), "blocker")
                    + (week.withNextStep() == 0 ? "" : ", " + week.withNextStep() + " with a next step"));
        }
        if (week.learnings() > 0) {
            parts.add(count(week.learnings(), "learning"));
        }
        if (week.risks() > 0) {
            parts.add(count(week.risks(), "risk") + " flagged");
        }
        if (week.riskCheckins() > 0) {
            parts.add(count(week.riskCheckins(), "risk check-in"));
        }
        if (week.promptsAnswered() > 0) {
            parts.add(week.promptsAnswered() + " of " + count(week.promptsSent(), "prompt") + " answered");
        }
        return parts.isEmpty() ? "a quiet week" : String.join(" · ", parts);
    }

    /** A team's week, aggregates only. */
    public static String teamWeek(WeekSummary week, Integer members) {
        String share = week.proposalShare()
                .map(percent -> " (" + percent + "% with a next step)")
                .orElse("");
        return count(week.blockers(), "blocker") + share + " · " + count(week.learnings(), "learning") + " · "
                + count(week.risks(), "risk") + " flagged early · " + week.activePeople()
                + (members == null ? " people active" : " of " + members + " members active") + prompts(week);
    }

    private static String prompts(WeekSummary week) {
        return week.promptsSent() == 0
                ? ""
                : " · prompts answered " + week.promptsAnswered() + " of " + week.promptsSent();
    }

    private static String count(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
