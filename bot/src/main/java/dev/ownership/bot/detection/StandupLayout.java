package dev.ownership.bot.detection;

import dev.ownership.bot.detection.Lexicon.SectionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The section-aware view of a standup post: sections (yesterday, today, blockers, ...) opened by headings in the
 * forms standup bots and people use, holding items (lines and list entries) made of clauses (sentences).
 */
final class StandupLayout {

    /** One sentence, tokenised. */
    record Clause(List<Token> tokens) {}

    /** One line or list entry. */
    record Item(List<Clause> clauses, boolean bullet) {}

    /** A run of items under one heading; {@link SectionKind#NONE} before any heading. */
    record Section(SectionKind kind, List<Item> items) {}

    private static final int MAX_CLAUSE_TOKENS = 120;
    private static final List<String> ABBREVIATIONS = List.of("e.g.", "i.e.", "vs.", "approx.", "incl.", "cf.");
    private static final Pattern HEADING =
            Pattern.compile("^(.{1,80}?)\\s*(?::|\\?|=|\\s[-–—]+(?=\\s|$)|[-–—]+$)(.*)$", Pattern.DOTALL);
    private static final Pattern INLINE_SHORT_HEADINGS = Pattern.compile("^(?:[YT]|Y'?day|Yesterday)\\s*:.*");
    private static final Pattern SHORT_HEADING_START =
            Pattern.compile("\\s+(?=(?:[YTB]|Yesterday|Today|Blockers?)\\s*:\\s)");
    private static final Pattern PART_SEPARATOR = Pattern.compile("\\s+[/|]\\s+");
    private static final Pattern QUESTION_LABEL = Pattern.compile("^(?:Q|Question)\\s*\\d*\\s*[:.)]\\s*");
    private static final Pattern FIRST_WORD = Pattern.compile("^\\s*(\\p{L}+)\\s+\\S");
    private static final Pattern WORD_GAP = Pattern.compile("\\s+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.!:]+$");

    private final Lexicon lexicon;
    private final List<Section> sections = new ArrayList<>();
    private SectionKind currentKind = SectionKind.NONE;
    private List<Item> currentItems;
    private List<Clause> currentClauses;

    private StandupLayout(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** Lays out the stated lines of a message. */
    static List<Section> of(List<SlackText.Line> lines, Lexicon lexicon) {
        StandupLayout layout = new StandupLayout(lexicon);
        lines.forEach(layout::addLine);
        return List.copyOf(layout.sections);
    }

    private record Heading(List<SectionKind> kinds, String rest) {}

    private void addLine(SlackText.Line line) {
        currentClauses = null;
        List<String> sentences = sentences(line.text());
        for (String sentence : sentences) {
            Optional<Heading> heading = heading(sentence, sentences.size() == 1);
            if (heading.isPresent()) {
                openSections(heading.get(), line.bullet());
            } else {
                addClause(sentence, line.bullet());
            }
        }
    }

    private static List<String> sentences(String text) {
        boolean shortHeadings = INLINE_SHORT_HEADINGS.matcher(text).matches();
        List<String> sentences = new ArrayList<>();
        for (String sentence : splitSentences(text)) {
            if (shortHeadings) {
                sentences.addAll(List.of(SHORT_HEADING_START.split(sentence)));
            } else {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    /** Splits after '.', '!' or '?' followed by a space, except after abbreviations such as "e.g.". */
    private static List<String> splitSentences(String text) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        for (int index = 0; index + 1 < text.length(); index++) {
            char character = text.charAt(index);
            boolean ends = (character == '.' || character == '!' || character == '?')
                    && Character.isWhitespace(text.charAt(index + 1))
                    && !endsWithAbbreviation(text, index);
            if (ends) {
                sentences.add(text.substring(start, index + 1));
                start = index + 1;
            }
        }
        sentences.add(text.substring(start));
        sentences.removeIf(String::isBlank);
        return sentences;
    }

    private static boolean endsWithAbbreviation(String text, int dot) {
        for (String abbreviation : ABBREVIATIONS) {
            int from = dot + 1 - abbreviation.length();
            if (from >= 0
                    && text.regionMatches(true, from, abbreviation, 0, abbreviation.length())
                    && (from == 0 || !Character.isLetter(text.charAt(from - 1)))) {
                return true;
            }
        }
        return false;
    }

    private void openSections(Heading heading, boolean bullet) {
        List<String> parts = heading.kinds().size() > 1 ? parts(heading) : List.of(heading.rest());
        for (int index = 0; index < parts.size(); index++) {
            startSection(heading.kinds().get(index));
            addClause(parts.get(index), bullet);
        }
    }

    private static List<String> parts(Heading heading) {
        List<String> parts = List.of(PART_SEPARATOR.split(heading.rest().strip()));
        return parts.size() == heading.kinds().size() ? parts : List.of(heading.rest());
    }

    private void startSection(SectionKind kind) {
        currentKind = kind;
        currentItems = new ArrayList<>();
        currentClauses = null;
        sections.add(new Section(kind, currentItems));
    }

    private void addClause(String text, boolean bullet) {
        List<Token> tokens = lexicon.tokenizer.tokenize(text);
        if (tokens.isEmpty()) {
            return;
        }
        if (tokens.size() > MAX_CLAUSE_TOKENS) {
            addLongClause(tokens, bullet);
        } else {
            addTokens(tokens, bullet);
        }
    }

    private void addTokens(List<Token> tokens, boolean bullet) {
        if (currentItems == null) {
            currentItems = new ArrayList<>();
            sections.add(new Section(currentKind, currentItems));
        }
        if (currentClauses == null) {
            currentClauses = new ArrayList<>();
            currentItems.add(new Item(currentClauses, bullet));
        }
        currentClauses.add(new Clause(List.copyOf(tokens)));
    }

    /** A run-on "sentence" of hundreds of words is read in pieces, which keeps every rule linear in the text. */
    private void addLongClause(List<Token> tokens, boolean bullet) {
        for (int from = 0; from < tokens.size(); from += MAX_CLAUSE_TOKENS) {
            addTokens(tokens.subList(from, Math.min(tokens.size(), from + MAX_CLAUSE_TOKENS)), bullet);
        }
    }

    private Optional<Heading> heading(String sentence, boolean wholeLine) {
        Matcher matcher =
                HEADING.matcher(QUESTION_LABEL.matcher(sentence.strip()).replaceFirst(""));
        if (matcher.matches()) {
            List<SectionKind> kinds = headingKinds(matcher.group(1));
            if (!kinds.isEmpty()) {
                return Optional.of(new Heading(kinds, matcher.group(2).strip()));
            }
        }
        String bare = TRAILING_PUNCTUATION.matcher(sentence).replaceAll("").strip();
        if (wholeLine && !isBareState(bare)) {
            List<SectionKind> kinds = headingKinds(bare);
            if (!kinds.isEmpty()) {
                return Optional.of(new Heading(kinds, ""));
            }
        }
        return leadingDay(sentence);
    }

    /** A line that only says "Blocked." states a blocker; it does not open an empty section. */
    private boolean isBareState(String line) {
        List<Token> tokens = lexicon.tokenizer.tokenize(line);
        return tokens.size() == 1 && lexicon.bareStates.contains(tokens.get(0).text());
    }

    /** "Today I'd start ..." opens a Today section as surely as "Today:" does. */
    private Optional<Heading> leadingDay(String sentence) {
        Matcher firstWord = FIRST_WORD.matcher(sentence);
        if (!firstWord.find()) {
            return Optional.empty();
        }
        List<Token> lead = lexicon.tokenizer.tokenize(firstWord.group(1));
        if (lead.size() != 1 || !lexicon.leadWords.contains(lead.get(0).text())) {
            return Optional.empty();
        }
        SectionKind kind = kindOf(lead.get(0).text());
        return kind == null ? Optional.empty() : Optional.of(new Heading(List.of(kind), sentence));
    }

    /** The kinds a heading opens: one, or several for combined headings such as "Y/T/B". */
    private List<SectionKind> headingKinds(String candidate) {
        if (WORD_GAP.split(candidate.strip()).length > lexicon.thresholds.headingMaxTokens()) {
            return List.of();
        }
        List<Token> tokens = lexicon.tokenizer.tokenize(candidate);
        if (tokens.isEmpty() || tokens.size() > lexicon.thresholds.headingMaxTokens()) {
            return List.of();
        }
        if (tokens.size() == 1 && tokens.get(0).text().contains("/")) {
            return combinedKinds(tokens.get(0).text());
        }
        SectionKind best = null;
        for (Token token : tokens) {
            SectionKind kind = kindOf(token.text());
            if (kind == null && !token.isBreak() && !lexicon.headingFillers.contains(token.text())) {
                return List.of();
            }
            best = stronger(best, kind);
        }
        return best == null ? List.of() : List.of(best);
    }

    private List<SectionKind> combinedKinds(String word) {
        List<SectionKind> kinds = new ArrayList<>();
        for (String part : word.split("/")) {
            SectionKind kind = kindOf(part);
            if (kind == null) {
                return List.of();
            }
            kinds.add(kind);
        }
        return kinds.contains(SectionKind.BLOCKERS) || kinds.size() > 1 ? kinds : List.of();
    }

    private SectionKind kindOf(String word) {
        for (SectionKind kind : List.of(SectionKind.BLOCKERS, SectionKind.PAST, SectionKind.PLAN, SectionKind.NOTES)) {
            if (lexicon.sectionWords.get(kind).contains(word)) {
                return kind;
            }
        }
        return null;
    }

    /** A heading that mentions blockers opens a Blockers section, whatever else it says. */
    private static SectionKind stronger(SectionKind current, SectionKind candidate) {
        if (current == null) {
            return candidate;
        }
        if (candidate == null) {
            return current;
        }
        return candidate.ordinal() > current.ordinal() && candidate != SectionKind.NOTES ? candidate : current;
    }
}
