/** The HTTP server: Jetty 12 serving {@code /slack/events}, {@code /healthz} and {@code /metrics}. */
package dev.ownership.bot.http;
