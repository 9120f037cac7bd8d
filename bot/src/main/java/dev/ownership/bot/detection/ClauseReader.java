package dev.ownership.bot.detection;

import dev.ownership.bot.detection.ClauseReading.FoundCue;
import dev.ownership.bot.detection.Lexicon.SectionKind;
import dev.ownership.bot.detection.PhraseSet.Match;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads one clause: which blocker cues stand, which are set aside and why, and which proposals it makes. */
final class ClauseReader {

    /** "fixed the login but stuck on the export": a contrast ends what a scope word covers. */
    private static final Set<String> SCOPE_CLOSERS = Set.of("but", "however", "although", "though");

    private final Lexicon lexicon;
    private final Set<String> notTheAuthorActing;

    ClauseReader(Lexicon lexicon) {
        this.lexicon = lexicon;
        Set<String> others = new HashSet<>(lexicon.thirdPartySubjects);
        others.addAll(lexicon.wordClass("impersonal"));
        others.addAll(lexicon.wordClass("subordinate"));
        this.notTheAuthorActing = Set.copyOf(others);
    }

    ClauseReading read(List<Token> tokens, SectionKind section) {
        List<Match<Lexicon.Cue>> cueMatches = longestCues(tokens);
        List<Match<String>> negations = lexicon.negation.findAll(tokens);
        Context context = cueMatches.isEmpty() ? null : new Context(tokens, section, negations);
        List<FoundCue> cues = new ArrayList<>();
        List<String> dismissals = new ArrayList<>();
        for (Match<Lexicon.Cue> match : cueMatches) {
            Optional<String> dismissal = dismissal(match, context);
            if (dismissal.isPresent()) {
                dismissals.add(dismissal.get());
            } else {
                cues.add(new FoundCue(match.payload(), surface(tokens, match.start(), match.end())));
            }
        }
        return new ClauseReading(
                cues,
                dismissals,
                proposals(tokens),
                lexicon.helpSeeking.matchesAnywhere(tokens),
                !negations.isEmpty(),
                lexicon.references.matchesAnywhere(tokens),
                tokens.stream().anyMatch(token -> lexicon.ongoing.contains(token.text())),
                lexicon.unblocking.matchesAnywhere(tokens),
                topics(tokens, !cues.isEmpty()),
                contentWords(tokens));
    }

    /** The proposals a clause makes: next steps, options and workarounds, directed asks. */
    List<String> proposals(List<Token> tokens) {
        List<Match<String>> passive = new ArrayList<>(lexicon.passive.findAll(tokens));
        passive.addAll(lexicon.deflection.findAll(tokens));
        passive.addAll(lexicon.helpSeeking.findAll(tokens));
        List<String> found = new ArrayList<>();
        for (Match<String> match : lexicon.proposals.findAll(tokens)) {
            if (!overlapsAny(passive, match.start(), match.end())) {
                found.add("proposal: '" + surface(tokens, match.start(), match.end()) + "'");
            }
        }
        for (Match<String> marker : lexicon.nextStepMarkers.findAll(tokens)) {
            nextStep(tokens, marker, passive).ifPresent(found::add);
        }
        if (hasAddressee(tokens)) {
            for (Match<String> request : lexicon.requestMarkers.findAll(tokens)) {
                if (!overlapsAny(passive, request.start(), request.end())) {
                    found.add("directed ask: '" + surface(tokens, request.start(), request.end()) + "'");
                }
            }
        }
        return found;
    }

    private Optional<String> nextStep(List<Token> tokens, Match<String> marker, List<Match<String>> passive) {
        int verb = marker.end();
        while (verb < tokens.size()
                && (tokens.get(verb).isBreak()
                        || lexicon.verbSkips.contains(tokens.get(verb).text()))) {
            verb++;
        }
        if (verb >= tokens.size()
                || tokens.get(verb).isBreak()
                || lexicon.passiveVerbs.contains(tokens.get(verb).text())
                || overlapsAny(passive, marker.start(), verb + 1)
                || someoneElseActs(tokens, marker.start())) {
            return Optional.empty();
        }
        return Optional.of("next step: '" + surface(tokens, marker.start(), verb + 1) + "'");
    }

    private boolean hasAddressee(List<Token> tokens) {
        return tokens.stream().anyMatch(Token::isMention) || lexicon.addressees.matchesAnywhere(tokens);
    }

    private Optional<String> dismissal(Match<Lexicon.Cue> cue, Context context) {
        String words = surface(context.tokens, cue.start(), cue.end());
        Optional<Match<String>> otherSense = firstOverlap(context.otherSenses, cue);
        if (otherSense.isPresent()) {
            return Optional.of("'" + context.surface(otherSense.get()) + "' does not mean the author is blocked");
        }
        if (!context.negations.isEmpty()) {
            return Optional.of("'" + context.surface(context.negations.get(0)) + "': nothing is blocking");
        }
        Optional<Match<String>> authorBlocks = firstOverlap(context.authorBlocks, cue);
        if (authorBlocks.isPresent()) {
            return Optional.of("'" + context.surface(authorBlocks.get()) + "': the author is blocking others");
        }
        if (!context.resolutions.isEmpty()) {
            return Optional.of("'" + words + "' is resolved ('" + context.surface(context.resolutions.get(0)) + "')");
        }
        return temporalDismissal(cue, context, words).or(() -> ownershipDismissal(cue, context, words));
    }

    private Optional<String> temporalDismissal(Match<Lexicon.Cue> cue, Context context, String words) {
        if (inScope(context.hypotheticals, cue.start(), context.tokens)) {
            return Optional.of("'" + words + "' is only a possibility");
        }
        boolean pastForm = firstOverlap(context.pastForms, cue).isPresent();
        if (!context.ongoing && (pastForm || context.section == SectionKind.PAST)) {
            return Optional.of("'" + words + "' is in the past");
        }
        if (inScope(context.workDone, cue.start(), context.tokens)) {
            return Optional.of("'" + words + "' describes finished work");
        }
        return Optional.empty();
    }

    private Optional<String> ownershipDismissal(Match<Lexicon.Cue> cue, Context context, String words) {
        boolean explicit = cue.payload().kind() == Lexicon.CueKind.EXPLICIT;
        if (!explicit && inScope(context.workInProgress, cue.start(), context.tokens)) {
            return Optional.of("'" + words + "' describes the work itself");
        }
        if (cue.payload().kind() == Lexicon.CueKind.AGENT && authorIsSubject(context.tokens, cue.start())) {
            return Optional.of("'" + words + "' is about the author's own work");
        }
        boolean saysI = context.tokens.subList(cue.start(), cue.end()).stream()
                .anyMatch(token -> lexicon.firstPerson.contains(token.text()));
        if (cue.payload().concernsAuthor() && !saysI && someoneElseIsSubject(context.tokens, cue.start())) {
            return Optional.of("'" + words + "' is someone else's blocker");
        }
        return Optional.empty();
    }

    /** Whether the subject before a cue is someone other than the author ("@bob is blocked", "she's stuck"). */
    private boolean someoneElseIsSubject(List<Token> tokens, int cueStart) {
        return subjectBefore(tokens, cueStart, lexicon.thirdPartySubjects);
    }

    /** Whether the author is the subject before a cue ("I haven't finished"). */
    private boolean authorIsSubject(List<Token> tokens, int cueStart) {
        int limit = Math.max(0, cueStart - lexicon.thresholds.subjectLookbackTokens());
        for (int index = cueStart - 1; index >= limit; index--) {
            Token token = tokens.get(index);
            if (lexicon.firstPerson.contains(token.text())) {
                return true;
            }
            if (token.isBreak() || token.isMention() || lexicon.subjectBoundaries.contains(token.text())) {
                return false;
            }
        }
        return false;
    }

    /** Whether a next step belongs to someone else ("she will look", "it will take"). */
    private boolean someoneElseActs(List<Token> tokens, int markerStart) {
        return subjectBefore(tokens, markerStart, notTheAuthorActing);
    }

    private boolean subjectBefore(List<Token> tokens, int start, Set<String> others) {
        int limit = Math.max(0, start - lexicon.thresholds.subjectLookbackTokens());
        for (int index = start - 1; index >= limit; index--) {
            Token token = tokens.get(index);
            String word = token.text();
            if (token.isMention() || others.contains(word)) {
                return true;
            }
            if (word.equals("who")) {
                return index > 0 && isSomeoneElse(tokens.get(index - 1), others);
            }
            if (token.isBreak() || lexicon.subjectBoundaries.contains(word) || lexicon.firstPerson.contains(word)) {
                return false;
            }
            if (lexicon.wordClass("teamNouns").contains(word)) {
                return index == 0 || !ownTeamMarker(tokens.get(index - 1).text());
            }
        }
        return false;
    }

    /** "pairing with @leo who is stuck": the one before "who" is the subject. */
    private boolean isSomeoneElse(Token antecedent, Set<String> others) {
        return antecedent.isMention()
                || others.contains(antecedent.text())
                || lexicon.wordClass("teamNouns").contains(antecedent.text());
    }

    private boolean ownTeamMarker(String word) {
        return lexicon.firstPerson.contains(word) || word.equals("the");
    }

    private Map<Category, Integer> topics(List<Token> tokens, boolean hasCue) {
        Map<Category, Integer> scores = new EnumMap<>(Category.class);
        Set<String> counted = new HashSet<>();
        for (Match<Lexicon.Topic> match : longest(lexicon.topics.findAll(tokens))) {
            if (counted.add(match.phrase())) {
                scores.merge(match.payload().category(), match.payload().weight(), Integer::sum);
            }
        }
        if (hasCue && tokens.stream().anyMatch(Token::isMention)) {
            scores.merge(Category.WAITING_ON_PERSON, lexicon.thresholds.mentionPersonWeight(), Integer::sum);
        }
        return scores;
    }

    private Set<String> contentWords(List<Token> tokens) {
        Set<String> words = new HashSet<>();
        for (Token token : tokens) {
            String word = token.text();
            boolean meaningful = token.isMention()
                    || (word.length() >= lexicon.thresholds.topicOverlapMinLength()
                            && !lexicon.stopwords.contains(word)
                            && !lexicon.firstPerson.contains(word));
            if (!token.isBreak() && meaningful) {
                words.add(word);
            }
        }
        return words;
    }

    private List<Match<Lexicon.Cue>> longestCues(List<Token> tokens) {
        return longest(lexicon.blockerCues.findAll(tokens));
    }

    /** Matches without those contained in a longer one ("pod update" is not also "pod"). */
    private static <T> List<Match<T>> longest(List<Match<T>> all) {
        List<Match<T>> longest = new ArrayList<>();
        for (Match<T> candidate : all) {
            boolean contained = all.stream()
                    .anyMatch(other -> other != candidate
                            && other.start() <= candidate.start()
                            && other.end() >= candidate.end()
                            && (other.end() - other.start()) > (candidate.end() - candidate.start()));
            boolean duplicate = longest.stream()
                    .anyMatch(kept -> kept.start() == candidate.start() && kept.end() == candidate.end());
            if (!contained && !duplicate) {
                longest.add(candidate);
            }
        }
        return longest;
    }

    private static <T> Optional<Match<T>> firstOverlap(List<Match<T>> matches, Match<?> cue) {
        return matches.stream()
                .filter(match -> match.overlaps(cue.start(), cue.end()))
                .findFirst();
    }

    private static boolean overlapsAny(List<? extends Match<?>> matches, int start, int end) {
        return matches.stream().anyMatch(match -> match.overlaps(start, end));
    }

    /** Whether a position lies between a scope word and the next punctuation or "but". */
    private static boolean inScope(List<Match<String>> openers, int position, List<Token> tokens) {
        for (Match<String> opener : openers) {
            if (position >= opener.start() && position < scopeEnd(tokens, opener.end())) {
                return true;
            }
        }
        return false;
    }

    private static int scopeEnd(List<Token> tokens, int from) {
        for (int index = from; index < tokens.size(); index++) {
            if (tokens.get(index).isBreak()
                    || SCOPE_CLOSERS.contains(tokens.get(index).text())) {
                return index;
            }
        }
        return tokens.size();
    }

    /** The author's own words for a span of tokens. */
    static String surface(List<Token> tokens, int start, int end) {
        StringBuilder words = new StringBuilder();
        String previous = null;
        for (int index = start; index < end && index < tokens.size(); index++) {
            String word = tokens.get(index).surface();
            if (!word.equals(previous) && !tokens.get(index).isBreak()) {
                words.append(words.length() == 0 ? "" : " ").append(word);
            }
            previous = word;
        }
        return words.toString();
    }

    /** The phrase families found in one clause, computed once. */
    private final class Context {
        final List<Token> tokens;
        final SectionKind section;
        final List<Match<String>> otherSenses;
        final List<Match<String>> negations;
        final List<Match<String>> authorBlocks;
        final List<Match<String>> resolutions;
        final List<Match<String>> pastForms;
        final List<Match<String>> hypotheticals;
        final List<Match<String>> workDone;
        final List<Match<String>> workInProgress;
        final boolean ongoing;

        Context(List<Token> tokens, SectionKind section, List<Match<String>> negations) {
            this.tokens = tokens;
            this.section = section;
            this.negations = negations;
            otherSenses = lexicon.otherSenses.findAll(tokens);
            authorBlocks = lexicon.authorIsBlocker.findAll(tokens);
            resolutions = unguarded(lexicon.resolved.findAll(tokens));
            pastForms = lexicon.past.findAll(tokens);
            hypotheticals = lexicon.hypothetical.findAll(tokens);
            workDone = lexicon.workDone.findAll(tokens);
            workInProgress = lexicon.workInProgress.findAll(tokens);
            ongoing = tokens.stream().anyMatch(token -> lexicon.ongoing.contains(token.text()));
        }

        String surface(Match<?> match) {
            return ClauseReader.surface(tokens, match.start(), match.end());
        }

        /** "until it's fixed" is no resolution. */
        private List<Match<String>> unguarded(List<Match<String>> matches) {
            List<Match<String>> kept = new ArrayList<>();
            for (Match<String> match : matches) {
                boolean guarded = false;
                for (int back = 1; back <= 2 && match.start() - back >= 0; back++) {
                    guarded |= lexicon.resolvedGuards.contains(
                            tokens.get(match.start() - back).text());
                }
                if (!guarded) {
                    kept.add(match);
                }
            }
            return kept;
        }
    }
}
