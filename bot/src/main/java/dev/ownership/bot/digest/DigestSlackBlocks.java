package dev.ownership.bot.digest;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import dev.ownership.bot.learning.LearningText;
import dev.ownership.storage.digest.DigestRepository;
import dev.ownership.storage.prompt.SharedItem;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Block Kit for the weekly digest, within Slack's limits: at most {@value #SHOWN} items per list in the message
 * (the rest go to the digest's thread, {@link #overflow}), shared texts shortened, well under 50 blocks.
 */
final class DigestSlackBlocks {
    static final int SHOWN = 5;
    private static final int TEXT_LIMIT = 280;
    private static final int OVERFLOW_LINES_PER_MESSAGE = 30;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private DigestSlackBlocks() {}

    static String fallbackText(Digest digest) {
        return "Weekly digest for #" + digest.channelName() + ", week of "
                + digest.weekStart().format(DAY);
    }

    /**
     * The digest message.
     *
     * @param links permalinks by message key ({@code channel|ts}) for still-open blockers and learnings
     */
    static List<LayoutBlock> digest(Digest digest, Map<String, String> links) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(":bar_chart: Weekly digest · #" + digest.channelName()))));
        blocks.add(context(c -> c.elements(List.of(markdownText(period(digest))))));
        if (digest.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("A quiet week: no blockers, learnings, risks or prompts "
                    + "recorded for #" + digest.channelName() + "."))));
            return blocks;
        }
        blocks.add(section(s -> s.text(markdownText(blockerSummary(digest.blockers())))));
        blocks.add(section(s -> s.text(markdownText(trend(digest.trend())))));
        addList(
                blocks,
                ":hourglass: *Still without a next step after 24 hours*",
                digest.stillOpen(),
                open -> "<@" + open.userId() + "> · "
                        + link(
                                links,
                                open.channelId(),
                                open.ts(),
                                "post from "
                                        + open.postedAt().atZone(digest.zone()).format(DAY)));
        addList(
                blocks,
                ":stopwatch: *Long-running blockers*",
                digest.help().longRunning(),
                running -> longRunningLine(running, links));
        addList(
                blocks,
                ":raised_hands: *Unblockers this week* (thank you!)",
                digest.help().unblockers(),
                DigestSlackBlocks::unblockerLine);
        addList(blocks, ":bulb: *Learnings shared*", digest.learnings(), item -> sharedLine(item, links));
        if (!digest.learnings().isEmpty()) {
            blocks.add(
                    context(c -> c.elements(List.of(markdownText(LearningText.digestPointer(digest.channelName()))))));
        }
        addList(blocks, ":warning: *Risks flagged early*", digest.risks(), item -> sharedLine(item, Map.of()));
        addList(blocks, ":dart: *Impact*", digest.impacts(), item -> sharedLine(item, Map.of()));
        addList(
                blocks,
                ":clipboard: *Open risks*, oldest first",
                digest.register().open(),
                DigestSlackBlocks::openRisk);
        addList(
                blocks,
                ":white_check_mark: *Risks closed this week*",
                digest.register().closed(),
                risk -> closedRisk(risk, digest));
        addList(
                blocks,
                ":trophy: *Streak milestones*",
                digest.milestones(),
                milestone -> "<@" + milestone.userId() + "> reached " + milestone.value() + " on the "
                        + milestone.streak() + " streak");
        blocks.add(section(s -> s.text(markdownText(participation(digest)))));
        if (digest.standups().sent() > 0) {
            blocks.add(section(s -> s.text(markdownText(standupParticipation(digest)))));
        }
        blocks.add(divider());
        blocks.add(context(c -> c.elements(List.of(markdownText("Figures are for the team. Names appear only next to "
                + "what people chose to share and blockers that may need your help. Standup text is never stored.")))));
        return blocks;
    }

    /** The items beyond {@value #SHOWN} per list, as thread messages of plain lines. */
    static List<String> overflow(Digest digest, Map<String, String> links) {
        List<String> lines = new ArrayList<>();
        addOverflow(
                lines,
                "Still without a next step after 24 hours",
                digest.stillOpen(),
                open -> "<@" + open.userId() + "> · " + link(links, open.channelId(), open.ts(), "post"));
        addOverflow(
                lines,
                "Long-running blockers",
                digest.help().longRunning(),
                running -> longRunningLine(running, links));
        addOverflow(lines, "Unblockers this week", digest.help().unblockers(), DigestSlackBlocks::unblockerLine);
        addOverflow(lines, "Learnings shared", digest.learnings(), item -> sharedLine(item, links));
        addOverflow(lines, "Risks flagged early", digest.risks(), item -> sharedLine(item, Map.of()));
        addOverflow(lines, "Impact", digest.impacts(), item -> sharedLine(item, Map.of()));
        addOverflow(lines, "Open risks", digest.register().open(), DigestSlackBlocks::openRisk);
        addOverflow(lines, "Risks closed this week", digest.register().closed(), risk -> closedRisk(risk, digest));
        addOverflow(
                lines,
                "Streak milestones",
                digest.milestones(),
                milestone -> "<@" + milestone.userId() + "> reached " + milestone.value() + " on the "
                        + milestone.streak() + " streak");
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += OVERFLOW_LINES_PER_MESSAGE) {
            messages.add(String.join("\n", lines.subList(i, Math.min(lines.size(), i + OVERFLOW_LINES_PER_MESSAGE))));
        }
        return messages;
    }

    private static String longRunningLine(Digest.LongRunning running, Map<String, String> links) {
        String age = running.days() == 1 ? "a day" : running.days() + " days";
        return "<@" + running.userId() + "> · " + link(links, running.channelId(), running.ts(), "post") + " · " + age
                + (running.recurring() ? ", the same kind on consecutive workdays" : ", no next step yet")
                + (running.raised() ? " · asked a lead for help" : "");
    }

    private static String unblockerLine(Digest.Unblocker unblocker) {
        return "<@" + unblocker.userId() + "> helped unblock "
                + (unblocker.count() == 1 ? "a teammate" : unblocker.count() + " blockers");
    }

    static String key(String channelId, String ts) {
        return channelId + "|" + ts;
    }

    private static String period(Digest digest) {
        String week = "Week of " + digest.weekStart().format(DAY) + " – "
                + digest.weekStart().plusDays(6).format(DAY) + " ("
                + digest.zone().getId() + ")";
        return digest.complete() ? week : week + " · *so far*";
    }

    private static String blockerSummary(Digest.WeekFigures week) {
        StringBuilder text = new StringBuilder(":construction: *Blockers*\n");
        text.append("• Raised: *").append(week.raised()).append("*");
        if (week.raised() > 0) {
            text.append(" · with a next step: *")
                    .append(week.withProposal())
                    .append("* (")
                    .append(percent(week.proposalShare()))
                    .append(")");
            List<String> how = new ArrayList<>();
            if (week.proposedAtOnce() > 0) {
                how.add(week.proposedAtOnce() + " in the post itself");
            }
            if (week.proposedAfterNudge() > 0) {
                how.add(week.proposedAfterNudge() + " after a nudge");
            }
            if (week.proposedInThread() > 0) {
                how.add(week.proposedInThread() + " later, by an edit or in the thread");
            }
            if (!how.isEmpty()) {
                text.append(": ").append(String.join(", ", how));
            }
        }
        text.append("\n• Nudges sent: *")
                .append(week.nudgesSent())
                .append("* · turned into a next step: *")
                .append(week.proposedAfterNudge())
                .append("*");
        if (week.dismissed() > 0) {
            text.append("\n• Answered \"not a blocker\": ").append(week.dismissed());
        }
        return text.toString();
    }

    private static String trend(List<Digest.WeekFigures> weeks) {
        StringBuilder text = new StringBuilder(":chart_with_upwards_trend: *Share with a next step, week by week*\n");
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            Digest.WeekFigures week = weeks.get(i);
            String value = week.raised() == 0 ? "–" : percent(week.proposalShare());
            String label = week.weekStart().format(DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH));
            parts.add(i == weeks.size() - 1 ? "*" + label + ": " + value + "*" : label + ": " + value);
        }
        text.append(String.join("  →  ", parts));
        return text.toString();
    }

    private static String participation(Digest digest) {
        String share = digest.promptsSent() == 0
                ? ""
                : " (" + percent((double) digest.promptsAnswered() / digest.promptsSent()) + ")";
        return ":speech_balloon: *Prompts answered:* " + digest.promptsAnswered() + " of " + digest.promptsSent()
                + share;
    }

    private static String standupParticipation(Digest digest) {
        DigestRepository.StandupParticipation standups = digest.standups();
        return ":sunrise: *Standups I ran:* " + standups.sent() + " asked (one per person and day): "
                + standups.answered() + " answered, " + standups.skipped() + " skipped, " + standups.missed()
                + " unanswered · " + standups.peopleAnswered()
                + (standups.peopleAnswered() == 1 ? " person" : " people")
                + " took part";
    }

    private static <T> void addList(List<LayoutBlock> blocks, String title, List<T> items, Function<T, String> line) {
        if (items.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(title).append("\n");
        items.stream()
                .limit(SHOWN)
                .forEach(item -> text.append("• ").append(line.apply(item)).append("\n"));
        if (items.size() > SHOWN) {
            text.append("_and ").append(items.size() - SHOWN).append(" more in the thread below_");
        }
        String body = text.toString().strip();
        blocks.add(section(s -> s.text(markdownText(body.length() > 2_900 ? body.substring(0, 2_899) + "…" : body))));
    }

    private static <T> void addOverflow(List<String> lines, String title, List<T> items, Function<T, String> line) {
        if (items.size() <= SHOWN) {
            return;
        }
        lines.add("*" + title + "* (continued)");
        items.stream().skip(SHOWN).forEach(item -> lines.add("• " + line.apply(item)));
    }

    private static String sharedLine(SharedItem item, Map<String, String> links) {
        String text = item.text().length() > TEXT_LIMIT ? item.text().substring(0, TEXT_LIMIT - 1) + "…" : item.text();
        String line = text.replace("\n", " ") + " — <@" + item.userId() + ">";
        String link = item.messageTs() == null ? null : links.get(key(item.channelId(), item.messageTs()));
        return link == null ? line : line + " (<" + link + "|link>)";
    }

    /** An open risk: its text, author, status and age, and whether it is ageing. */
    private static String openRisk(Digest.RegisterRisk risk) {
        String age = risk.ageDays() == 1 ? "1 day" : risk.ageDays() < 1 ? "under a day" : risk.ageDays() + " days";
        return shortened(risk.text()) + " — <@" + risk.userId() + "> · " + risk.status() + " · " + age
                + (risk.ageing() ? " · :hourglass: *ageing*" : "");
    }

    /** A risk resolved or accepted this week: its text, author, and which and when. */
    private static String closedRisk(Digest.RegisterRisk risk, Digest digest) {
        return shortened(risk.text()) + " — <@" + risk.userId() + "> · " + risk.status() + " "
                + risk.statusAt().atZone(digest.zone()).format(DAY);
    }

    private static String shortened(String text) {
        String line = text.replace("\n", " ");
        return line.length() > TEXT_LIMIT ? line.substring(0, TEXT_LIMIT - 1) + "…" : line;
    }

    private static String link(Map<String, String> links, String channelId, String ts, String label) {
        String url = links.get(key(channelId, ts));
        return url == null ? label : "<" + url + "|" + label + ">";
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
