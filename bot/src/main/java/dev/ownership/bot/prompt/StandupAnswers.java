package dev.ownership.bot.prompt;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One person's answers to their team's standup questions, as typed in the modal. Never stored: they are posted in
 * the team's channel, and read back from there for an edit.
 *
 * @param userId whose answers
 * @param answers each question with its answer, in the order asked
 */
public record StandupAnswers(String userId, List<Answer> answers) {
    /** The longest answer to one question. */
    public static final int MAX_ANSWER_LENGTH = 2_000;

    public StandupAnswers {
        Objects.requireNonNull(userId, "userId");
        answers = List.copyOf(answers);
    }

    /**
     * The questions and answers as the detector judges them: each question in bold on its line, the answer under it,
     * as in the post but without the header naming the person, so that a mention there is never read as someone
     * else's blocker.
     */
    public String body() {
        return answers.stream()
                .map(answer -> "*" + answer.question() + "*\n" + answer.text())
                .collect(Collectors.joining("\n"));
    }

    /**
     * One question and its answer.
     *
     * @param question the question as asked
     * @param text the answer
     */
    public record Answer(String question, String text) {
        public Answer {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(text, "text");
        }
    }
}
