package dev.ownership.bot.prompt;

import java.util.List;
import java.util.Objects;

/**
 * The standup modal to open: the questions, the answers posted before when editing, the team's channel name.
 *
 * @param questions the questions, one input each
 * @param answers the answers to fill in when editing, in the same order; empty for a new standup
 * @param channelName where the answers are posted
 * @param editing whether the answers were posted before
 */
public record StandupForm(List<String> questions, List<String> answers, String channelName, boolean editing) {
    public StandupForm {
        questions = List.copyOf(questions);
        answers = List.copyOf(answers);
        Objects.requireNonNull(channelName, "channelName");
    }
}
