package dev.ownership.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A view as the simulator last saw it: a modal opened, pushed or updated, or an App Home tab published.
 *
 * @param id the view id, {@code V…}
 * @param type {@code modal} or {@code home}
 * @param callbackId the view's {@code callback_id}, or {@code null}
 * @param privateMetadata the view's {@code private_metadata}, or {@code null}
 * @param userId the user the view was opened for or published to
 * @param blocks the view's blocks
 */
public record SimView(
        String id, String type, String callbackId, String privateMetadata, String userId, JsonNode blocks) {

    /** The blocks rendered readably, as {@link BlockKitText} does. */
    public String readableText() {
        return BlockKitText.render(blocks);
    }
}
