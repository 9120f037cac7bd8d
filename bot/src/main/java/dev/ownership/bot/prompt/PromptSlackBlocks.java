package dev.ownership.bot.prompt;

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
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import dev.ownership.storage.prompt.PromptDelivery.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Block Kit for prompts: the DM with its buttons, its settled form, the answer modal, the learning posted in the
 * team's channel, and the risk sent to a lead.
 */
final class PromptSlackBlocks {
    static final String ANSWER = "prompt_answer";
    static final String NO_RISKS = "prompt_no_risks";
    static final String SKIP = "prompt_skip";
    static final String MODAL = "prompt_answer_modal";
    static final String TEXT_BLOCK = "answer";
    static final String TEXT_INPUT = "answer_input";

    private static final Pattern SPECIAL_MENTION = Pattern.compile("<!(channel|here|everyone)(?:\\|[^>]*)?>");
    private static final Pattern GROUP_MENTION = Pattern.compile("<!subteam\\^[A-Z0-9]+(?:\\|@?([^>]*))?>");

    private PromptSlackBlocks() {}

    /** The value the prompt's buttons and modal carry: which delivery (the user is whoever clicks). */
    static String key(String channelId, PromptType type, String occurrence) {
        return channelId + "|" + type.word() + "|" + occurrence;
    }

    /** The delivery of {@code userId} a {@link #key} names, or null when the value is not one. */
    static Key parseKey(String value, String userId) {
        if (value == null || userId == null) {
            return null;
        }
        String[] parts = value.split("\\|", -1);
        if (parts.length != 3
                || parts[0].isEmpty()
                || PromptType.fromWord(parts[1]).isEmpty()
                || parts[2].isEmpty()) {
            return null;
        }
        return new Key(parts[0], parts[1], userId, parts[2]);
    }

    static String fallbackText(PromptDm prompt) {
        return switch (prompt.type()) {
            case LEARNING -> "What did you learn this week? Share it with #" + prompt.channelName();
            case RISK ->
                "Any risks on your radar? Your leads in #" + prompt.channelName() + " would like to know early";
            case IMPACT -> "What business outcome did your work move this week?";
            case STANDUP -> "Time for your standup in #" + prompt.channelName();
        };
    }

    static List<LayoutBlock> prompt(PromptDm prompt) {
        if (prompt.type() == PromptType.STANDUP) {
            return StandupSlackBlocks.dm(prompt, key(prompt.channelId(), prompt.type(), prompt.occurrence()));
        }
        String key = key(prompt.channelId(), prompt.type(), prompt.occurrence());
        String greeting = "Hi <@" + prompt.userId() + "> :wave: ";
        return List.of(
                section(s -> s.text(markdownText(greeting + question(prompt)))),
                actions(a -> a.elements(buttons(prompt.type(), key))),
                context(c -> c.elements(List.of(markdownText("A prompt for #" + prompt.channelName()
                        + ", at a good moment in your own day. Not for you? `/ownership prompts off` stops them.")))));
    }

    static List<LayoutBlock> settled(String outcome) {
        return List.of(section(s -> s.text(markdownText(outcome))));
    }

    static View modal(PromptType type, String key, String channelName) {
        return view(v -> v.type("modal")
                .callbackId(MODAL)
                .privateMetadata(key)
                .title(viewTitle(t -> t.type("plain_text").text(modalTitle(type))))
                .submit(viewSubmit(s -> s.type("plain_text").text(submitLabel(type))))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        input(i -> i.blockId(TEXT_BLOCK)
                                .label(plainText(inputLabel(type)))
                                .element(plainTextInput(p -> p.actionId(TEXT_INPUT)
                                        .multiline(true)
                                        .maxLength(Sharing.MAX_TEXT_LENGTH)
                                        .placeholder(plainText(placeholder(type)))))),
                        context(c -> c.elements(List.of(markdownText(whoSees(type, channelName))))))));
    }

    /** The learning as posted in the team's channel: a short header, the author, their words. */
    static String learningPost(String userId, String text) {
        return "*:bulb: Learned this week* — <@" + userId + ">: " + quiet(text);
    }

    /** The risk as a lead reads it, privately, with the person and the team to follow up with. */
    static String riskAlert(String channelId, String userId, String text) {
        return "*:warning: A risk, raised early* — <@" + userId + "> in <#" + channelId + ">:\n>"
                + quiet(text).replace("\n", "\n>") + "\nOnly the team's leads and admins see this (`/ownership risks` "
                + "lists the team's open ones).";
    }

    /** The text with channel-wide and group mentions made plain, so sharing something never pings a crowd. */
    static String quiet(String text) {
        String plain = SPECIAL_MENTION.matcher(text).replaceAll("@$1");
        return GROUP_MENTION
                .matcher(plain)
                .replaceAll(match -> "@" + (match.group(1) == null ? "group" : match.group(1)));
    }

    private static String question(PromptDm prompt) {
        return switch (prompt.type()) {
            case LEARNING ->
                "*What did you learn this week?* A bug's root cause, a tool, a shortcut, how another team "
                        + "works. I'll post it in #" + prompt.channelName() + " with your name.";
            case RISK ->
                "*Any risks on your radar?* A date that could slip, a dependency that looks shaky, a decision "
                        + "nobody has made yet. Only your team's leads and admins see it.";
            case IMPACT ->
                "*What business outcome did your work move this week?* A customer helped, a metric moved, "
                        + "a risk retired: a sentence or two on why it mattered, for the leads' weekly digest.";
            case STANDUP -> "*Time for your standup.* Your answers are posted in #" + prompt.channelName() + ".";
        };
    }

    private static List<BlockElement> buttons(PromptType type, String key) {
        List<BlockElement> buttons = new ArrayList<>();
        buttons.add(button(b -> b.actionId(ANSWER)
                .text(plainText(answerLabel(type)))
                .style("primary")
                .value(key)));
        if (type == PromptType.RISK) {
            buttons.add(button(b ->
                    b.actionId(NO_RISKS).text(plainText("No risks this week")).value(key)));
        }
        buttons.add(button(b -> b.actionId(SKIP).text(plainText("Skip")).value(key)));
        return buttons;
    }

    private static String answerLabel(PromptType type) {
        return switch (type) {
            case LEARNING -> "Share a learning";
            case RISK -> "Flag a risk";
            case IMPACT -> "My impact";
            case STANDUP -> "Write my standup";
        };
    }

    private static String modalTitle(PromptType type) {
        return switch (type) {
            case LEARNING -> "Share a learning";
            case RISK -> "Flag a risk";
            case IMPACT -> "My impact";
            case STANDUP -> "Standup";
        };
    }

    private static String submitLabel(PromptType type) {
        return switch (type) {
            case LEARNING -> "Share";
            case RISK -> "Send to leads";
            case IMPACT -> "Save";
            case STANDUP -> "Post";
        };
    }

    private static String inputLabel(PromptType type) {
        return switch (type) {
            case LEARNING -> "What did you learn?";
            case RISK -> "What could go wrong, and what would help?";
            case IMPACT -> "What did your work move, and why did it matter?";
            case STANDUP -> "Your standup";
        };
    }

    private static String placeholder(PromptType type) {
        return switch (type) {
            case LEARNING -> "e.g. Our flaky checkout test was a timezone bug: pass a Clock, never call now()";
            case RISK -> "e.g. The vendor retires the v1 API on Dec 15 and our billing sync still uses it";
            case IMPACT -> "e.g. The new retry logic cut failed payments by a third for our biggest customer";
            case STANDUP -> "What you did, what you'll do, what's in your way";
        };
    }

    private static String whoSees(PromptType type, String channelName) {
        return switch (type) {
            case LEARNING -> "Posted in #" + channelName + " with your name, so the team learns it too.";
            case RISK -> "Sent privately to the leads of #" + channelName + ". Only they and admins see it.";
            case IMPACT -> "Kept for the weekly digest the leads of #" + channelName + " read.";
            case STANDUP -> "Posted in #" + channelName + " with your name.";
        };
    }
}
