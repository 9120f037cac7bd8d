package dev.ownership.bot.slack;

import dev.ownership.bot.ops.Metrics;
import dev.ownership.bot.ops.SlackAccess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * Sends a file's bytes to the upload URL {@code files.getUploadURLExternal} gave (the second step of Slack's external
 * upload). Sending the same bytes to the same URL again changes nothing the person sees (only the share does), so a
 * 5xx or a network error is retried with backoff. Nothing is sent once the bot's access was revoked. Thread-safe.
 */
final class FileUploads {
    private final HttpClient http;
    private final Duration timeout;
    private final Duration backoff;
    private final int retries;
    private final Metrics metrics;
    private final SlackAccess access;

    FileUploads(Duration timeout, Duration backoff, int retries, Metrics metrics, SlackAccess access) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.retries = retries;
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.access = Objects.requireNonNull(access, "access");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * Sends {@code bytes} to {@code uploadUrl}.
     *
     * @throws SlackCallException when Slack refused them, or still failed after the retries
     */
    void send(String uploadUrl, byte[] bytes) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uploadUrl))
                .timeout(timeout)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        int failures = 0;
        while (true) {
            if (access.isRevoked()) {
                metrics.slackCall("files.upload_url", "revoked");
                throw new SlackCallException("Not uploading: the bot's access was revoked", null);
            }
            String failure;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    metrics.slackCall("files.upload_url", "ok");
                    return;
                }
                if (status < 500) {
                    metrics.slackCall("files.upload_url", "http_error");
                    throw new SlackCallException("Slack refused the file's bytes: HTTP " + status, null);
                }
                metrics.slackCall("files.upload_url", "server_error");
                failure = "HTTP " + status;
            } catch (IOException e) {
                metrics.slackCall("files.upload_url", "io_error");
                failure = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SlackCallException("Interrupted while uploading a file", e);
            }
            if (failures++ >= retries) {
                throw new SlackCallException("Uploading the file's bytes failed: " + failure, null);
            }
            try {
                Thread.sleep(backoff.multipliedBy(1L << (failures - 1)).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SlackCallException("Interrupted while waiting to retry an upload", e);
            }
        }
    }
}
