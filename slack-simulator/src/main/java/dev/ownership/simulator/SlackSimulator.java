package dev.ownership.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ownership.simulator.MessageStore.StoredMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Slack workspace on loopback: a real HTTP Web API answering the methods the bot calls with Slack-shaped
 * responses, a workspace model, a record of every call, fault injection and Slack's rate limits on request.
 *
 * <p>Point the Slack SDK at it with {@code SlackConfig#setMethodsEndpointUrlPrefix(sim.apiUrl())} and use
 * {@link #BOT_TOKEN}. Requests may be form-encoded or JSON, with the token as a bearer header or a {@code token}
 * field; both are recorded alike. Timestamps ({@code ts}), timezone offsets and permalinks follow the clock given to
 * {@link #start(Clock)}. Thread-safe: the HTTP server answers on a pool of threads and every part of the state is
 * guarded.
 */
public final class SlackSimulator implements AutoCloseable {
    public static final String BOT_TOKEN = "xoxb-sim-token";
    public static final String APP_TOKEN = "xapp-sim-token";
    public static final String TEAM_ID = "T0SIM";
    public static final String BOT_USER_ID = "U0BOT";
    public static final String BOT_ID = "B0BOT";
    public static final String APP_ID = "A0SIM";

    private static final Logger LOG = LoggerFactory.getLogger(SlackSimulator.class);
    private static final int BACKLOG = 512;

    private final Clock clock;
    private final SimWorkspace workspace = new SimWorkspace();
    private final CallLog callLog = new CallLog();
    private final Faults faults = new Faults();
    private final RateLimiter rateLimiter = new RateLimiter(System::nanoTime);
    private final Ids ids = new Ids();
    private final MessageStore messages;
    private final Payloads payloads;
    private final ConversationAccess access;
    private final ViewMethods views;
    private final FileMethods files;
    private final ResponseUrls responseUrls;
    private final WebApi webApi;
    private final BotTokens botTokens = new BotTokens();
    private final HttpServer server;
    private final ExecutorService executor;
    private SocketModeServer socketMode;
    private boolean closed;

    private SlackSimulator(Clock clock) throws IOException {
        this.clock = clock;
        this.messages = new MessageStore(clock);
        this.payloads = new Payloads(clock);
        this.access = new ConversationAccess(workspace);
        this.views = new ViewMethods(workspace, ids, clock);
        this.files = new FileMethods(access, messages, ids, payloads, () -> baseUrl() + "upload/v1/");
        this.responseUrls = new ResponseUrls(messages);
        Map<String, MethodHandler> handlers = new HashMap<>();
        new IdentityMethods(workspace, payloads).registerIn(handlers);
        new ConversationMethods(workspace, access, messages, payloads).registerIn(handlers);
        new ChatMethods(workspace, access, messages, payloads).registerIn(handlers);
        views.registerIn(handlers);
        files.registerIn(handlers);
        handlers.put("apps.connections.open", request -> ChatMethods.ok()
                .put("url", socketMode().connectionUrl()));
        this.webApi = new WebApi(handlers, faults, rateLimiter, access, botTokens);
        this.executor = Executors.newCachedThreadPool(daemonThreads());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), BACKLOG);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Starts a simulator on a free loopback port with the system clock. */
    public static SlackSimulator start() {
        return start(Clock.systemUTC());
    }

    /** Starts a simulator on a free loopback port; {@code ts} values, tz offsets and permalinks use this clock. */
    public static SlackSimulator start(Clock clock) {
        // The JDK server otherwise waits on Nagle's algorithm and delayed ACKs: about 40 ms a call on loopback. The
        // property is read once, when the server classes load, so it must be set before the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            return new SlackSimulator(Objects.requireNonNull(clock, "clock"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Slack simulator", e);
        }
    }

    /**
     * Revokes every bot token issued so far, as uninstalling the app or revoking its token does: from now on they
     * answer {@code token_revoked}. (Send the matching event with {@link SlackRequests#appUninstalled} or
     * {@link SlackRequests#tokensRevoked}.)
     */
    public void revokeBotTokens() {
        botTokens.revokeAll();
    }

    /** Installs the app again: a new bot token, honoured from now on alongside any other valid one. */
    public String reinstall() {
        return botTokens.issue();
    }

    /** The Web API base URL, {@code http://127.0.0.1:<port>/api/}, ending in a slash as the SDK expects. */
    public String apiUrl() {
        return baseUrl() + "api/";
    }

    public SimWorkspace workspace() {
        return workspace;
    }

    public Faults faults() {
        return faults;
    }

    public Clock clock() {
        return clock;
    }

    /** Every Web API and {@code response_url} call so far, in arrival order. */
    public List<RecordedCall> calls() {
        return callLog.all();
    }

    public List<RecordedCall> calls(String method) {
        return callLog.of(method);
    }

    /**
     * Waits for the first call of the method that matches (calls recorded before this was called count too); on
     * timeout fails with an {@link AssertionError} that lists every recorded call.
     */
    public RecordedCall awaitCall(String method, Predicate<RecordedCall> match, Duration timeout) {
        return callLog.await(method, match, timeout);
    }

    /** Waits for any call of the method. */
    public RecordedCall awaitCall(String method, Duration timeout) {
        return callLog.await(method, call -> true, timeout);
    }

    /**
     * Waits until at least {@code count} calls of the method were recorded and returns all of them (possibly more
     * than {@code count}); on timeout fails with an {@link AssertionError} listing every recorded call.
     */
    public List<RecordedCall> awaitCalls(String method, int count, Duration timeout) {
        return callLog.awaitCount(method, count, timeout);
    }

    /** The successful {@code chat.postMessage} calls that landed in the user's DM, addressed by user or DM id. */
    public List<RecordedCall> dmsTo(String userId) {
        String dm = workspace.dmChannelOf(userId);
        return calls("chat.postMessage").stream()
                .filter(call -> call.ok() && dm.equals(Json.text(call.response(), "channel")))
                .toList();
    }

    /** The successful {@code chat.postEphemeral} calls shown to the user, in any conversation. */
    public List<RecordedCall> ephemeralsTo(String userId) {
        return calls("chat.postEphemeral").stream()
                .filter(call -> call.ok() && userId.equals(call.param("user")))
                .toList();
    }

    /** A readable listing of every recorded call, one per line, for failure messages and debugging. */
    public String describeCalls() {
        return callLog.dump();
    }

    public void clearCalls() {
        callLog.clear();
    }

    /** Enforces rate limits from now on, with fresh windows; {@code null} or {@link RateLimits#off()} turns off. */
    public void enforceRateLimits(RateLimits limits) {
        rateLimiter.enforce(limits);
    }

    /** A new {@code response_url}; POSTs to it are recorded as method {@code response_url}. */
    public String newResponseUrl() {
        return responseUrl(ResponseUrls.Origin.NONE);
    }

    String responseUrl(ResponseUrls.Origin origin) {
        return baseUrl() + "response/" + responseUrls.register(origin);
    }

    /** A trigger id for an interaction by the user, which {@code views.open} and {@code views.push} accept. */
    public String newTriggerId(String userId) {
        return views.newTrigger(userId);
    }

    /** The Socket Mode server, started on first use; {@code apps.connections.open} then hands out its URL. */
    public synchronized SocketModeServer socketMode() {
        if (closed) {
            throw new IllegalStateException("the simulator is closed");
        }
        if (socketMode == null) {
            socketMode = SocketModeServer.start();
        }
        return socketMode;
    }

    /** A view as last opened, pushed, updated or published. */
    public Optional<SimView> view(String viewId) {
        return views.view(viewId);
    }

    /** The full view JSON as the Web API last answered it (title, submit, state, hash, …). */
    public Optional<ObjectNode> viewJson(String viewId) {
        return views.viewJson(viewId);
    }

    /** The App Home view last published to the user. */
    public Optional<SimView> homeView(String userId) {
        return views.homeViewOf(userId).flatMap(views::view);
    }

    /** Every view so far, in the order they were first created. */
    public List<SimView> views() {
        return views.views();
    }

    /** Every message of a conversation, thread replies included, oldest first. */
    public List<SimMessage> history(String channelId) {
        return messages.all(channelId).stream().map(StoredMessage::toSimMessage).toList();
    }

    /**
     * The ephemeral messages shown in a conversation (through {@code chat.postEphemeral} or a {@code response_url}),
     * oldest first; each one's {@code ts} is the {@code message_ts} an {@link ActionSource#ephemeral} click needs.
     */
    public List<SimMessage> ephemerals(String channelId) {
        return messages.ephemerals(channelId).stream()
                .map(StoredMessage::toSimMessage)
                .toList();
    }

    /** A message of a conversation as it stands now. */
    public Optional<SimMessage> message(String channelId, String ts) {
        return messages.find(channelId, ts).map(StoredMessage::toSimMessage);
    }

    /** The bytes the client uploaded for a file of {@code files.getUploadURLExternal}. */
    public Optional<byte[]> uploadedFile(String fileId) {
        return files.uploaded(fileId);
    }

    @Override
    public void close() {
        SocketModeServer toStop;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toStop = socketMode;
        }
        server.stop(0);
        executor.shutdownNow();
        if (toStop != null) {
            toStop.stop();
        }
    }

    MessageStore messages() {
        return messages;
    }

    Payloads payloads() {
        return payloads;
    }

    ConversationAccess access() {
        return access;
    }

    Ids ids() {
        return ids;
    }

    ViewMethods viewStore() {
        return views;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private void serve(HttpExchange exchange) {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Instant at = clock.instant();
            byte[] body = readBody(exchange.getRequestBody());
            if (path.startsWith("/api/")) {
                serveWebApi(exchange, path.substring("/api/".length()), body, at);
            } else if (path.startsWith("/response/")) {
                serveResponseUrl(exchange, path.substring("/response/".length()), body, at);
            } else if (path.startsWith("/upload/v1/")) {
                serveUpload(exchange, path.substring("/upload/v1/".length()), body);
            } else {
                sendText(exchange, 404, "not_found");
            }
        } catch (IOException clientGone) {
            // Clients that time out (see Fault.delay) close the connection before the answer.
            LOG.debug("Slack simulator could not answer {}", exchange.getRequestURI(), clientGone);
        } catch (RuntimeException bug) {
            LOG.warn("Slack simulator could not answer {}", exchange.getRequestURI(), bug);
        }
    }

    private void serveWebApi(HttpExchange exchange, String method, byte[] body, Instant at) throws IOException {
        ObjectNode params = parseParams(exchange, body);
        String token = bearerToken(exchange).orElseGet(() -> Json.text(params, "token"));
        HttpAnswer answer = webApi.answer(new ApiRequest(method, params, token));
        callLog.record(new RecordedCall(method, params, token, at, answer.status(), answer.body()));
        sendJson(exchange, answer);
    }

    private void serveResponseUrl(HttpExchange exchange, String id, byte[] body, Instant at) throws IOException {
        ObjectNode params = parseParams(exchange, body);
        JsonNode payload =
                params.has("payload") ? parseOrNull(params.get("payload").asText()) : null;
        ObjectNode message = payload != null && payload.isObject() ? (ObjectNode) payload : params;
        HttpAnswer answer = faults.take("response_url")
                .flatMap(HttpAnswer::forFault)
                .orElseGet(() -> responseUrls.post(id, message));
        callLog.record(new RecordedCall("response_url", message, null, at, answer.status(), answer.body()));
        sendJson(exchange, answer);
    }

    private void serveUpload(HttpExchange exchange, String fileId, byte[] body) throws IOException {
        if (!"POST".equalsIgnoreCase(exchange.getRequestMethod()) || !files.receive(fileId, body)) {
            sendText(exchange, 404, "not_found");
            return;
        }
        sendText(exchange, 200, "OK - " + body.length);
    }

    private static ObjectNode parseParams(HttpExchange exchange, byte[] body) {
        ObjectNode params = Json.object();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            putFormFields(params, query);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type"))
                .orElse("")
                .toLowerCase(Locale.ROOT);
        if (contentType.startsWith("application/json")
                || (contentType.isEmpty() && text.stripLeading().startsWith("{"))) {
            JsonNode json = text.isBlank() ? Json.object() : parseOrNull(text);
            if (json != null && json.isObject()) {
                params.setAll((ObjectNode) json);
            }
        } else if (!text.isBlank()) {
            putFormFields(params, text);
        }
        return params;
    }

    private static JsonNode parseOrNull(String text) {
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException notJson) {
            return null;
        }
    }

    private static void putFormFields(ObjectNode params, String form) {
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            params.put(name, value);
        }
    }

    private static String decode(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    private static Optional<String> bearerToken(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(7).strip());
    }

    private static byte[] readBody(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static void sendJson(HttpExchange exchange, HttpAnswer answer) throws IOException {
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        send(exchange, answer.status(), Json.write(answer.body()).getBytes(StandardCharsets.UTF_8));
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(exchange, status, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "slack-sim-http-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
