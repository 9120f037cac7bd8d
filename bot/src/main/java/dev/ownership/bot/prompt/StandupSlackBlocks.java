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

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.ownership.storage.prompt.PromptDelivery.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Block Kit for the standup the bot runs: the DM with the team's questions, the reminder, the modal with one input
 * per question, and the answers as posted in the team's channel (one section per question, so that an edit reads
 * them back from the post).
 */
final class StandupSlackBlocks {
    static final String ANSWER = "standup_answer";
    static final String SKIP = "standup_skip";
    static final String SNOOZE = "standup_snooze";
    static final String EDIT = "standup_edit";
    static final String MODAL = "standup_modal";
    static final String ANSWER_INPUT = "answer";

    private static final String QUESTION_BLOCK = "q";
    private static final String NEW = "new";
    private static final String EDITING = "edit";

    private StandupSlackBlocks() {}

    static String fallbackText(String channelName) {
        return "Time for your standup in #" + channelName;
    }

    /** The standup DM: the questions, a button that opens the modal, and "Skip today". */
    static List<LayoutBlock> dm(PromptDm prompt, String key) {
        StringBuilder text = new StringBuilder(
                "Hi <@" + prompt.userId() + "> :wave: Time for the standup of #" + prompt.channelName() + ":");
        prompt.questions().forEach(question -> text.append("\n• ").append(question));
        return List.of(
                section(s -> s.text(markdownText(text.toString()))),
                actions(a -> a.elements(buttons(key, false))),
                context(c -> c.elements(List.of(markdownText("Your answers are posted in #" + prompt.channelName()
                        + " with your name. Away? `/ownership pause until friday` skips them until then.")))));
    }

    /** The reminder DM, with "Remind me in 1 h" unless it is the reminder after that. */
    static List<LayoutBlock> reminder(Key key, String channelName, boolean canSnooze) {
        String value = PromptSlackBlocks.key(key.channelId(), PromptType.STANDUP, key.occurrence());
        return List.of(
                section(s -> s.text(
                        markdownText("A gentle reminder: your standup for #" + channelName + " is still open today."))),
                actions(a -> a.elements(buttons(value, canSnooze))));
    }

    /** A settled DM: what became of the standup, and the edit button while it can be edited. */
    static List<LayoutBlock> settled(String outcome, Key editable) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(outcome))));
        if (editable != null) {
            String value = PromptSlackBlocks.key(editable.channelId(), PromptType.STANDUP, editable.occurrence());
            blocks.add(actions(a -> a.elements(List.of(button(
                    b -> b.actionId(EDIT).text(plainText("Edit my answers")).value(value))))));
        }
        return blocks;
    }

    /** The modal: one input per question, filled with the answers when editing. */
    static View modal(String key, StandupForm form) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (int i = 0; i < form.questions().size(); i++) {
            String question = form.questions().get(i);
            String answer = i < form.answers().size() ? form.answers().get(i) : null;
            String blockId = QUESTION_BLOCK + i;
            blocks.add(
                    input(in -> in.blockId(blockId).label(plainText(question)).element(plainTextInput(p -> p.actionId(
                                    ANSWER_INPUT)
                            .multiline(true)
                            .maxLength(StandupAnswers.MAX_ANSWER_LENGTH)
                            .initialValue(answer)))));
        }
        blocks.add(context(c -> c.elements(
                List.of(markdownText("Posted in #" + form.channelName() + " with your name, in your own words.")))));
        return view(v -> v.type("modal")
                .callbackId(MODAL)
                .privateMetadata((form.editing() ? EDITING : NEW) + ":" + key)
                .title(viewTitle(t -> t.type("plain_text").text("Standup")))
                .submit(viewSubmit(s -> s.type("plain_text").text(form.editing() ? "Update" : "Post")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    /** Whether a submitted modal's metadata says it edits answers posted before. */
    static boolean editing(String metadata) {
        return metadata != null && metadata.startsWith(EDITING + ":");
    }

    /** The standup of {@code userId} a submitted modal's metadata names, or null. */
    static Key parseModalKey(String metadata, String userId) {
        if (metadata == null || metadata.indexOf(':') < 0) {
            return null;
        }
        return standupKey(metadata.substring(metadata.indexOf(':') + 1), userId);
    }

    /** The standup of {@code userId} a button's value names, or null if it names something else. */
    static Key standupKey(String value, String userId) {
        Key key = PromptSlackBlocks.parseKey(value, userId);
        return key != null && key.kind().equals(PromptType.STANDUP.word()) ? key : null;
    }

    /**
     * The submitted answers: each input's question (its label) and the text typed in it, in the modal's order. An
     * input left empty is an empty answer.
     */
    static List<StandupAnswers.Answer> submitted(View view) {
        List<StandupAnswers.Answer> answers = new ArrayList<>();
        ViewState state = view.getState();
        Map<String, Map<String, ViewState.Value>> values =
                state == null || state.getValues() == null ? Map.of() : state.getValues();
        for (LayoutBlock block : view.getBlocks()) {
            if (block instanceof InputBlock input && input.getBlockId() != null && input.getLabel() != null) {
                Map<String, ViewState.Value> typed = values.getOrDefault(input.getBlockId(), Map.of());
                ViewState.Value value = typed.get(ANSWER_INPUT);
                String text = value == null || value.getValue() == null ? "" : value.getValue();
                answers.add(new StandupAnswers.Answer(input.getLabel().getText(), text));
            }
        }
        return answers;
    }

    /** The block id of the {@code index}th question, for errors shown in the modal. */
    static String blockId(int index) {
        return QUESTION_BLOCK + index;
    }

    /** The fallback text of the answers' post (notifications, search): the header and every question and answer. */
    static String postText(StandupAnswers answers) {
        return header(answers.userId()) + "\n" + PromptSlackBlocks.quiet(answers.body());
    }

    /** The answers' post: a header naming the person, then each question in bold with the answer under it. */
    static List<LayoutBlock> post(StandupAnswers answers) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(header(answers.userId())))));
        for (int i = 0; i < answers.answers().size(); i++) {
            StandupAnswers.Answer answer = answers.answers().get(i);
            String blockId = QUESTION_BLOCK + i;
            String text = "*" + answer.question() + "*\n" + PromptSlackBlocks.quiet(answer.text());
            blocks.add(section(s -> s.blockId(blockId).text(markdownText(text))));
        }
        return blocks;
    }

    /** The answers read back from their post's blocks, or empty if the post is not one of ours. */
    static Optional<StandupAnswers> readPost(List<LayoutBlock> blocks, String userId) {
        List<StandupAnswers.Answer> answers = new ArrayList<>();
        for (LayoutBlock block : blocks == null ? List.<LayoutBlock>of() : blocks) {
            if (block instanceof SectionBlock section
                    && section.getBlockId() != null
                    && section.getBlockId().startsWith(QUESTION_BLOCK)
                    && section.getText() != null) {
                parseAnswer(section.getText()).ifPresent(answers::add);
            }
        }
        return answers.isEmpty() ? Optional.empty() : Optional.of(new StandupAnswers(userId, answers));
    }

    private static Optional<StandupAnswers.Answer> parseAnswer(TextObject text) {
        String mrkdwn = text instanceof com.slack.api.model.block.composition.MarkdownTextObject markdown
                ? markdown.getText()
                : null;
        if (mrkdwn == null || !mrkdwn.startsWith("*") || mrkdwn.indexOf("*\n") < 1) {
            return Optional.empty();
        }
        int end = mrkdwn.indexOf("*\n");
        return Optional.of(new StandupAnswers.Answer(mrkdwn.substring(1, end), mrkdwn.substring(end + 2)));
    }

    private static String header(String userId) {
        return "*<@" + userId + ">'s standup*";
    }

    private static List<BlockElement> buttons(String key, boolean canSnooze) {
        List<BlockElement> buttons = new ArrayList<>();
        buttons.add(button(b -> b.actionId(ANSWER)
                .text(plainText("Write my standup"))
                .style("primary")
                .value(key)));
        if (canSnooze) {
            buttons.add(button(
                    b -> b.actionId(SNOOZE).text(plainText("Remind me in 1 h")).value(key)));
        }
        buttons.add(button(b -> b.actionId(SKIP).text(plainText("Skip today")).value(key)));
        return buttons;
    }
}
