package dev.ownership.bot.command;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.google.gson.Gson;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.util.json.GsonFactory;
import dev.ownership.bot.slack.MrkdwnBlocks;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a command's private {@link Reply} as the Block Kit message sent to its {@code response_url}, with its
 * buttons under the text.
 */
final class ReplySlackRenderer {
    private static final Gson GSON = GsonFactory.createSnakeCase();

    private ReplySlackRenderer() {}

    /** The JSON payload for {@code response_url}: ephemeral, never replacing a message in the channel. */
    static String toResponseJson(Reply reply) {
        return toResponseJson(reply, List.of());
    }

    /** The payload with {@code more} blocks after the reply's text (e.g. a digest preview). */
    static String toResponseJson(Reply reply, List<LayoutBlock> more) {
        List<LayoutBlock> blocks = new ArrayList<>(withButtons(reply));
        blocks.addAll(more);
        SlashCommandResponse response = SlashCommandResponse.builder()
                .responseType("ephemeral")
                .text(MrkdwnBlocks.plainFallback(reply.text()))
                .blocks(blocks)
                .build();
        return GSON.toJson(response);
    }

    private static List<LayoutBlock> withButtons(Reply reply) {
        List<LayoutBlock> blocks = MrkdwnBlocks.blocks(reply.text());
        for (Reply.Row row : reply.rows()) {
            blocks.addAll(MrkdwnBlocks.blocks(row.text()));
            addButtons(blocks, row.buttons());
        }
        addButtons(blocks, reply.buttons());
        return blocks;
    }

    private static void addButtons(List<LayoutBlock> blocks, List<Reply.Button> shown) {
        if (shown.isEmpty()) {
            return;
        }
        List<BlockElement> buttons = new ArrayList<>();
        for (Reply.Button each : shown) {
            buttons.add(button(b -> b.actionId(each.actionId())
                    .text(plainText(each.label()))
                    .value(each.value())
                    .style(each.danger() ? "danger" : null)));
        }
        blocks.add(actions(a -> a.elements(buttons)));
    }
}
