package dev.ownership.bot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The bot's configuration, read once from the environment.
 *
 * <p>Tokens and the signing secret never appear in {@link #toString()}.
 *
 * @param botToken bot token {@code xoxb-…}
 * @param signingSecret request signing secret; required in HTTP mode
 * @param appToken app-level token {@code xapp-…}; when present the bot runs in Socket Mode
 * @param apiUrl Web API base URL, ending with {@code /}
 * @param port HTTP port for {@code /slack/events}, {@code /healthz} and {@code /metrics}; 0 picks a free port
 * @param database the SQLite file
 * @param admins extra admin user ids
 * @param nudgeGrace how long a blocker waits for a proposal before it is nudged
 * @param nudgeDailyLimit nudges per person per day
 * @param retention how long records are kept
 */
public record Config(
        String botToken,
        String signingSecret,
        String appToken,
        String apiUrl,
        int port,
        Path database,
        Set<String> admins,
        Duration nudgeGrace,
        int nudgeDailyLimit,
        Duration retention) {

    public static final String SLACK_BOT_TOKEN = "SLACK_BOT_TOKEN";
    public static final String SLACK_SIGNING_SECRET = "SLACK_SIGNING_SECRET";
    public static final String SLACK_APP_TOKEN = "SLACK_APP_TOKEN";
    public static final String SLACK_API_URL = "SLACK_API_URL";
    public static final String PORT = "PORT";
    public static final String OWNERSHIP_DB = "OWNERSHIP_DB";
    public static final String OWNERSHIP_ADMINS = "OWNERSHIP_ADMINS";
    public static final String OWNERSHIP_NUDGE_GRACE = "OWNERSHIP_NUDGE_GRACE";
    public static final String OWNERSHIP_NUDGE_DAILY_LIMIT = "OWNERSHIP_NUDGE_DAILY_LIMIT";
    public static final String OWNERSHIP_RETENTION = "OWNERSHIP_RETENTION";

    public static final String DEFAULT_API_URL = "https://slack.com/api/";
    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");
    /**
     * What follows a token's prefix in a placeholder such as {@code xoxb-...}: nothing, dots, an ellipsis, x's or
     * stars, or a word in angle brackets ({@code xoxb-<token>}).
     */
    private static final Pattern PLACEHOLDER = Pattern.compile("[.…*xX-]*|<[^>]*>");

    private static final int MAX_DAILY_LIMIT = 50;

    public Config {
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(nudgeGrace, "nudgeGrace");
        Objects.requireNonNull(retention, "retention");
        admins = Set.copyOf(admins);
    }

    /**
     * Reads the configuration for {@code serve}.
     *
     * @throws ConfigException naming the first missing or malformed variable
     */
    public static Config fromEnvironment(Map<String, String> env) {
        Optional<String> appToken = optional(env, SLACK_APP_TOKEN);
        appToken.ifPresent(token -> requirePrefix(SLACK_APP_TOKEN, token, "xapp-"));
        String botToken = required(env, SLACK_BOT_TOKEN, "the bot token (xoxb-…)");
        requirePrefix(SLACK_BOT_TOKEN, botToken, "xoxb-");
        String signingSecret = optional(env, SLACK_SIGNING_SECRET).orElse(null);
        if (appToken.isEmpty() && signingSecret == null) {
            throw new ConfigException(
                    SLACK_SIGNING_SECRET, "required in HTTP mode (set SLACK_APP_TOKEN to use Socket Mode instead)");
        }
        return new Config(
                botToken,
                signingSecret,
                appToken.orElse(null),
                apiUrl(env),
                port(env),
                databasePath(env),
                admins(env),
                duration(env, OWNERSHIP_NUDGE_GRACE, "PT10M"),
                dailyLimit(env),
                duration(env, OWNERSHIP_RETENTION, "P180D"));
    }

    /** Whether the bot connects through Socket Mode rather than receiving HTTP requests. */
    public boolean socketMode() {
        return appToken != null;
    }

    /** A copy with another port (tests use 0 to pick a free one). */
    public Config withPort(int newPort) {
        return new Config(
                botToken,
                signingSecret,
                appToken,
                apiUrl,
                newPort,
                database,
                admins,
                nudgeGrace,
                nudgeDailyLimit,
                retention);
    }

    @Override
    public String toString() {
        return "Config[mode=" + (socketMode() ? "socket" : "http")
                + ", botToken=" + mask(botToken)
                + ", appToken=" + mask(appToken)
                + ", signingSecret=" + (signingSecret == null ? "unset" : "****")
                + ", apiUrl=" + apiUrl
                + ", port=" + port
                + ", database=" + database
                + ", admins=" + admins
                + ", nudgeGrace=" + nudgeGrace
                + ", nudgeDailyLimit=" + nudgeDailyLimit
                + ", retention=" + retention + "]";
    }

    /** Shows only a token's kind, never its secret part: {@code xoxb-****}. */
    public static String mask(String token) {
        if (token == null) {
            return "unset";
        }
        int dash = token.indexOf('-');
        return (dash > 0 && dash <= 5 ? token.substring(0, dash + 1) : "") + "****";
    }

    private static String apiUrl(Map<String, String> env) {
        String value = optional(env, SLACK_API_URL).orElse(DEFAULT_API_URL);
        try {
            URI uri = new URI(value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigException(SLACK_API_URL, "expected an http(s) URL such as " + DEFAULT_API_URL);
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(SLACK_API_URL, "expected an http(s) URL such as " + DEFAULT_API_URL);
        }
        return value.endsWith("/") ? value : value + "/";
    }

    private static int port(Map<String, String> env) {
        String value = optional(env, PORT).orElse("3000");
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ConfigException(PORT, "expected a port number from 0 to 65535, got '" + value + "'");
        }
    }

    private static Path databasePath(Map<String, String> env) {
        String value = optional(env, OWNERSHIP_DB).orElse("data/ownership.db");
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new ConfigException(OWNERSHIP_DB, "expected a file path, got '" + value + "'");
        }
    }

    private static Set<String> admins(Map<String, String> env) {
        String value = optional(env, OWNERSHIP_ADMINS).orElse("");
        Set<String> admins = Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(id -> !id.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        admins.stream().filter(id -> !USER_ID.matcher(id).matches()).findFirst().ifPresent(bad -> {
            throw new ConfigException(
                    OWNERSHIP_ADMINS, "expected Slack user ids separated by commas (like U012ABC), got '" + bad + "'");
        });
        return admins;
    }

    private static int dailyLimit(Map<String, String> env) {
        String value = optional(env, OWNERSHIP_NUDGE_DAILY_LIMIT).orElse("1");
        try {
            int limit = Integer.parseInt(value);
            if (limit < 0 || limit > MAX_DAILY_LIMIT) {
                throw new NumberFormatException();
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new ConfigException(
                    OWNERSHIP_NUDGE_DAILY_LIMIT,
                    "expected a whole number from 0 to " + MAX_DAILY_LIMIT + ", got '" + value + "'");
        }
    }

    private static Duration duration(Map<String, String> env, String variable, String fallback) {
        String value = optional(env, variable).orElse(fallback);
        Duration duration = parseDuration(value);
        if (duration == null || duration.isNegative()) {
            throw new ConfigException(
                    variable, "expected an ISO-8601 duration such as " + fallback + ", got '" + value + "'");
        }
        return duration;
    }

    /** Accepts {@code PT10M}, {@code P1DT2H} and day periods such as {@code P180D} or {@code P2W}. */
    private static Duration parseDuration(String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException notADuration) {
            try {
                Period period = Period.parse(value);
                if (period.getYears() != 0 || period.getMonths() != 0) {
                    return null;
                }
                return Duration.ofDays(period.getDays());
            } catch (DateTimeParseException notAPeriod) {
                return null;
            }
        }
    }

    private static String required(Map<String, String> env, String variable, String what) {
        return optional(env, variable).orElseThrow(() -> new ConfigException(variable, "required: " + what));
    }

    private static Optional<String> optional(Map<String, String> env, String variable) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static void requirePrefix(String variable, String value, String prefix) {
        if (!value.startsWith(prefix)) {
            throw new ConfigException(variable, "expected a token starting with " + prefix);
        }
        if (PLACEHOLDER.matcher(value.substring(prefix.length())).matches()) {
            throw new ConfigException(
                    variable,
                    "still a placeholder (" + value + "), as in .env.example: set the real token from your app's "
                            + "page at api.slack.com/apps");
        }
    }
}
