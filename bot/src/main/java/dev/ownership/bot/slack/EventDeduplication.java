package dev.ownership.bot.slack;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import dev.ownership.bot.ops.MetricName;
import dev.ownership.bot.ops.Metrics;
import dev.ownership.storage.ProcessedEventRepository;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes every Events API delivery count once: the {@code event_id} is recorded in the database before the
 * listeners run (message events excepted: their own key, channel and ts, does that in the write that records them), so Slack's retries ({@code X-Slack-Retry-Num}) and redeliveries, even after a restart, are
 * acknowledged without effect. If a listener fails, the record is removed so that Slack's retry can succeed.
 */
final class EventDeduplication implements Middleware {
    private static final Logger log = LoggerFactory.getLogger(EventDeduplication.class);
    private static final JsonFactory JSON = new JsonFactory();

    private final ProcessedEventRepository processed;
    private final Metrics metrics;
    private final Clock clock;

    EventDeduplication(ProcessedEventRepository processed, Metrics metrics, Clock clock) {
        this.processed = Objects.requireNonNull(processed, "processed");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    @SuppressWarnings("rawtypes") // Bolt's Middleware interface declares the raw Request.
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        if (req.getRequestType() != RequestType.Event) {
            return chain.next(req);
        }
        Envelope envelope = envelope(req.getRequestBodyAsString());
        if (envelope.eventId() == null || envelope.isMessage()) {
            // Messages are kept once by their own key, (channel, ts), in the same write that records them: a second
            // write per message on the ack path would only repeat it.
            return chain.next(req);
        }
        if (!processed.markProcessed(envelope.eventId(), envelope.type(), clock.instant())) {
            metrics.count(MetricName.EVENTS_DUPLICATES);
            log.debug("Event {} already processed; acknowledging the redelivery", envelope.eventId());
            return Response.ok();
        }
        try {
            Response response = chain.next(req);
            if (response.getStatusCode() >= 500) {
                processed.forget(envelope.eventId());
            }
            return response;
        } catch (Exception e) {
            processed.forget(envelope.eventId());
            throw e;
        }
    }

    /** Reads {@code event_id} and the event's type with a streaming parser: no tree for the whole body. */
    private static Envelope envelope(String body) throws IOException {
        String eventId = null;
        String type = "unknown";
        String subtype = "";
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new Envelope(null, type);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("event_id".equals(field) && value == JsonToken.VALUE_STRING) {
                    eventId = parser.getText();
                } else if ("event".equals(field) && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String eventField = parser.currentName();
                        JsonToken eventValue = parser.nextToken();
                        if ("type".equals(eventField) && eventValue == JsonToken.VALUE_STRING) {
                            type = parser.getText();
                        } else if ("subtype".equals(eventField) && eventValue == JsonToken.VALUE_STRING) {
                            subtype = parser.getText();
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        return new Envelope(eventId, subtype.isEmpty() ? type : type + ":" + subtype);
    }

    private record Envelope(String eventId, String type) {
        boolean isMessage() {
            return type.equals("message") || type.startsWith("message:");
        }
    }
}
