package dev.ownership.bot.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/** {@code GET /healthz}: 200 once the database and the scheduler are up, 503 before and while stopping. */
final class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient BooleanSupplier healthy;

    HealthServlet(BooleanSupplier healthy) {
        this.healthy = Objects.requireNonNull(healthy, "healthy");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean ok = healthy.getAsBoolean();
        response.setStatus(ok ? 200 : 503);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream()
                .write((ok ? "{\"status\":\"ok\"}" : "{\"status\":\"starting or stopping\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
