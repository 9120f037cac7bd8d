package dev.ownership.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;

/**
 * One Events API delivery to the bot and how the bot answered it.
 *
 * @param eventId the envelope's {@code event_id}, unique per delivery ({@code Ev0SIM000001}, …)
 * @param ts the message's {@code ts} for message events, else the event's {@code event_ts}
 * @param envelope the {@code event_callback} envelope sent
 * @param response the bot's HTTP response
 */
public record EventDelivery(String eventId, String ts, ObjectNode envelope, HttpResponse<String> response) {

    /** The inner event, {@code envelope.event}. */
    public ObjectNode event() {
        return (ObjectNode) envelope.get("event");
    }

    public int status() {
        return response.statusCode();
    }
}
