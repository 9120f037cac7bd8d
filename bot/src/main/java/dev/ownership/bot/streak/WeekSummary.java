package dev.ownership.bot.streak;

import dev.ownership.storage.streak.ActivityRepository.Activity;
import dev.ownership.storage.streak.ActivityRepository.Blocker;
import dev.ownership.storage.streak.ActivityRepository.Event;
import dev.ownership.storage.streak.ActivityRepository.Prompt;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What one person, or a whole team, did in one of the team's weeks.
 *
 * @param week the week's Monday
 * @param blockers blockers raised (dismissed and deleted ones excluded)
 * @param withNextStep how many of them have a next step by now
 * @param learnings learnings shared
 * @param risks risks flagged
 * @param riskCheckins answers to the risk check-in
 * @param promptsSent prompts delivered
 * @param promptsAnswered how many of them were answered
 * @param activePeople people who posted a standup, shared, answered a check-in or a prompt
 */
public record WeekSummary(
        LocalDate week,
        int blockers,
        int withNextStep,
        int learnings,
        int risks,
        int riskCheckins,
        int promptsSent,
        int promptsAnswered,
        int activePeople) {

    public WeekSummary {
        Objects.requireNonNull(week, "week");
    }

    /** The share of blockers with a next step, in percent, when there were blockers. */
    public Optional<Integer> proposalShare() {
        return blockers == 0 ? Optional.empty() : Optional.of(Math.round(100f * withNextStep / blockers));
    }

    /** Summarises the part of {@code activity} that falls in the week of {@code monday}. */
    static WeekSummary of(Activity activity, LocalDate monday, ZoneId zone) {
        Instant from = TeamWeeks.startOf(monday, zone);
        Instant to = TeamWeeks.endOf(monday, zone);
        List<Blocker> blockers = within(activity.blockers(), Blocker::postedAt, from, to);
        List<Prompt> prompts = within(activity.prompts(), Prompt::sentAt, from, to);
        List<Event> posts = within(activity.posts(), Event::at, from, to);
        List<Event> learnings = within(activity.learnings(), Event::at, from, to);
        List<Event> risks = within(activity.risks(), Event::at, from, to);
        List<Event> checkins = within(activity.riskCheckins(), Event::at, from, to);
        Set<String> active = new HashSet<>();
        Stream.of(posts, learnings, risks, checkins).flatMap(List::stream).forEach(event -> active.add(event.userId()));
        prompts.stream().filter(prompt -> prompt.answeredAt() != null).forEach(prompt -> active.add(prompt.userId()));
        return new WeekSummary(
                monday,
                blockers.size(),
                (int) blockers.stream()
                        .filter(blocker -> blocker.proposedAt() != null)
                        .count(),
                learnings.size(),
                risks.size(),
                checkins.size(),
                prompts.size(),
                (int) prompts.stream()
                        .filter(prompt -> prompt.answeredAt() != null)
                        .count(),
                active.size());
    }

    private static <T> List<T> within(List<T> facts, Function<T, Instant> time, Instant from, Instant to) {
        return facts.stream()
                .filter(fact ->
                        !time.apply(fact).isBefore(from) && time.apply(fact).isBefore(to))
                .toList();
    }
}
