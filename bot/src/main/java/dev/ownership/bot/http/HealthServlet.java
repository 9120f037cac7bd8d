package dev.ownership.bot.http;

import dev.ownership.bot.ops.SlackAccess;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /healthz}: 200 once the database and the scheduler are up, 503 before and while stopping. Once Slack has
 * revoked the bot's access it still answers 200 (the process is fine, and restarting it would not help), with
 * {@code "slack":"revoked"}, the reason and since when, for a person or a probe that reads the body.
 */
final class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient BooleanSupplier healthy;
    private final transient SlackAccess access;

    HealthServlet(BooleanSupplier healthy, SlackAccess access) {
        this.healthy = Objects.requireNonNull(healthy, "healthy");
        this.access = Objects.requireNonNull(access, "access");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean ok = healthy.getAsBoolean();
        response.setStatus(ok ? 200 : 503);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        String status = ok ? "{\"status\":\"ok\"" : "{\"status\":\"starting or stopping\"";
        String slack = access.revoked()
                .map(revoked -> ",\"slack\":\"revoked\",\"reason\":\"" + revoked.reason() + "\",\"since\":\""
                        + revoked.at() + "\"}")
                .orElse(",\"slack\":\"ok\"}");
        response.getOutputStream().write((status + slack).getBytes(StandardCharsets.UTF_8));
    }
}
