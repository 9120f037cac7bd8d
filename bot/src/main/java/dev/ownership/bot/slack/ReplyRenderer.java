package dev.ownership.bot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.google.gson.Gson;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.util.json.GsonFactory;
import dev.ownership.bot.command.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a command's private {@link Reply} as the Block Kit message sent to its {@code response_url}, with its
 * buttons under the text, and the answer to a click on one of them, which replaces the question.
 */
final class ReplyRenderer {
    private static final int SECTION_LIMIT = 3_000;
    private static final Gson GSON = GsonFactory.createSnakeCase();

    private ReplyRenderer() {}

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
                .text(plainFallback(reply.text()))
                .blocks(blocks)
                .build();
        return GSON.toJson(response);
    }

    /** The JSON payload for an action's {@code response_url} that replaces the message clicked in. */
    static String toReplacementJson(String mrkdwn) {
        ActionResponse response = ActionResponse.builder()
                .replaceOriginal(true)
                .text(plainFallback(mrkdwn))
                .blocks(blocks(mrkdwn))
                .build();
        return GSON.toJson(response);
    }

    private static List<LayoutBlock> withButtons(Reply reply) {
        List<LayoutBlock> blocks = blocks(reply.text());
        if (!reply.buttons().isEmpty()) {
            List<BlockElement> buttons = new ArrayList<>();
            for (Reply.Button each : reply.buttons()) {
                buttons.add(button(b -> b.actionId(each.actionId())
                        .text(plainText(each.label()))
                        .style(each.danger() ? "danger" : null)));
            }
            blocks.add(actions(a -> a.elements(buttons)));
        }
        return blocks;
    }

    /** Sections of mrkdwn within Slack's per-section limit, split at line breaks. */
    static List<LayoutBlock> blocks(String mrkdwn) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (String chunk : chunks(mrkdwn)) {
            blocks.add(section(s -> s.text(markdownText(chunk))));
        }
        return blocks;
    }

    private static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String piece = line.length() > SECTION_LIMIT ? line.substring(0, SECTION_LIMIT - 1) + "…" : line;
            if (current.length() + piece.length() + 1 > SECTION_LIMIT) {
                chunks.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append('\n');
            }
            current.append(piece);
        }
        if (current.length() > 0 || chunks.isEmpty()) {
            chunks.add(current.length() > 0 ? current.toString() : " ");
        }
        return chunks;
    }

    private static String plainFallback(String text) {
        String firstLine = text.split("\n", 2)[0];
        return firstLine.length() > 300 ? firstLine.substring(0, 299) + "…" : firstLine;
    }
}
