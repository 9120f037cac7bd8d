package dev.ownership.bot.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServletAdapter;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import dev.ownership.bot.ops.Metrics;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}: every Slack request over HTTP (events, slash commands, interactivity).
 *
 * <p>In order: bodies over {@value #MAX_BODY_BYTES} bytes are refused with 413 without being read whole; content
 * types other than JSON and form-encoded get 415; the body is read as exact bytes (signatures are computed over them, so nothing may re-encode it) and must be UTF-8;
 * the signature and its timestamp are checked (401 when forged or stale); a body Bolt cannot parse is answered
 * 400; everything else goes to the Bolt app, which verifies the signature again and acknowledges.
 */
public final class SlackEventsServlet extends HttpServlet {
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final long MAX_DISCARDED_BYTES = 16L * 1024 * 1024;
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);

    private final transient App app;
    private final transient ExactBodyAdapter adapter;
    private final transient SlackSignature.Generator signatures;
    private final transient Metrics metrics;

    public SlackEventsServlet(App app, String signingSecret, Metrics metrics) {
        this.app = Objects.requireNonNull(app, "app");
        this.adapter = new ExactBodyAdapter(app);
        this.signatures = new SlackSignature.Generator(Objects.requireNonNull(signingSecret, "signingSecret"));
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long started = System.nanoTime();
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            discard(request.getInputStream());
            reject(response, 413, "request body too large", started);
            return;
        }
        if (!acceptedContentType(request.getContentType())) {
            reject(response, 415, "unsupported content type", started);
            return;
        }
        byte[] bytes = readAtMost(request.getInputStream(), MAX_BODY_BYTES);
        if (bytes == null) {
            discard(request.getInputStream());
            reject(response, 413, "request body too large", started);
            return;
        }
        String body = strictUtf8(bytes);
        if (body == null) {
            reject(response, 400, "request body is not UTF-8", started);
            return;
        }
        if (!signed(request, body)) {
            reject(response, 401, "invalid request", started);
            return;
        }
        Request<?> slackRequest;
        try {
            adapter.body.set(body);
            slackRequest = adapter.buildSlackRequest(request);
        } catch (RuntimeException e) {
            reject(response, 400, "malformed request", started);
            return;
        } finally {
            adapter.body.remove();
        }
        if (slackRequest == null) {
            reject(response, 400, "unrecognised request", started);
            return;
        }
        try {
            Response slackResponse = app.run(slackRequest);
            adapter.writeResponse(response, slackResponse);
        } catch (Exception e) {
            log.error("Failed to handle a Slack request", e);
            reject(response, 500, "internal error", started);
        }
    }

    /** Slack sends JSON (events) or form-encoded bodies (commands, interactivity); nothing else. */
    private static boolean acceptedContentType(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/json") || type.equals("application/x-www-form-urlencoded");
    }

    private boolean signed(HttpServletRequest request, String body) {
        String timestamp = request.getHeader(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        String signature = request.getHeader(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        if (timestamp == null || signature == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        // Slack's own verifier accepts any timestamp in the future; a replay window must close both ways.
        long skew = Math.abs(System.currentTimeMillis() / 1000 - seconds);
        if (skew > MAX_CLOCK_SKEW.toSeconds()) {
            return false;
        }
        String expected = signatures.generate(timestamp.trim(), body);
        return expected != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }

    private void reject(HttpServletResponse response, int status, String reason, long started) throws IOException {
        metrics.request("http", RequestMetrics.outcome(status));
        metrics.ackLatency("http", Duration.ofNanos(System.nanoTime() - started));
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(("{\"error\":\"" + reason + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** Reads up to {@code limit} bytes; {@code null} if the stream holds more. */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
        byte[] buffer = new byte[8 * 1024];
        int total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    /**
     * Skips what is left of an oversized body without keeping it, up to a bound, so that the client reads the 413
     * instead of a connection reset; past the bound the connection is simply closed.
     */
    private static void discard(InputStream in) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long skipped = 0;
        int read;
        while (skipped < MAX_DISCARDED_BYTES && (read = in.read(buffer)) != -1) {
            skipped += read;
        }
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Bolt's servlet adapter, fed the body exactly as received instead of re-reading it line by line. */
    private static final class ExactBodyAdapter extends SlackAppServletAdapter {
        private final ThreadLocal<String> body = new ThreadLocal<>();

        ExactBodyAdapter(App app) {
            super(app.config());
        }

        @Override
        protected String doReadRequestBodyAsString(HttpServletRequest request) {
            return body.get();
        }
    }
}
