package dev.ownership.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Cursor pagination as Slack does it: an opaque base64 {@code next_cursor} in {@code response_metadata}, empty on
 * the last page. Stateless; thread-safe.
 */
final class Pages {
    private Pages() {}

    /**
     * One page of items.
     *
     * @param items the page's items
     * @param nextCursor the cursor of the next page, empty when this is the last
     */
    record Page<T>(List<T> items, String nextCursor) {
        boolean hasMore() {
            return !nextCursor.isEmpty();
        }

        /** Adds {@code response_metadata.next_cursor} to an answer. */
        void describeIn(ObjectNode answer) {
            answer.set("response_metadata", Json.object().put("next_cursor", nextCursor));
        }
    }

    /** The page starting at the cursor; a limit of 0 or less means everything that is left. */
    static <T> Page<T> page(List<T> items, String cursor, int limit) {
        int start = cursor == null ? 0 : offsetOf(cursor);
        if (start > items.size()) {
            throw new SlackError("invalid_cursor");
        }
        int end = limit <= 0 ? items.size() : Math.min(items.size(), start + limit);
        String next = end < items.size() ? cursorAt(end) : "";
        return new Page<>(List.copyOf(items.subList(start, end)), next);
    }

    private static String cursorAt(int offset) {
        return Base64.getEncoder().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offsetOf(String cursor) {
        try {
            String decoded = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!decoded.startsWith("offset:")) {
                throw new SlackError("invalid_cursor");
            }
            return Integer.parseInt(decoded.substring("offset:".length()));
        } catch (IllegalArgumentException notOurs) {
            throw new SlackError("invalid_cursor");
        }
    }
}
