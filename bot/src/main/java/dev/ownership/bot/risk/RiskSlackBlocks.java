package dev.ownership.bot.risk;

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
import dev.ownership.storage.risk.RegisterEntry;
import java.util.List;

/** Block Kit for the register: the check-in DM, what it becomes once answered, and the mitigation modal. */
final class RiskSlackBlocks {
    static final String MODAL = "risk_still_open_modal";
    static final String NOTE_BLOCK = "risk_note";
    static final String NOTE_INPUT = "risk_note_input";
    static final int MAX_NOTE_LENGTH = 2_000;

    private RiskSlackBlocks() {}

    static List<LayoutBlock> checkin(RiskMessenger.Checkin checkin) {
        String id = Long.toString(checkin.riskId());
        return List.of(
                section(s -> s.text(markdownText(checkin.text()))),
                actions(a -> a.elements(List.of(
                        button(b -> b.actionId(RiskRegister.CHECKIN_RESOLVED)
                                .text(plainText("Resolved"))
                                .style("primary")
                                .value(id)),
                        button(b -> b.actionId(RiskRegister.CHECKIN_STILL_OPEN)
                                .text(plainText("Still open"))
                                .value(id)),
                        button(b -> b.actionId(RiskRegister.CHECKIN_ACCEPTED)
                                .text(plainText("Accepted"))
                                .value(id))))),
                context(c -> c.elements(List.of(markdownText("Accepted means the team knowingly lives with it. Only "
                        + "you, the team's leads and admins see this risk. `/ownership risks` lists yours.")))));
    }

    static List<LayoutBlock> settled(String outcome) {
        return List.of(section(s -> s.text(markdownText(outcome))));
    }

    static View stillOpenModal(RegisterEntry entry) {
        return view(v -> v.type("modal")
                .callbackId(MODAL)
                .privateMetadata(Long.toString(entry.riskId()))
                .title(viewTitle(t -> t.type("plain_text").text("Still open")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Save")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        section(s -> s.text(markdownText(
                                ">" + RiskText.shortened(entry.text()).replace("\n", "\n>")))),
                        input(i -> i.blockId(NOTE_BLOCK)
                                .optional(true)
                                .label(plainText("What is being done about it? (optional)"))
                                .element(plainTextInput(p -> p.actionId(NOTE_INPUT)
                                        .multiline(true)
                                        .maxLength(MAX_NOTE_LENGTH)
                                        .placeholder(plainText("e.g. Asked the vendor for an extension; "
                                                + "moving billing to v2 as plan B"))))),
                        context(c -> c.elements(List.of(markdownText("With a note the risk becomes *mitigating*; "
                                + "without one it stays as it is. I'll check in again after the follow-up "
                                + "period.")))))));
    }
}
