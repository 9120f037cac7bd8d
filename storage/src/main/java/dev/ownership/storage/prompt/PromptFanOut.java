package dev.ownership.storage.prompt;

import java.time.Instant;
import java.util.Objects;

/**
 * A prompt sent to a whole team at once ({@code /ownership prompt}) whose DMs have not all gone out yet.
 *
 * @param channelId the team's channel
 * @param kind {@code learning}, {@code risk} or {@code impact}
 * @param occurrence the occurrence of its deliveries, {@code now-<epoch millis>}
 * @param requestedAt when it was asked for: the members who had joined by then are its recipients
 */
public record PromptFanOut(String channelId, String kind, String occurrence, Instant requestedAt) {
    public PromptFanOut {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurrence, "occurrence");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
