package dev.ownership.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * A Socket Mode acknowledgement presented as the HTTP response the same request would have had, so that
 * {@link SlackRequests} answers alike over both transports: status 200 and, as body, the ack's {@code payload} JSON
 * (empty when the ack carried none).
 *
 * @param ack the whole acknowledgement message, with its {@code envelope_id}
 * @param uri the Socket Mode server's address, reported as the request URI
 */
record SocketModeAck(JsonNode ack, URI uri) implements HttpResponse<String> {

    @Override
    public int statusCode() {
        return 200;
    }

    @Override
    public HttpRequest request() {
        return HttpRequest.newBuilder(uri).build();
    }

    @Override
    public Optional<HttpResponse<String>> previousResponse() {
        return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
        return HttpHeaders.of(Map.of(), (name, value) -> true);
    }

    @Override
    public String body() {
        JsonNode payload = ack.get("payload");
        return payload == null || payload.isNull() ? "" : Json.write(payload);
    }

    @Override
    public Optional<SSLSession> sslSession() {
        return Optional.empty();
    }

    @Override
    public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
    }
}
