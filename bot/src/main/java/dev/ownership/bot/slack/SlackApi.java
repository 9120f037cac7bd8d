package dev.ownership.bot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.model.Message;
import com.slack.api.webhook.WebhookResponse;
import dev.ownership.bot.ops.Metrics;
import dev.ownership.bot.ops.SlackAccess;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Web API call the bot makes goes through here: one {@link Slack} instance pointed at the configured base
 * URL, 429s answered by waiting for {@code Retry-After}, 5xx retried with backoff, network errors and timeouts retried
 * only for methods that are safe to repeat, and every call counted by method and result. Posting is the exception:
 * a timed-out or failed {@code chat.postMessage} may have been delivered, so {@link #post} looks for it first.
 *
 * <p>An {@code ok:false} answer is returned to the caller (it is a decision, not a transport failure) and logged
 * once. Calls block while waiting, so never make them on the ack path. Thread-safe.
 *
 * <p>What the person sees is done exactly once: every message goes through {@link #post} and every file through
 * {@link #shareFile}, which after a timeout, a 5xx or a network error look for what they sent before sending it again.
 *
 * <p>Once Slack has revoked the bot's access ({@link SlackAccess}: the app was uninstalled or its token revoked), every
 * call and every retry still waiting is refused with a {@link SlackCallException} before anything is sent, and counted
 * with the result {@code revoked}.
 */
public final class SlackApi {
    private static final Logger log = LoggerFactory.getLogger(SlackApi.class);
    private static final int MAX_RATE_LIMIT_WAITS = 20;
    private static final int MAX_FAILURE_RETRIES = 4;
    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);
    /** The message metadata {@code event_type} of every message Ownership posts. */
    public static final String DELIVERY_EVENT = "ownership_delivery";
    /** The key of the delivery's id in the metadata's {@code event_payload}. */
    public static final String DELIVERY_ID = "delivery_id";
    /** Methods safe to repeat after a timeout: reads, and writes whose repetition changes nothing. */
    private static final java.util.function.Predicate<String> IDEMPOTENT = method -> method.startsWith("users.")
            || method.startsWith("auth.")
            || method.startsWith("bots.")
            || method.startsWith("team.")
            || method.equals("conversations.info")
            || method.equals("conversations.members")
            || method.equals("conversations.history")
            || method.equals("conversations.replies")
            || method.equals("conversations.join")
            || method.equals("conversations.open")
            || method.equals("chat.getPermalink")
            // Asking again only reserves another upload slot; the one not used expires unseen.
            || method.equals("files.getUploadURLExternal")
            || method.equals("chat.update")
            || method.equals("views.publish")
            || method.equals("views.update");

    private final Slack slack;
    private final MethodsClient methods;
    private final Metrics metrics;
    private final SlackAccess access;
    private final Duration backoff;
    private final PostedMessages deliveries;
    private final FileUploads uploads;

    /**
     * @param apiUrl the Web API base URL, ending with {@code /}
     * @param botToken the bot token used for every call
     * @param access whether Slack still lets the bot in; no call is made once it does not
     * @param backoff the first wait after a 5xx or network error; doubled on each retry
     */
    public SlackApi(
            String apiUrl, String botToken, Metrics metrics, SlackAccess access, Duration backoff, Duration timeout) {
        this.slack = Slack.getInstance(slackConfig(apiUrl, timeout));
        this.methods = slack.methods(Objects.requireNonNull(botToken, "botToken"));
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.access = Objects.requireNonNull(access, "access");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.deliveries = new PostedMessages(this);
        this.uploads = new FileUploads(timeout, backoff, MAX_FAILURE_RETRIES, metrics, access);
    }

    /** The shared SDK instance, for Bolt and Socket Mode, so that nothing reaches another URL. */
    public Slack slack() {
        return slack;
    }

    /**
     * Calls one Web API method with retries.
     *
     * @param method the method name, for metrics and logs (e.g. {@code chat.postMessage})
     * @throws SlackCallException when the call still fails after the retries
     */
    public <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        if (method.equals("chat.postMessage")) {
            // Its retries need the delivery's id to look for it first: post() does that.
            throw new IllegalArgumentException("chat.postMessage goes through post(), which posts exactly once");
        }
        return attempt(method, call, false);
    }

    /**
     * Posts one message exactly once, even when Slack times out or fails after taking it. The message carries
     * message metadata ({@value #DELIVERY_EVENT}, with a fresh delivery id); after a timeout, a 5xx or a network
     * error, the conversation's latest messages (its history, or the thread's replies) are searched for that id
     * before anything is posted again: found means delivered, and its ts is returned as if Slack had answered; not
     * found means it was not taken, and it is posted again, up to {@value #MAX_FAILURE_RETRIES} times.
     *
     * @param message the message, as for {@code chat.postMessage} (its metadata is set here)
     * @throws SlackCallException when it still failed after the retries, or when whether it went through cannot be
     *     found out (then it is not posted again: a duplicate is worse than a loss the caller records)
     */
    public ChatPostMessageResponse post(UnaryOperator<ChatPostMessageRequest.ChatPostMessageRequestBuilder> message) {
        String deliveryId = UUID.randomUUID().toString();
        ChatPostMessageRequest request =
                message.apply(ChatPostMessageRequest.builder()).build();
        request.setMetadata(new Message.Metadata(DELIVERY_EVENT, Map.of(DELIVERY_ID, deliveryId)));
        return this.exactlyOnce(
                "chat.postMessage",
                methods -> methods.chatPostMessage(request),
                () -> deliveries.find(request, deliveryId));
    }

    /**
     * Uploads {@code bytes} as a file and shares it in {@code channelId} (in the thread {@code threadTs}), each step
     * of Slack's external upload on its own: asking for an upload URL and sending the bytes there are safe to repeat
     * and retried; the share ({@code files.completeUploadExternal}) is done exactly once, as {@link #post} does,
     * looking in the thread for a message with the file before sharing it again.
     *
     * @return the share's answer: {@code ok:false} when Slack refused a step
     * @throws SlackCallException when a step still failed after its retries
     */
    public FilesCompleteUploadExternalResponse shareFile(
            String channelId, String threadTs, byte[] bytes, String filename, String title, String altText) {
        FilesGetUploadURLExternalResponse slot = this.call(
                "files.getUploadURLExternal",
                methods -> methods.filesGetUploadURLExternal(
                        r -> r.filename(filename).length(bytes.length).altTxt(altText)));
        if (!slot.isOk()) {
            FilesCompleteUploadExternalResponse refused = new FilesCompleteUploadExternalResponse();
            refused.setOk(false);
            refused.setError(slot.getError());
            return refused;
        }
        uploads.send(slot.getUploadUrl(), bytes);
        String fileId = slot.getFileId();
        return this.exactlyOnce(
                "files.completeUploadExternal",
                methods -> methods.filesCompleteUploadExternal(
                        r -> r.files(List.of(FilesCompleteUploadExternalRequest.FileDetails.builder()
                                        .id(fileId)
                                        .title(title)
                                        .build()))
                                .channelId(channelId)
                                .threadTs(threadTs)),
                () -> deliveries.findShare(channelId, threadTs, fileId));
    }

    /**
     * Carries out a request that must happen once: after a timeout, a 5xx or a network error, {@code lookup} says
     * whether it happened (its result is then the answer); if not, it is made again, up to
     * {@value #MAX_FAILURE_RETRIES} more times. Slack is asked after a pause, so that a request it is still carrying
     * out is found rather than repeated.
     *
     * @throws SlackCallException when it still failed after the retries, or when whether it went through cannot be
     *     found out (then it is not repeated: a duplicate is worse than a loss the caller records)
     */
    private <T extends SlackApiTextResponse> T exactlyOnce(String method, Call<T> call, Supplier<Optional<T>> lookup) {
        int uncertain = 0;
        while (true) {
            try {
                return attempt(method, call, true);
            } catch (Uncertain e) {
                uncertain++;
                sleep(backoff.multipliedBy(1L << (uncertain - 1)));
                Optional<T> done = lookup.get();
                if (done.isPresent()) {
                    metrics.slackCall(method, "found_delivered");
                    log.info("Slack {} {}, but it went through; not doing it again", method, e.getMessage());
                    return done.get();
                }
                if (uncertain > MAX_FAILURE_RETRIES) {
                    throw new SlackCallException(
                            "Slack " + method + " " + e.getMessage() + "; not done after " + uncertain + " tries",
                            e.getCause());
                }
                log.info("Slack {} {}; it did not go through, doing it again", method, e.getMessage());
            }
        }
    }

    /**
     * One call with retries; with {@code uncertainThrows}, a timeout, 5xx or network error (after which the request
     * may have been carried out) is not retried but thrown as {@link Uncertain}, for the caller to find out.
     */
    private <T extends SlackApiTextResponse> T attempt(String method, Call<T> call, boolean uncertainThrows) {
        int rateLimitWaits = 0;
        int failures = 0;
        while (true) {
            refuseIfRevoked(method);
            try {
                T response = call.invoke(methods);
                if (response.isOk()) {
                    metrics.slackCall(method, "ok");
                } else {
                    metrics.slackCall(method, "error");
                    log.warn("Slack {} answered ok:false, error={}", method, response.getError());
                }
                return response;
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                if (status == 429 && rateLimitWaits++ < MAX_RATE_LIMIT_WAITS) {
                    metrics.slackCall(method, "ratelimited");
                    Duration wait = retryAfter(e);
                    log.info("Slack {} rate-limited; waiting {} as Retry-After asks", method, wait);
                    sleep(wait);
                } else if (status >= 500 && uncertainThrows) {
                    metrics.slackCall(method, "server_error");
                    throw new Uncertain("answered HTTP " + status, e);
                } else if (status >= 500 && failures++ < MAX_FAILURE_RETRIES) {
                    metrics.slackCall(method, "server_error");
                    log.info("Slack {} answered {}; retrying", method, status);
                    sleep(backoff.multipliedBy(1L << (failures - 1)));
                } else {
                    metrics.slackCall(method, status == 429 ? "ratelimited" : "http_error");
                    throw new SlackCallException("Slack " + method + " failed with HTTP " + status, e);
                }
            } catch (IOException e) {
                metrics.slackCall(method, "io_error");
                if (uncertainThrows) {
                    throw new Uncertain("failed (" + e.getMessage() + ")", e);
                }
                if (!IDEMPOTENT.test(method)) {
                    // The request may have reached Slack: retrying could post the same message twice.
                    throw new SlackCallException(
                            "Slack " + method + " failed (" + e.getMessage()
                                    + "); not retried, it may have gone through",
                            e);
                }
                if (failures++ >= MAX_FAILURE_RETRIES) {
                    throw new SlackCallException("Slack " + method + " failed: " + e.getMessage(), e);
                }
                log.info("Slack {} failed ({}); retrying", method, e.getMessage());
                sleep(backoff.multipliedBy(1L << (failures - 1)));
            }
        }
    }

    /**
     * The permalink of message {@code ts} in {@code channelId}; when Slack does not give one, the archive address it
     * would have (a link that opens the message for anyone who can see the channel).
     */
    public String permalink(String channelId, String ts) {
        var response = this.call(
                "chat.getPermalink",
                methods -> methods.chatGetPermalink(r -> r.channel(channelId).messageTs(ts)));
        if (response.isOk() && response.getPermalink() != null) {
            return response.getPermalink();
        }
        return "https://slack.com/archives/" + channelId + "/p" + ts.replace(".", "");
    }

    /**
     * Posts a message to a {@code response_url} (the private answer to a slash command or an action), retrying
     * 5xx and network errors; nothing is sent once the bot's access was revoked.
     *
     * @return whether Slack accepted it
     */
    public boolean respond(String responseUrl, String payloadJson) {
        int failures = 0;
        while (true) {
            if (access.isRevoked()) {
                metrics.slackCall("response_url", "revoked");
                return false;
            }
            try {
                WebhookResponse response = slack.send(responseUrl, payloadJson);
                Integer code = response.getCode();
                if (code != null && code >= 500 && failures++ < MAX_FAILURE_RETRIES) {
                    metrics.slackCall("response_url", "server_error");
                    sleep(backoff.multipliedBy(1L << (failures - 1)));
                    continue;
                }
                boolean ok = code != null && code >= 200 && code < 300;
                metrics.slackCall("response_url", ok ? "ok" : "error");
                if (!ok) {
                    log.warn("Slack refused a response_url message: HTTP {} {}", code, response.getBody());
                }
                return ok;
            } catch (IOException e) {
                metrics.slackCall("response_url", "io_error");
                if (failures++ >= MAX_FAILURE_RETRIES) {
                    log.warn("Could not answer through response_url: {}", e.getMessage());
                    return false;
                }
                sleep(backoff.multipliedBy(1L << (failures - 1)));
            }
        }
    }

    /** Refuses a call, or the retry of one, once Slack has revoked the bot's access. */
    private void refuseIfRevoked(String method) {
        access.revoked().ifPresent(revoked -> {
            metrics.slackCall(method, "revoked");
            throw new SlackCallException(
                    "Not calling Slack " + method + ": the bot's access was revoked (" + revoked.reason() + ")", null);
        });
    }

    private static Duration retryAfter(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        long seconds = 1;
        if (header != null) {
            try {
                seconds = Math.max(1, Long.parseLong(header.trim()));
            } catch (NumberFormatException ignored) {
                seconds = 1;
            }
        }
        Duration wait = Duration.ofSeconds(seconds);
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackCallException("Interrupted while waiting to retry a Slack call", e);
        }
    }

    private static SlackConfig slackConfig(String apiUrl, Duration timeout) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(Objects.requireNonNull(apiUrl, "apiUrl"));
        config.setPrettyResponseLoggingEnabled(false);
        config.setLibraryMaintainerMode(false);
        config.setFailOnUnknownProperties(false);
        config.setStatsEnabled(false);
        int millis = (int) timeout.toMillis();
        config.setHttpClientReadTimeoutMillis(millis);
        config.setHttpClientWriteTimeoutMillis(millis);
        config.setHttpClientCallTimeoutMillis(millis * 2);
        return config;
    }

    /** A call after which Slack may or may not have carried out the request: it timed out, or failed after. */
    private static final class Uncertain extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Uncertain(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One Web API call on the bot's client. */
    @FunctionalInterface
    public interface Call<T> {
        T invoke(MethodsClient methods) throws IOException, SlackApiException;
    }
}
