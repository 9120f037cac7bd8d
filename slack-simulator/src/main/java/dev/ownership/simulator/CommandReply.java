package dev.ownership.simulator;

import java.net.http.HttpResponse;

/**
 * The bot's answer to a slash command, and the {@code response_url} the command carried so that later replies to it
 * can be awaited with {@code sim.awaitCall("response_url", …)}.
 *
 * @param response the bot's HTTP response to the command
 * @param responseUrl the command's {@code response_url}
 */
public record CommandReply(HttpResponse<String> response, String responseUrl) {

    /** The body the bot acknowledged with (empty, or an immediate message as JSON or text). */
    public String body() {
        return response.body();
    }

    public int status() {
        return response.statusCode();
    }
}
