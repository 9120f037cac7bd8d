package dev.ownership.bot.command;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repeats a word someone typed inside an explanation, as Slack would show it: {@code <@U1|lee>} as {@code @lee},
 * {@code <#C1|standup>} as {@code #standup}, and an escape without a name ({@code <@U1>}, {@code <#C1>}) as the
 * mention itself, outside code, so that Slack renders it. Never the raw escape. Cut short, so that the explanation
 * stays short.
 */
final class Echo {
    static final int MAX_SHOWN = 40;

    /** A Slack escape: {@code <@U1|name>}, {@code <#C1>}, {@code <!here>}, {@code <!subteam^S1|@devs>}, a link. */
    private static final Pattern ESCAPE = Pattern.compile("<([@#!]?)([^<>|]*)(?:\\|([^<>]*))?>");

    private static final Pattern MENTIONABLE = Pattern.compile("[UWCG][A-Z0-9]+");

    private Echo() {}

    /** {@code typed} in backticks, escapes shown as Slack shows them, about {@value #MAX_SHOWN} characters at most. */
    static String quoted(String typed) {
        StringBuilder shown = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        int budget = MAX_SHOWN;
        for (Segment segment : segments(typed)) {
            if (segment.text().length() > budget) {
                if (!segment.mention()) {
                    plain.append(segment.text(), 0, budget);
                }
                plain.append('…');
                break;
            }
            budget -= segment.text().length();
            if (segment.mention()) {
                flush(shown, plain);
                shown.append(segment.text());
            } else {
                plain.append(segment.text());
            }
        }
        flush(shown, plain);
        return shown.isEmpty() ? "``" : shown.toString();
    }

    /** The typed text as Slack shows it: plain text (named escapes replaced by their names) and mentions. */
    private static List<Segment> segments(String typed) {
        List<Segment> segments = new ArrayList<>();
        Matcher escape = ESCAPE.matcher(typed);
        int from = 0;
        while (escape.find()) {
            addPlain(segments, typed.substring(from, escape.start()));
            String mention = mention(escape);
            if (mention == null) {
                addPlain(segments, named(escape));
            } else {
                segments.add(new Segment(mention, true));
            }
            from = escape.end();
        }
        addPlain(segments, typed.substring(from));
        return segments;
    }

    private static void addPlain(List<Segment> segments, String text) {
        if (!text.isEmpty()) {
            // A backtick would end the code span early.
            segments.add(new Segment(text.replace('`', '\''), false));
        }
    }

    /** The escape as a mention Slack renders, when it is a person or channel without a name; else null. */
    private static String mention(Matcher escape) {
        String sigil = escape.group(1);
        boolean nameless = escape.group(3) == null || escape.group(3).isEmpty();
        boolean personOrChannel = sigil.equals("@") || sigil.equals("#");
        return personOrChannel
                        && nameless
                        && MENTIONABLE.matcher(escape.group(2)).matches()
                ? "<" + sigil + escape.group(2) + ">"
                : null;
    }

    /** What Slack shows for an escape that is not a bare mention: {@code @lee}, {@code #standup}, a link's label. */
    private static String named(Matcher escape) {
        String sigil = escape.group(1);
        String target = escape.group(2);
        String label = escape.group(3);
        if (label != null && !label.isEmpty()) {
            return switch (sigil) {
                case "@" -> "@" + label;
                case "#" -> "#" + label;
                default -> label;
            };
        }
        return sigil.equals("!") ? "@" + target : sigil + target;
    }

    private static void flush(StringBuilder shown, StringBuilder plain) {
        if (!plain.isEmpty()) {
            shown.append('`').append(plain).append('`');
            plain.setLength(0);
        }
    }

    private record Segment(String text, boolean mention) {}
}
