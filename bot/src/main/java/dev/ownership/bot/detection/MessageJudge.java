package dev.ownership.bot.detection;

import dev.ownership.bot.detection.ClauseReading.FoundCue;
import dev.ownership.bot.detection.Lexicon.SectionKind;
import dev.ownership.bot.detection.StandupLayout.Clause;
import dev.ownership.bot.detection.StandupLayout.Item;
import dev.ownership.bot.detection.StandupLayout.Section;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides a message's label from its clause readings: groups blocker cues into blockers, attaches proposals to the
 * blocker they serve, sets aside what the rules exclude, and writes the reasons.
 *
 * <p>Not thread-safe: one judge per message.
 */
final class MessageJudge {

    private static final int MAX_REASONS = 4;
    private static final int IMPLICIT_REASON_WORDS = 6;
    private static final Set<Category> SUPPORTING_TOPICS =
            Set.of(Category.BROKEN_ENVIRONMENT, Category.ACCESS, Category.EXTERNAL_DEPENDENCY);

    private final Lexicon lexicon;
    private final ClauseReader reader;
    private final List<Blocker> blockers = new ArrayList<>();
    private final List<Pending> unattached = new ArrayList<>();
    private final Set<String> dismissals = new LinkedHashSet<>();
    private Blocker current;
    private boolean saysNothingBlocks;
    private int sectionIndex;
    private int itemIndex;

    MessageJudge(Lexicon lexicon, ClauseReader reader) {
        this.lexicon = lexicon;
        this.reader = reader;
    }

    /** A proposal that came before any blocker, kept to see whether it serves one stated later. */
    private record Pending(List<String> proposals, Set<String> words, boolean unblocking) {}

    Classification judge(List<Section> sections) {
        Section declaredEmpty = null;
        for (sectionIndex = 0; sectionIndex < sections.size(); sectionIndex++) {
            Section section = sections.get(sectionIndex);
            boolean empty = declaresNoBlockers(section);
            if (empty) {
                declaredEmpty = section;
                dismissals.add(emptyReason(section));
            }
            readSection(section, empty);
        }
        keepSupportedBlockers();
        if (declaredEmpty != null) {
            keepOnlyBlockersIn(sections.indexOf(declaredEmpty));
        } else if (saysNothingBlocks) {
            keepOnlyBlockersSectionBlockers();
        }
        preferBlockersSection();
        attachEarlierProposals();
        return verdict();
    }

    private void readSection(Section section, boolean declaredEmpty) {
        for (itemIndex = 0; itemIndex < section.items().size(); itemIndex++) {
            Item item = section.items().get(itemIndex);
            List<ClauseReading> readings = new ArrayList<>();
            for (Clause clause : item.clauses()) {
                readings.add(reader.read(clause.tokens(), section.kind()));
            }
            boolean negated = readings.stream().anyMatch(ClauseReading::negated) || (declaredEmpty && itemIndex == 0);
            saysNothingBlocks |= negated && section.kind() != SectionKind.BLOCKERS;
            if (!declaredEmpty && startsImplicitBlocker(section, item, readings, negated)) {
                startBlocker(section.kind(), List.of()).implicitWords =
                        ClauseReader.surface(item.clauses().get(0).tokens(), 0, IMPLICIT_REASON_WORDS);
            }
            readItem(section, item, readings, negated);
        }
    }

    private void readItem(Section section, Item item, List<ClauseReading> readings, boolean negated) {
        List<String> pendingInItem = new ArrayList<>();
        for (int index = 0; index < readings.size(); index++) {
            ClauseReading reading = readings.get(index);
            dismissals.addAll(reading.dismissals());
            List<FoundCue> cues = negated ? List.of() : reading.cues();
            if (negated && reading.hasCue()) {
                dismissals.add("'" + reading.cues().get(0).words() + "': the author says nothing is blocking");
            }
            if (!cues.isEmpty() && addCues(section.kind(), cues, item.bullet(), pendingInItem)) {
                readings.subList(0, index).forEach(this::absorb);
            }
            absorb(reading);
            if (reading.hasProposal()) {
                propose(section.kind(), reading, pendingInItem);
            }
        }
    }

    /** Adds cues to the blocker being read or to a new one; true when a new one starts. */
    private boolean addCues(SectionKind kind, List<FoundCue> cues, boolean bullet, List<String> pendingInItem) {
        boolean continues = current != null
                && current.sectionIndex == sectionIndex
                && !current.proposalSinceCue
                && (current.itemIndex == itemIndex || !bullet);
        Blocker blocker = continues ? current : startBlocker(kind, pendingInItem);
        blocker.cues.addAll(cues);
        blocker.proposalSinceCue = false;
        blocker.itemIndex = itemIndex;
        pendingInItem.clear();
        return !continues;
    }

    private Blocker startBlocker(SectionKind kind, List<String> pendingInItem) {
        current = new Blocker(kind, sectionIndex, itemIndex);
        current.proposals.addAll(pendingInItem);
        blockers.add(current);
        return current;
    }

    private void absorb(ClauseReading reading) {
        if (current == null || current.sectionIndex != sectionIndex) {
            return;
        }
        current.helpSeeking |= reading.helpSeeking();
        current.ongoing |= reading.ongoing();
        if (current.itemIndex == itemIndex) {
            reading.topics().forEach((category, weight) -> current.topics.merge(category, weight, Integer::sum));
            current.words.addAll(reading.contentWords());
        }
    }

    private void propose(SectionKind kind, ClauseReading reading, List<String> pendingInItem) {
        boolean servesCurrent = current != null && (current.sectionIndex == sectionIndex || kind != SectionKind.PAST);
        if (servesCurrent) {
            current.proposals.addAll(reading.proposals());
            current.proposalSinceCue = true;
        } else if (kind != SectionKind.PAST) {
            pendingInItem.addAll(reading.proposals());
            unattached.add(new Pending(reading.proposals(), reading.contentWords(), reading.unblocking()));
        }
    }

    /**
     * Whatever the author writes under a Blockers heading is a blocker, cue or not, unless it says otherwise or the
     * section opened with "none" (later lines then only count with a cue of their own).
     */
    private boolean startsImplicitBlocker(Section section, Item item, List<ClauseReading> readings, boolean negated) {
        if (section.kind() != SectionKind.BLOCKERS || negated) {
            return false;
        }
        boolean explained = readings.stream().anyMatch(reading -> reading.mentionsBlocker() || reading.reference());
        boolean sameBlocker = current != null
                && current.sectionIndex == sectionIndex
                && (!item.bullet() || readings.get(0).hasProposal());
        return !explained && !sameBlocker;
    }

    private boolean declaresNoBlockers(Section section) {
        if (section.kind() != SectionKind.BLOCKERS) {
            return false;
        }
        if (section.items().isEmpty()) {
            return true;
        }
        List<Token> first = section.items().get(0).clauses().get(0).tokens();
        int firstBreak = first.indexOf(Token.BREAK_TOKEN);
        List<Token> opening = firstBreak < 0 ? first : first.subList(0, firstBreak);
        return lexicon.emptySection.matchesWhole(first) || lexicon.emptySection.matchesWhole(opening);
    }

    private static String emptyReason(Section section) {
        if (section.items().isEmpty()) {
            return "the Blockers section is empty";
        }
        List<Token> first = section.items().get(0).clauses().get(0).tokens();
        return "'Blockers: " + ClauseReader.surface(first, 0, 4) + "': the author reports no blockers";
    }

    private void keepSupportedBlockers() {
        blockers.removeIf(blocker -> {
            boolean unsupported = blocker.needsSupport() && !isSupported(blocker);
            if (unsupported) {
                dismissals.add("'" + blocker.cues.get(0).words() + "' reads as a work update, not a blocker");
            }
            return unsupported;
        });
    }

    private boolean isSupported(Blocker blocker) {
        return blocker.kind == SectionKind.BLOCKERS
                || !blocker.proposals.isEmpty()
                || blocker.helpSeeking
                || blocker.ongoing
                || SUPPORTING_TOPICS.stream().anyMatch(blocker.topics::containsKey);
    }

    private void keepOnlyBlockersIn(int blockersSection) {
        blockers.removeIf(blocker -> {
            boolean elsewhere = blocker.sectionIndex != blockersSection;
            if (elsewhere) {
                dismissals.add("'" + blocker.describe() + "' is outside a Blockers section that says none");
            }
            return elsewhere;
        });
    }

    /** "No blockers." outside a Blockers section speaks for the whole post, as "Blockers: none" does. */
    private void keepOnlyBlockersSectionBlockers() {
        blockers.removeIf(blocker -> {
            boolean elsewhere = blocker.kind != SectionKind.BLOCKERS;
            if (elsewhere) {
                dismissals.add("'" + blocker.describe() + "': the author says nothing is blocking");
            }
            return elsewhere;
        });
    }

    /**
     * When a Blockers section names blockers, it is the author's own summary: cues elsewhere describe the same
     * blockers, so only their proposals are kept, to serve the summary's blockers.
     */
    private void preferBlockersSection() {
        boolean summarised = blockers.stream().anyMatch(blocker -> blocker.kind == SectionKind.BLOCKERS);
        if (!summarised) {
            return;
        }
        blockers.removeIf(blocker -> {
            boolean elsewhere = blocker.kind != SectionKind.BLOCKERS;
            if (elsewhere && !blocker.proposals.isEmpty()) {
                unattached.add(new Pending(blocker.proposals, blocker.words, true));
            }
            return elsewhere;
        });
    }

    /** A plan stated before a blocker serves it when it speaks of the same things or of unblocking. */
    private void attachEarlierProposals() {
        for (Blocker blocker : blockers) {
            if (!blocker.proposals.isEmpty()) {
                continue;
            }
            for (Pending pending : unattached) {
                if (pending.unblocking() || !Collections.disjoint(pending.words(), blocker.words)) {
                    blocker.proposals.addAll(pending.proposals());
                }
            }
        }
    }

    private Classification verdict() {
        if (blockers.isEmpty()) {
            List<String> reasons = dismissals.isEmpty() ? List.of("no blocker cue found") : limited(dismissals);
            return new Classification(Label.NONE, null, reasons);
        }
        Blocker unproposed = blockers.stream()
                .filter(blocker -> blocker.proposals.isEmpty())
                .findFirst()
                .orElse(null);
        Label label = unproposed == null ? Label.BLOCKER_WITH_PROPOSAL : Label.BLOCKER_WITHOUT_PROPOSAL;
        Blocker main = unproposed == null ? blockers.get(0) : unproposed;
        Category category = main.category(lexicon.categoryPrecedence);
        Set<String> reasons = new LinkedHashSet<>();
        blockers.forEach(blocker -> reasons.add(blocker.reason()));
        List<String> limited = new ArrayList<>(limited(reasons));
        limited.add("category: " + category.displayName());
        return new Classification(label, category, limited);
    }

    private static List<String> limited(Set<String> reasons) {
        return reasons.stream().limit(MAX_REASONS).toList();
    }

    /** One blocker of the author's: its cues, the words around them, and the proposals that serve it. */
    private static final class Blocker {
        final SectionKind kind;
        final int sectionIndex;
        int itemIndex;
        final List<FoundCue> cues = new ArrayList<>();
        final List<String> proposals = new ArrayList<>();
        final Map<Category, Integer> topics = new EnumMap<>(Category.class);
        final Set<String> words = new HashSet<>();
        boolean helpSeeking;
        boolean ongoing;
        boolean proposalSinceCue;
        String implicitWords;

        Blocker(SectionKind kind, int sectionIndex, int itemIndex) {
            this.kind = kind;
            this.sectionIndex = sectionIndex;
            this.itemIndex = itemIndex;
        }

        boolean needsSupport() {
            return implicitWords == null
                    && cues.stream().allMatch(found -> found.cue().needsSupport());
        }

        String describe() {
            return cues.isEmpty() ? implicitWords : cues.get(0).words();
        }

        String reason() {
            String where =
                    switch (kind) {
                        case BLOCKERS -> " in the Blockers section";
                        case PLAN -> " in the Today section";
                        default -> "";
                    };
            String step = proposals.isEmpty() ? "no next step found" : proposals.get(0);
            return "'" + describe() + "'" + where + "; " + step;
        }

        Category category(List<Category> precedence) {
            Map<Category, Integer> scores = new EnumMap<>(topics);
            for (FoundCue found : cues) {
                if (found.cue().category() != null && found.cue().weight() > 0) {
                    scores.merge(found.cue().category(), found.cue().weight(), Integer::sum);
                }
            }
            Category best = null;
            for (Category candidate : precedence) {
                int score = scores.getOrDefault(candidate, 0);
                if (score > 0 && (best == null || score > scores.get(best))) {
                    best = candidate;
                }
            }
            return best != null ? best : fallbackCategory();
        }

        /** With no topic words, the first cue says what kind of blocker this is ("stuck": technical). */
        private Category fallbackCategory() {
            if (cues.isEmpty() || cues.get(0).cue().category() == null) {
                return Category.OTHER;
            }
            return cues.get(0).cue().category();
        }
    }
}
