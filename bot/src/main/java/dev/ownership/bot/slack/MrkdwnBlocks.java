package dev.ownership.bot.slack;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.google.gson.Gson;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.List;

/** Plain mrkdwn text as Block Kit sections within Slack's limits, for every feature that sends text. */
public final class MrkdwnBlocks {
    private static final int SECTION_LIMIT = 3_000;
    private static final Gson GSON = GsonFactory.createSnakeCase();

    private MrkdwnBlocks() {}

    /** Sections of mrkdwn within Slack's per-section limit, split at line breaks. */
    public static List<LayoutBlock> blocks(String mrkdwn) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (String chunk : chunks(mrkdwn)) {
            blocks.add(section(s -> s.text(markdownText(chunk))));
        }
        return blocks;
    }

    /** The JSON payload for an action's {@code response_url} that replaces the message clicked in. */
    public static String toReplacementJson(String mrkdwn) {
        ActionResponse response = ActionResponse.builder()
                .replaceOriginal(true)
                .text(plainFallback(mrkdwn))
                .blocks(blocks(mrkdwn))
                .build();
        return GSON.toJson(response);
    }

    /** The notification text of a message: its first line, shortened to what a notification shows. */
    public static String plainFallback(String text) {
        String firstLine = text.split("\n", 2)[0];
        return firstLine.length() > 300 ? firstLine.substring(0, 299) + "…" : firstLine;
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
}
