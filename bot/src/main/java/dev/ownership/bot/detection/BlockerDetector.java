package dev.ownership.bot.detection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Labels a standup post: does it report a blocker of the author's own, and did the author propose a next step?
 *
 * <p>Engineered rules over a section-aware, tokenised view of the raw Slack text, driven by a lexicon of cue phrases
 * and thresholds (see {@code docs/DETECTION.md}). No model and nothing downloaded: a detector is built once from its
 * lexicon and then only reads.
 *
 * <p>Instances are immutable and thread-safe: share one across threads.
 */
public final class BlockerDetector {

    /** Names a lexicon file that replaces the built-in one. */
    public static final String LEXICON_VARIABLE = "OWNERSHIP_DETECTION_LEXICON";

    private static final String DEFAULT_LEXICON = "/detection/lexicon.json";
    private static final Logger LOG = LoggerFactory.getLogger(BlockerDetector.class);

    private final Lexicon lexicon;
    private final ClauseReader reader;

    private BlockerDetector(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.reader = new ClauseReader(lexicon);
    }

    /** A detector with the lexicon that ships in the jar. */
    public static BlockerDetector withDefaultLexicon() {
        return new BlockerDetector(Lexicon.readResource(DEFAULT_LEXICON));
    }

    /**
     * A detector with an operator's lexicon: a complete file in the same format as the built-in one.
     *
     * @throws IllegalArgumentException when the file cannot be read or is not a valid lexicon
     */
    public static BlockerDetector fromLexicon(Path overrideFile) {
        Objects.requireNonNull(overrideFile, "overrideFile");
        try (InputStream in = Files.newInputStream(overrideFile)) {
            return new BlockerDetector(Lexicon.read(in));
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("Cannot read lexicon " + overrideFile + ": " + unreadable, unreadable);
        }
    }

    /**
     * A detector with the lexicon named by {@value #LEXICON_VARIABLE} when it is set, else the built-in one.
     *
     * @throws IllegalArgumentException naming the variable when its file is missing or invalid
     */
    public static BlockerDetector fromEnvironment(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        String path = env.get(LEXICON_VARIABLE);
        if (path == null || path.isBlank()) {
            return withDefaultLexicon();
        }
        try {
            BlockerDetector detector = fromLexicon(Path.of(path.strip()));
            LOG.info("Blocker detection uses the lexicon in {}", path.strip());
            return detector;
        } catch (RuntimeException invalid) {
            throw new IllegalArgumentException(LEXICON_VARIABLE + ": " + invalid.getMessage(), invalid);
        }
    }

    /** Classifies raw Slack text; never throws: null, empty or unreadable text is {@link Label#NONE}. */
    public Classification classify(String slackText) {
        try {
            List<StandupLayout.Section> sections = StandupLayout.of(SlackText.statedLines(slackText), lexicon);
            return new MessageJudge(lexicon, reader).judge(sections);
        } catch (RuntimeException unexpected) {
            LOG.warn("Blocker detection failed on a message; treating it as no blocker", unexpected);
            return new Classification(Label.NONE, null, List.of("the message could not be read"));
        }
    }

    /**
     * Whether a text, such as a thread reply or an edit, contains a concrete proposal by the rules (a next step, an
     * option or workaround, a directed ask), with or without a blocker cue. Never throws.
     */
    public boolean containsProposal(String slackText) {
        try {
            return StandupLayout.of(SlackText.statedLines(slackText), lexicon).stream()
                    .flatMap(section -> section.items().stream())
                    .flatMap(item -> item.clauses().stream())
                    .anyMatch(clause -> !reader.proposals(clause.tokens()).isEmpty());
        } catch (RuntimeException unexpected) {
            LOG.warn("Proposal detection failed on a message", unexpected);
            return false;
        }
    }
}
