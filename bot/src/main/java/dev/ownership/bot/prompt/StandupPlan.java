package dev.ownership.bot.prompt;

import dev.ownership.storage.prompt.StandupSettingsRepository;
import dev.ownership.storage.prompt.StandupSettingsRepository.StoredStandup;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a team's standup asks and when it reminds: its questions (the default three unless an admin set its own) and
 * the reminder's local time (two hours after the standup unless set, or none). The validation admins' changes pass.
 *
 * <p>Thread-safe.
 */
public final class StandupPlan {
    /** The questions a team's standup asks until an admin changes them. */
    public static final List<String> DEFAULT_QUESTIONS =
            List.of("What did you do yesterday?", "What will you do today?", "Anything blocking you?");
    /** At most this many questions. */
    public static final int MAX_QUESTIONS = 5;
    /** At most this many characters a question. */
    public static final int MAX_QUESTION_LENGTH = 150;
    /** The reminder's default distance from the standup. */
    public static final Duration DEFAULT_REMINDER_AFTER = Duration.ofHours(2);

    private final StandupSettingsRepository settings;

    public StandupPlan(StandupSettingsRepository settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The questions the team's standup asks. */
    public List<String> questions(String channelId) {
        return settings.find(channelId)
                .map(StoredStandup::questions)
                .filter(questions -> !questions.isEmpty())
                .orElse(DEFAULT_QUESTIONS);
    }

    /** Whether the team kept the default questions. */
    public boolean defaultQuestions(String channelId) {
        return settings.find(channelId)
                .map(StoredStandup::questions)
                .orElse(List.of())
                .isEmpty();
    }

    /** Sets the team's questions; an empty list restores the defaults. Validate them first. */
    public void setQuestions(String channelId, List<String> questions) {
        settings.saveQuestions(channelId, questions);
    }

    /**
     * The reminder's local time for a standup at {@code standupAt}: the team's own, or two hours later (empty when
     * the reminder is off, or when two hours later is past midnight).
     */
    public Optional<LocalTime> reminderTime(String channelId, LocalTime standupAt) {
        Optional<StoredStandup> stored = settings.find(channelId);
        if (stored.isPresent() && !stored.get().remindEnabled()) {
            return Optional.empty();
        }
        LocalTime own = stored.map(StoredStandup::remindAt).orElse(null);
        if (own != null) {
            return Optional.of(own);
        }
        LocalTime later = standupAt.plus(DEFAULT_REMINDER_AFTER);
        return later.isAfter(standupAt) ? Optional.of(later) : Optional.empty();
    }

    /** Whether the team set its own reminder time (rather than two hours after the standup). */
    public boolean ownReminderTime(String channelId) {
        return settings.find(channelId).map(StoredStandup::remindAt).isPresent();
    }

    /** Sets the reminder: at {@code at}, or the default when {@code at} is null. */
    public void remindAt(String channelId, LocalTime at) {
        settings.saveReminder(channelId, at, true);
    }

    /** Turns the reminder off. */
    public void remindOff(String channelId) {
        settings.saveReminder(
                channelId, settings.find(channelId).map(StoredStandup::remindAt).orElse(null), false);
    }

    /**
     * What is wrong with questions an admin typed, in one sentence, or empty when they can be used.
     *
     * @param questions the questions, already split and stripped
     */
    public static Optional<String> problemWith(List<String> questions) {
        if (questions.isEmpty()) {
            return Optional.of("Give the standup at least one question.");
        }
        if (questions.size() > MAX_QUESTIONS) {
            return Optional.of(
                    "A standup asks at most " + MAX_QUESTIONS + " questions; that was " + questions.size() + ".");
        }
        for (int i = 0; i < questions.size(); i++) {
            String question = questions.get(i);
            if (question.isEmpty()) {
                return Optional.of("Question " + (i + 1) + " is empty: separate questions with a single `|`.");
            }
            if (question.length() > MAX_QUESTION_LENGTH) {
                return Optional.of("Question " + (i + 1) + " is " + question.length() + " characters long; keep each "
                        + "under " + (MAX_QUESTION_LENGTH + 1) + ".");
            }
            if (question.contains("*") || question.contains("`")) {
                return Optional.of("Question " + (i + 1) + " contains `*` or a backtick, which would garble its "
                        + "formatting; leave them out.");
            }
        }
        if (questions.stream().distinct().count() < questions.size()) {
            return Optional.of("Two of the questions are the same.");
        }
        return Optional.empty();
    }
}
