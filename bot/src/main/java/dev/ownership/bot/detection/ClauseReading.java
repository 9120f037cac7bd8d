package dev.ownership.bot.detection;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one clause says, as read by {@link ClauseReader}.
 *
 * @param cues blocker cues that stand (not negated, past, someone else's, another sense, ...)
 * @param dismissals why other blocker cues were set aside, in words a user can read
 * @param proposals the proposals found, each described for a reason ("next step: 'I'll ping'")
 * @param helpSeeking whether the author asks for help without proposing anything ("any ideas?")
 * @param negated whether the clause says there is no blocker ("nothing blocking me")
 * @param reference whether the clause points at a blocker stated elsewhere ("see above")
 * @param ongoing whether the clause says something still holds ("still", "again")
 * @param unblocking whether the clause talks about getting unblocked (a plan item that serves a blocker)
 * @param topics how strongly the clause's words point to each category
 * @param contentWords the clause's meaningful words, to relate plans to blockers
 */
record ClauseReading(
        List<FoundCue> cues,
        List<String> dismissals,
        List<String> proposals,
        boolean helpSeeking,
        boolean negated,
        boolean reference,
        boolean ongoing,
        boolean unblocking,
        Map<Category, Integer> topics,
        Set<String> contentWords) {

    /** A blocker cue that stands, with the words that matched. */
    record FoundCue(Lexicon.Cue cue, String words) {}

    ClauseReading {
        cues = List.copyOf(cues);
        dismissals = List.copyOf(dismissals);
        proposals = List.copyOf(proposals);
        topics = Map.copyOf(topics);
        contentWords = Set.copyOf(contentWords);
    }

    boolean hasCue() {
        return !cues.isEmpty();
    }

    boolean hasProposal() {
        return !proposals.isEmpty();
    }

    boolean mentionsBlocker() {
        return !cues.isEmpty() || !dismissals.isEmpty();
    }
}
