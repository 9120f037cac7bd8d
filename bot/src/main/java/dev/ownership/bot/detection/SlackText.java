package dev.ownership.bot.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns raw Slack mrkdwn, as the Events API delivers it, into the plain lines the author actually stated.
 *
 * <p>Code blocks, quoted lines and struck-through text are dropped (they are not the author's statement, or were
 * retracted); mentions, channel links and links become readable words; HTML escapes, emoji codes and formatting marks
 * are removed; list bullets are noted and stripped.
 */
final class SlackText {

    /** One line the author wrote; {@code bullet} is true when it was a list item. */
    record Line(String text, boolean bullet) {}

    private static final Pattern FENCED_CODE = Pattern.compile("```.*?```", Pattern.DOTALL);
    private static final Pattern ANGLE_ENTITY = Pattern.compile("<([^<>\\n]*)>");
    /** Letters and digits, not "_": "_~struck~_" is struck text inside italics. */
    private static final Pattern STRIKE =
            Pattern.compile("(?<![\\p{L}\\p{N}~])~(?=\\S)[^~\\n]*?\\S?~(?![\\p{L}\\p{N}~])");

    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");
    private static final Pattern EMOJI = Pattern.compile(":[a-z0-9+\\-][a-z0-9_+\\-']*:(?::skin-tone-\\d:)?");
    private static final Pattern PICTOGRAPHS = Pattern.compile("[\\p{So}\\x{FE0F}\\x{200D}]");
    private static final Pattern BOLD = Pattern.compile("(?<![\\w*])\\*+([^*\\n]+?)\\*+(?![\\w*])");
    private static final Pattern ITALIC = Pattern.compile("(?<![\\w_])_([^_\\n]+?)_(?![\\w_])");
    /** "*Blockers:* none *Risks:* ..." puts two headings on one line; each starts a line of its own. */
    private static final Pattern INLINE_BOLD_HEADING =
            Pattern.compile("(?<=\\S)[ \\t]+(\\*[^*\\n]{1,30}?(?::\\*|\\*:))");

    private static final Pattern BOLD_LEAD = Pattern.compile("^\\s*\\*([^*:\\n]{1,40})\\*\\s+(?=[\\p{L}\\p{N}_~-])");
    private static final Pattern BULLET =
            Pattern.compile("^\\s*(?:[•◦▪▸►‣⁃●○■□➤➔→*+\\-]|\\(?\\d{1,2}[.)]|\\(\\d{1,2}\\)|[a-h][.)])\\s+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final String CODE_PLACEHOLDER = " snippet ";

    private SlackText() {}

    /** The lines the author stated, in order; empty for null or blank text. */
    static List<Line> statedLines(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        String text = withoutCodeBlocks(raw.replace("\r\n", "\n").replace('\r', '\n'));
        text = unescapeHtml(replaceAngleEntities(text));
        text = INLINE_BOLD_HEADING.matcher(text).replaceAll("\n$1");
        List<Line> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith(">>>")) {
                break;
            }
            if (trimmed.startsWith(">")) {
                continue;
            }
            toLine(line).ifPresent(lines::add);
        }
        return lines;
    }

    private static java.util.Optional<Line> toLine(String line) {
        String text = STRIKE.matcher(line).replaceAll(" ");
        text = INLINE_CODE.matcher(text).replaceAll(CODE_PLACEHOLDER);
        text = EMOJI.matcher(text).replaceAll(" ");
        text = PICTOGRAPHS.matcher(text).replaceAll(" ");
        Matcher bullet = BULLET.matcher(text);
        boolean isBullet = bullet.find();
        if (isBullet) {
            text = text.substring(bullet.end());
        }
        text = BOLD_LEAD.matcher(text).replaceFirst("$1: ");
        text = ITALIC.matcher(BOLD.matcher(text).replaceAll("$1")).replaceAll("$1");
        text = SPACES.matcher(text.replace("**", " ").replace("__", " "))
                .replaceAll(" ")
                .strip();
        return text.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new Line(text, isBullet));
    }

    private static String withoutCodeBlocks(String text) {
        String withoutClosed = FENCED_CODE.matcher(text).replaceAll("\n");
        int unclosed = withoutClosed.indexOf("```");
        return unclosed < 0 ? withoutClosed : withoutClosed.substring(0, unclosed);
    }

    private static String replaceAngleEntities(String text) {
        Matcher matcher = ANGLE_ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(readable(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String readable(String entity) {
        String target = entity;
        String label = "";
        int bar = entity.indexOf('|');
        if (bar >= 0) {
            target = entity.substring(0, bar);
            label = entity.substring(bar + 1).strip();
        }
        if (target.startsWith("@")) {
            return " @" + handle(label.isEmpty() ? target.substring(1) : label) + " ";
        }
        if (target.startsWith("!")) {
            return specialMention(target.substring(1), label);
        }
        if (target.startsWith("#")) {
            return label.isEmpty() ? " the channel " : " the " + handle(label) + " channel ";
        }
        if (!label.isEmpty()) {
            return " " + label + " ";
        }
        return target.contains("/pull/") || target.contains("/merge_requests/") ? " PR link " : " link ";
    }

    private static String specialMention(String target, String label) {
        if (target.startsWith("subteam^")) {
            return " @" + handle(label.isEmpty() ? "team" : label) + " ";
        }
        if (target.startsWith("here") || target.startsWith("channel") || target.startsWith("everyone")) {
            return " @" + target.replaceAll("\\W.*", "") + " ";
        }
        return label.isEmpty() ? " " : " " + label + " ";
    }

    private static String handle(String name) {
        String withoutAt = name.startsWith("@") ? name.substring(1) : name;
        return SPACES.matcher(withoutAt.strip()).replaceAll("_").toLowerCase(Locale.ROOT);
    }

    private static String unescapeHtml(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
