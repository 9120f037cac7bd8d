package dev.ownership.bot.nudge;

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
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Block Kit for nudges: the DM, its updated form, the "add a next step" modal, and the step in the thread. */
final class NudgeSlackBlocks {
    static final String ADD_STEP = "nudge_add_step";
    static final String NOT_A_BLOCKER = "nudge_not_blocker";
    static final String RESOLVED = "nudge_resolved";
    static final String PAUSE = "nudge_pause";
    static final String STOP_NUDGES = "nudge_stop";
    static final String STEP_MODAL = "nudge_next_step";
    static final String STEP_BLOCK = "step";
    static final String STEP_INPUT = "step_input";

    private static final Pattern QUOTED_CUE = Pattern.compile("'([^']{2,60})'");

    private NudgeSlackBlocks() {}

    /** The value carried by the nudge's buttons and modal: which post it is about. */
    static String postKey(PostKey key) {
        return key.value();
    }

    /** The post named by a {@link #postKey} value; empty when the value is not one. */
    static Optional<PostKey> parsePostKey(String value) {
        return PostKey.fromValue(value);
    }

    static String fallbackText(Nudge nudge) {
        return "A quick, private note about the blocker in your standup post in #" + nudge.channelName();
    }

    static List<LayoutBlock> nudge(Nudge nudge, String permalink) {
        String key = postKey(new PostKey(nudge.channelId(), nudge.ts()));
        return List.of(
                section(s -> s.text(markdownText("Hi <@" + nudge.userId() + "> :wave: Your <" + permalink
                        + "|standup post in #" + nudge.channelName() + "> mentions a blocker, and I couldn't spot a "
                        + "next step yet" + because(nudge.reasons()) + ". Got one in mind?"))),
                section(s -> s.text(markdownText("*One idea:* " + nudge.suggestion()))),
                actions(a -> a.elements(List.of(
                        button(b -> b.actionId(ADD_STEP)
                                .text(plainText("Add a next step"))
                                .style("primary")
                                .value(key)),
                        button(b -> b.actionId(RESOLVED)
                                .text(plainText("It's resolved"))
                                .value(key)),
                        button(b -> b.actionId(NOT_A_BLOCKER)
                                .text(plainText("Not a blocker"))
                                .value(key)),
                        button(b -> b.actionId(PAUSE)
                                .text(plainText("Pause for a week"))
                                .value(key)),
                        button(b -> b.actionId(STOP_NUDGES)
                                .text(plainText("Don't nudge me"))
                                .value(key))))),
                context(c -> c.elements(List.of(markdownText("Only you got this message. If the blocker still has "
                        + "no next step after a day, your team's leads see a link to the post (not its text) in "
                        + "their weekly digest.")))));
    }

    /**
     * The cue that decided, as one plain clause ({@code " (I read “waiting on” as a blocker)"}), or nothing when
     * the detector named no phrase. The detector's other reasons (learned weights, confidence) mean nothing to the
     * person and stay out.
     */
    static String because(List<String> reasons) {
        for (String reason : reasons) {
            if (reason.startsWith("learned") || reason.startsWith("proposal") || reason.startsWith("confidence")) {
                continue;
            }
            Matcher quoted = QUOTED_CUE.matcher(reason);
            if (quoted.find()) {
                return " (I read “" + quoted.group(1) + "” as a blocker)";
            }
        }
        return "";
    }

    /** What the DM says once the author acted on it. */
    static String outcomeText(NudgeOutcome outcome) {
        if (outcome instanceof NudgeOutcome.StepAdded added) {
            return added.inThread()
                    ? ":white_check_mark: Posted your next step in the thread: " + added.step() + "\nThank you!"
                    : ":white_check_mark: Noted your next step: " + added.step() + "\nI couldn't post it in the "
                            + "thread, so you may want to add it there yourself. It counts for your streak either way.";
        }
        if (outcome instanceof NudgeOutcome.Paused paused) {
            return ":zzz: Paused until " + paused.until() + ": no nudges or prompts until then. "
                    + "`/ownership resume` ends it sooner.";
        }
        if (outcome instanceof NudgeOutcome.Resolved) {
            return ":white_check_mark: Glad it's sorted! If someone helped in the thread, I'll thank them for you.";
        }
        if (outcome instanceof NudgeOutcome.NudgesOff) {
            return ":no_bell: Done, no more nudges for you. Prompts and your streaks carry on; "
                    + "`/ownership nudges on` brings nudges back.";
        }
        return ":ok_hand: Thanks for telling me. I'll leave this one alone.";
    }

    static List<LayoutBlock> settled(String outcome) {
        return List.of(section(s -> s.text(markdownText(outcome))));
    }

    static View stepModal(PostKey key, String suggestion) {
        return view(v -> v.type("modal")
                .callbackId(STEP_MODAL)
                .privateMetadata(postKey(key))
                .title(viewTitle(t -> t.type("plain_text").text("Add a next step")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Post in thread")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        section(s -> s.text(
                                markdownText("I'll post it in the thread of your standup post, as " + "your words."))),
                        input(i -> i.blockId(STEP_BLOCK)
                                .label(plainText("What will you do next?"))
                                .element(plainTextInput(p -> p.actionId(STEP_INPUT)
                                        .multiline(true)
                                        .maxLength(NudgeActions.MAX_STEP_LENGTH)
                                        .placeholder(plainText("e.g. I'll ask @lee to review today at 2pm"))))),
                        context(c -> c.elements(List.of(markdownText(suggestion)))))));
    }

    static String stepInThread(String userId, String step) {
        return ":arrow_right: *Next step* from <@" + userId + ">: " + step;
    }
}
