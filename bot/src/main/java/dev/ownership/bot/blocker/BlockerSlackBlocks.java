package dev.ownership.bot.blocker;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.ownership.storage.nudge.PostKey;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Block Kit for long-running blockers and unblocks: the question, its modal, the leads' DM and the thank-you. */
final class BlockerSlackBlocks {
    static final String ASK_LEAD = "blocker_ask_lead";
    static final String ON_IT = "blocker_on_it";
    static final String NOTE_MODAL = "blocker_lead_note";
    static final String NOTE_BLOCK = "note";
    static final String NOTE_INPUT = "note_input";
    static final int MAX_NOTE_LENGTH = 1_000;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMM", Locale.ENGLISH);

    private BlockerSlackBlocks() {}

    /** The value the question's buttons and the modal carry: the long-running blocker's first post. */
    static String key(PostKey key) {
        return key.value();
    }

    static Optional<PostKey> parseKey(String value) {
        return PostKey.fromValue(value);
    }

    static String askText(BlockerMessenger.Ask ask, String permalink) {
        String post = "<" + permalink + "|standup post in #" + ask.channelName() + ">";
        String kind = ask.categoryWords() == null ? "" : " (" + ask.categoryWords() + ")";
        String opening = ask.recurring()
                ? "You've mentioned a blocker" + kind + " on " + ask.workdays()
                        + " workdays in a row, most recently in " + "your " + post + ". It has been blocking you for "
                        + days(ask.days()) + "."
                : "The blocker" + kind + " in your " + post + " has been blocking you for " + days(ask.days()) + ".";
        return "Hi <@" + ask.userId() + "> :wave: " + opening + " Would you like to raise it with your lead? A quick "
                + "word from them often moves things.";
    }

    static List<LayoutBlock> ask(BlockerMessenger.Ask ask, PostKey key, String permalink) {
        String value = key(key);
        String footer = "Only you got this message, and I'll ask only once. Your leads' weekly digest links to "
                + "long-running blockers (never their text)."
                + (ask.escalateOn() == null
                        ? ""
                        : " Your team asked me to let its leads know too if you haven't answered by "
                                + ask.escalateOn().format(DAY) + ".");
        return List.of(
                section(s -> s.text(markdownText(askText(ask, permalink)))),
                actions(a -> a.elements(List.of(
                        button(b -> b.actionId(ASK_LEAD)
                                .text(plainText("Ask my lead for help"))
                                .style("primary")
                                .value(value)),
                        button(b ->
                                b.actionId(ON_IT).text(plainText("I've got it")).value(value))))),
                context(c -> c.elements(List.of(markdownText(footer)))));
    }

    static View noteModal(PostKey key) {
        return view(v -> v.type("modal")
                .callbackId(NOTE_MODAL)
                .privateMetadata(key(key))
                .title(viewTitle(t -> t.type("plain_text").text("Ask my lead")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Send")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        section(s -> s.text(markdownText("I'll send your team's leads a link to your standup post, "
                                + "with your note if you add one."))),
                        input(i -> i.blockId(NOTE_BLOCK)
                                .optional(true)
                                .label(plainText("A note for your lead (optional)"))
                                .element(plainTextInput(p -> p.actionId(NOTE_INPUT)
                                        .multiline(true)
                                        .maxLength(MAX_NOTE_LENGTH)
                                        .placeholder(
                                                plainText("e.g. Could you nudge the platform team about it?"))))))));
    }

    static String leadText(BlockerMessenger.LeadMessage message, String permalink) {
        String post = "<" + permalink + "|standup post in #" + message.channelName() + ">";
        if (message.escalated()) {
            return ":hourglass: A blocker of <@" + message.authorId() + "> has been open for " + days(message.days())
                    + " (" + post + "). I asked them privately a workday ago whether they'd like help and haven't "
                    + "heard back; a friendly check-in from you may move it. (Your team turned this on with `/ownership settings escalation "
                    + "on`.)";
        }
        String text = ":raised_hand: <@" + message.authorId() + "> would like your help with a blocker that has been "
                + "open for " + days(message.days()) + ": " + post + ".";
        return message.note() == null
                ? text
                : text + "\n*Their note:*\n>" + message.note().replace("\n", "\n>");
    }

    static String thanksText(BlockerMessenger.Thanks thanks, String permalink) {
        return ":raised_hands: Thank you for helping <@" + thanks.authorId() + "> get unblocked in #"
                + thanks.channelName() + " (<" + permalink + "|the thread>). That's what makes a team.";
    }

    private static String days(long days) {
        return days == 1 ? "a day" : days + " days";
    }
}
