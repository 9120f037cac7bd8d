package dev.ownership.bot.nudge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a standup bot's post as a report: whom it reports for, and its answers as text in the form the detector's
 * section-aware reading handles (each question on a line of its own, its answer on the lines below, so that
 * "Anything blocking your progress?" opens a Blockers section as "Blockers:" does).
 *
 * <p>Who the report is for, in this order (the shapes in {@code docs/STANDUP_BOTS.md}): the one person mentioned on
 * the message's first line ({@code <@U123> posted an update}), the attachments' {@code author_name}, the name it was
 * posted under. Two people where one is expected make it ambiguous, and it is skipped; so is a post without answers.
 * Pure and thread-safe.
 */
final class ReportReading {
    private static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");
    private static final Pattern WHOLE_MENTION = Pattern.compile("\\s*<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>\\s*");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ReportReading() {}

    /** Whom a report names: by user id, or by a name to find among the channel's members. */
    sealed interface Named {
        /** A user id the report carries. */
        record ById(String userId) implements Named {}

        /** A name the report carries, normalised with {@link #normalised}. */
        record ByName(String name) implements Named {}
    }

    /**
     * What a post reads as.
     *
     * @param named whom it reports for, or {@code null} when it names nobody, or several people
     * @param answers the answers for the detector, or empty when there are none
     * @param why why it cannot be read as a report, for the debug log (no names, no text), or {@code null}
     */
    record Reading(Named named, String answers, String why) {
        boolean isReport() {
            return why == null;
        }
    }

    /** Reads {@code post}; {@code botName} is the bot's own name, which a posted-as name must differ from. */
    static Reading read(BotPost post, String botName) {
        List<String> lines = List.of(post.text().split("\n", -1));
        int header = firstNonBlank(lines);
        Set<String> mentioned = header < 0 ? Set.of() : mentions(lines.get(header));
        if (mentioned.size() > 1) {
            return skipped("its first line mentions " + mentioned.size() + " people");
        }
        Named named;
        List<String> answerLines = new ArrayList<>(lines);
        if (mentioned.size() == 1) {
            named = new Named.ById(mentioned.iterator().next());
            answerLines = new ArrayList<>(lines.subList(header + 1, lines.size()));
        } else {
            Set<Named> authors = authors(post);
            if (authors.size() > 1) {
                return skipped("its attachments name " + authors.size() + " authors");
            }
            if (authors.size() == 1) {
                named = authors.iterator().next();
            } else if (post.postedAs() != null
                    && !normalised(post.postedAs()).isEmpty()
                    && !normalised(post.postedAs()).equals(normalised(botName))) {
                named = named(post.postedAs());
            } else {
                return skipped("it names nobody (no mention on its first line, no author, no posted-as name)");
            }
        }
        String answers = answers(answerLines, post.attachments());
        if (answers.isBlank()) {
            return skipped("it has no answers");
        }
        return new Reading(named, answers, null);
    }

    /** A name as compared: trimmed, without a leading {@code @}, single-spaced, lower case. */
    static String normalised(String name) {
        if (name == null) {
            return "";
        }
        String trimmed = name.strip();
        if (trimmed.startsWith("@")) {
            trimmed = trimmed.substring(1);
        }
        return SPACES.matcher(trimmed).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    private static Named named(String name) {
        Matcher mention = WHOLE_MENTION.matcher(name);
        return mention.matches() ? new Named.ById(mention.group(1)) : new Named.ByName(normalised(name));
    }

    private static Reading skipped(String why) {
        return new Reading(null, "", why);
    }

    private static int firstNonBlank(List<String> lines) {
        for (int index = 0; index < lines.size(); index++) {
            if (!lines.get(index).isBlank()) {
                return index;
            }
        }
        return -1;
    }

    private static Set<String> mentions(String line) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher mention = MENTION.matcher(line);
        while (mention.find()) {
            ids.add(mention.group(1));
        }
        return ids;
    }

    private static Set<Named> authors(BotPost post) {
        Set<Named> authors = new LinkedHashSet<>();
        for (BotPost.Attachment attachment : post.attachments()) {
            if (attachment.authorName() != null
                    && !normalised(attachment.authorName()).isEmpty()) {
                authors.add(named(attachment.authorName()));
            }
        }
        return authors;
    }

    /** The answers: the text's remaining lines, then each attachment's questions and answers, in order. */
    private static String answers(List<String> textLines, List<BotPost.Attachment> attachments) {
        List<String> out = new ArrayList<>();
        textLines.stream().filter(line -> !line.isBlank()).forEach(out::add);
        for (BotPost.Attachment attachment : attachments) {
            addLines(out, attachment.pretext());
            addQuestion(out, attachment.title(), attachment.text());
            for (BotPost.Field field : attachment.fields()) {
                addQuestion(out, field.title(), field.value());
            }
        }
        return String.join("\n", out);
    }

    private static void addQuestion(List<String> out, String question, String answer) {
        if (answer == null || answer.isBlank()) {
            // A question left unanswered says nothing; a heading without an answer would only open an empty section.
            return;
        }
        addLines(out, question);
        addLines(out, answer);
    }

    private static void addLines(List<String> out, String text) {
        if (text == null) {
            return;
        }
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
    }
}
