package dev.ownership.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code manifest.yml} in step with what the code relies on: an app installed from it must grant every
 * scope the bot calls Slack with and deliver every event it listens to, and ask for nothing more.
 *
 * <p>What the code uses is read from the bot's own sources, not copied here: every Web API call goes through
 * {@code SlackApi.call("method.name", methods -> methods.methodName(...))}, and every listener registers with
 * {@code app.event(SomeEvent.class, ...)}, {@code app.command(...)} and the like. The tables below say what each
 * method and each listener needs (from Slack's method and event reference); a method or listener missing from them
 * fails the test until its line is added. The manifest's scopes and events are then compared with what the code
 * needs, both ways, with no allowance: a scope or event that nothing uses fails it as surely as a missing one.
 *
 * <p>The scopes are those of Slack's method and event reference pages ("Required scopes" / "Facts"): for example
 * {@code chat.postMessage} needs {@code chat:write} and, addressed to a user id, posts in the app's DM with the person;
 * finding out whether a DM that timed out arrived opens that DM ({@code conversations.open}, {@code im:write}) and reads
 * its latest messages ({@code im:history}); {@code team.info} ({@code team:read}) is not called.
 */
@DisplayName("manifest.yml")
class ManifestTest {

    static final String COMMAND = "/ownership";

    /** The bot's public and private standup channels: what reads a channel needs both kinds of scope. */
    private static final Set<String> CHANNELS_READ = Set.of("channels:read", "groups:read");

    /**
     * History is read in the standup channels (public and private) and, to find out whether a message that timed out
     * reached a person, in the bot's own DM with them.
     */
    private static final Set<String> HISTORY = Set.of("channels:history", "groups:history", "im:history");

    /** The bot-token scopes each Web API method needs. */
    private static final Map<String, Set<String>> SCOPES_BY_METHOD = Map.ofEntries(
            Map.entry("auth.test", Set.of()),
            Map.entry("chat.postMessage", Set.of("chat:write")),
            Map.entry("chat.postEphemeral", Set.of("chat:write")),
            Map.entry("chat.update", Set.of("chat:write")),
            Map.entry("chat.delete", Set.of("chat:write")),
            Map.entry("chat.getPermalink", Set.of()),
            Map.entry("conversations.info", CHANNELS_READ),
            Map.entry("conversations.members", CHANNELS_READ),
            Map.entry("conversations.list", CHANNELS_READ),
            Map.entry("conversations.history", HISTORY),
            Map.entry("conversations.replies", HISTORY),
            Map.entry("conversations.join", Set.of("channels:join")),
            Map.entry("conversations.open", Set.of("im:write")),
            Map.entry("users.info", Set.of("users:read")),
            Map.entry("users.list", Set.of("users:read")),
            Map.entry("team.info", Set.of("team:read")),
            Map.entry("views.open", Set.of()),
            Map.entry("views.publish", Set.of()),
            Map.entry("views.update", Set.of()),
            Map.entry("views.push", Set.of()),
            Map.entry("files.getUploadURLExternal", Set.of("files:write")),
            Map.entry("files.completeUploadExternal", Set.of("files:write")));

    /** What a listener for each Bolt event class subscribes to, and the scopes that subscription needs. */
    private static final Map<String, Needs> NEEDS_BY_EVENT_CLASS = Map.ofEntries(
            Map.entry("MessageEvent", Needs.MESSAGES),
            Map.entry("MessageFileShareEvent", Needs.MESSAGES),
            Map.entry("MessageThreadBroadcastEvent", Needs.MESSAGES),
            Map.entry("MessageChangedEvent", Needs.MESSAGES),
            Map.entry("MessageDeletedEvent", Needs.MESSAGES),
            Map.entry("MessageBotEvent", Needs.MESSAGES),
            Map.entry("AppHomeOpenedEvent", new Needs(Set.of("app_home_opened"), Set.of())),
            Map.entry("MemberJoinedChannelEvent", new Needs(Set.of("member_joined_channel"), CHANNELS_READ)),
            Map.entry("MemberLeftChannelEvent", new Needs(Set.of("member_left_channel"), CHANNELS_READ)),
            Map.entry("UserChangeEvent", new Needs(Set.of("user_change"), Set.of("users:read"))),
            Map.entry("AppUninstalledEvent", new Needs(Set.of("app_uninstalled"), Set.of())),
            Map.entry("TokensRevokedEvent", new Needs(Set.of("tokens_revoked"), Set.of())),
            Map.entry("ChannelArchiveEvent", new Needs(Set.of("channel_archive"), Set.of("channels:read"))),
            Map.entry("GroupArchiveEvent", new Needs(Set.of("group_archive"), Set.of("groups:read"))),
            Map.entry("ChannelLeftEvent", new Needs(Set.of("channel_left"), Set.of("channels:read"))),
            Map.entry("GroupLeftEvent", new Needs(Set.of("group_left"), Set.of("groups:read"))),
            Map.entry("ReactionAddedEvent", new Needs(Set.of("reaction_added"), Set.of("reactions:read"))));

    /** Bolt's registrations that need neither a scope nor an event (interactivity has its own manifest setting). */
    private static final Set<String> INTERACTIONS =
            Set.of("blockAction", "blockSuggestion", "viewSubmission", "viewClosed");

    /** Calls on a Bolt {@code App} that register nothing. */
    private static final Set<String> NOT_REGISTRATIONS = Set.of("use", "run", "config", "start", "stop");

    private static final String MANIFEST_FILE = "manifest.yml";
    private static final String BOT_SOURCES = "bot/src/main/java";

    /**
     * {@code call("chat.postMessage", methods -> methods.chatPostMessage(} (or {@code exactlyOnce(…}, SlackApi's own
     * way of posting): the name, the variable, the method.
     */
    private static final Pattern API_CALL = Pattern.compile(
            "\\b(?:call|exactlyOnce)\\(\\s*\"([^\"]+)\"\\s*,\\s*(\\w+)\\s*->\\s*\\2\\s*\\.\\s*(\\w+)\\s*\\(");
    /** Any call of a method named call with arguments, to be sure that API_CALL missed none. */
    private static final Pattern ANY_API_CALL = Pattern.compile("\\.(?:call|exactlyOnce)\\((?!\\s*\\))");

    private static final Pattern APP_CALL = Pattern.compile("\\bapp\\s*\\.\\s*(\\w+)\\s*\\(");
    private static final Pattern EVENT_LISTENER = Pattern.compile("\\bapp\\s*\\.\\s*event\\(\\s*(\\w+)\\.class");
    private static final Pattern COMMAND_LISTENER =
            Pattern.compile("\\bapp\\s*\\.\\s*command\\(\\s*(?:\"([^\"]+)\"|(\\w+))\\s*,");

    private static JsonNode manifest;
    private static UsedByCode used;

    /** The events a listener subscribes to and the scopes they need. */
    record Needs(Set<String> events, Set<String> scopes) {
        static final Needs MESSAGES = new Needs(Set.of("message.channels", "message.groups"), HISTORY);
    }

    /** What the bot's sources call and listen to. */
    record UsedByCode(Set<String> methods, Set<String> commands, Set<String> scopes, Set<String> events) {}

    @BeforeAll
    static void readManifestAndCode() throws IOException {
        Path root = repositoryRoot();
        manifest = new YAMLMapper().readTree(root.resolve(MANIFEST_FILE).toFile());
        used = readCode(root.resolve(BOT_SOURCES));
    }

    @Test
    @DisplayName("declares the /ownership command, arriving escaped so that channels and users come as ids")
    void shouldDeclareTheEscapedCommand() {
        assertThat(commandNames()).contains(COMMAND);
        assertThat(ownershipCommand().path("should_escape").asBoolean(false))
                .as("should_escape of %s", COMMAND)
                .isTrue();
    }

    @Test
    @DisplayName("describes the /ownership command and hints at its usage")
    void shouldDescribeTheCommand() {
        assertThat(ownershipCommand().path("description").asText()).isNotBlank();
        assertThat(ownershipCommand().path("usage_hint").asText())
                .contains("help")
                .contains("learnings")
                .contains("risks");
    }

    @Test
    @DisplayName("declares exactly the slash commands the code listens to")
    void shouldDeclareTheCommandsTheCodeListensTo() {
        assertThat(commandNames()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(used.commands());
    }

    @Test
    @DisplayName("grants exactly the bot scopes the code uses")
    void shouldGrantTheBotScopes() {
        List<String> granted = texts("/oauth_config/scopes/bot");
        Set<String> unused = new TreeSet<>(granted);
        unused.removeAll(used.scopes());
        Set<String> missing = new TreeSet<>(used.scopes());
        missing.removeAll(granted);

        assertThat(granted).doesNotHaveDuplicates();
        assertThat(missing)
                .as("scopes the code needs (for %s) that the manifest does not grant", used.methods())
                .isEmpty();
        assertThat(unused).as("scopes the manifest grants that no code uses").isEmpty();
        assertThat(granted).containsExactlyInAnyOrderElementsOf(used.scopes());
    }

    @Test
    @DisplayName("subscribes to exactly the bot events the code listens to")
    void shouldSubscribeToTheBotEvents() {
        List<String> subscribed = texts("/settings/event_subscriptions/bot_events");
        Set<String> unhandled = new TreeSet<>(subscribed);
        unhandled.removeAll(used.events());
        Set<String> missing = new TreeSet<>(used.events());
        missing.removeAll(subscribed);

        assertThat(subscribed).doesNotHaveDuplicates();
        assertThat(missing)
                .as("events a listener handles that the manifest does not subscribe to")
                .isEmpty();
        assertThat(unhandled)
                .as("events the manifest subscribes to that no listener handles")
                .isEmpty();
        assertThat(subscribed).containsExactlyInAnyOrderElementsOf(used.events());
    }

    @Test
    @DisplayName("finds in the code the Web API calls and listeners it checks the manifest against")
    void shouldReadTheCode() {
        assertThat(used.methods()).contains("chat.postMessage", "conversations.join", "users.info");
        assertThat(used.events()).contains("message.channels", "app_home_opened");
        assertThat(used.commands()).containsExactly(COMMAND);
    }

    @Test
    @DisplayName("turns interactivity on, for buttons and modals")
    void shouldEnableInteractivity() {
        assertThat(manifest.at("/settings/interactivity/is_enabled").asBoolean(false))
                .isTrue();
    }

    @Test
    @DisplayName("runs in Socket Mode, with no request URL to expose")
    void shouldUseSocketMode() {
        assertThat(manifest.at("/settings/socket_mode_enabled").asBoolean(false))
                .isTrue();
        assertThat(manifest.at("/settings/event_subscriptions/request_url").isMissingNode())
                .as("event_subscriptions.request_url")
                .isTrue();
        assertThat(manifest.at("/settings/interactivity/request_url").isMissingNode())
                .as("interactivity.request_url")
                .isTrue();
        assertThat(ownershipCommand().path("url").isMissingNode())
                .as("url of %s", COMMAND)
                .isTrue();
    }

    @Test
    @DisplayName("shows the App Home tab")
    void shouldEnableTheHomeTab() {
        assertThat(manifest.at("/features/app_home/home_tab_enabled").asBoolean(false))
                .isTrue();
    }

    @Test
    @DisplayName("keeps the Messages tab read-only, since the bot does not read direct messages")
    void shouldKeepTheMessagesTabReadOnly() {
        assertThat(manifest.at("/features/app_home/messages_tab_read_only_enabled")
                        .asBoolean(false))
                .isTrue();
        assertThat(used.events()).doesNotContain("message.im");
        assertThat(texts("/settings/event_subscriptions/bot_events")).doesNotContain("message.im");
    }

    /**
     * Walks up from the working directory, which Maven sets to the module, to the repository root (the folder
     * holding {@code .mvn} and {@value #MANIFEST_FILE}), so that no file outside the repository is ever read.
     */
    private static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".mvn"))) {
                if (Files.isRegularFile(dir.resolve(MANIFEST_FILE))) {
                    return dir;
                }
                break;
            }
        }
        throw new IllegalStateException(
                "No " + MANIFEST_FILE + " at the repository root (the folder with .mvn) above " + start);
    }

    /** Reads the Web API calls and the Bolt listeners of the bot's main sources. */
    private static UsedByCode readCode(Path sources) throws IOException {
        Set<String> methods = new TreeSet<>();
        Set<String> commands = new TreeSet<>();
        Set<String> scopes = new TreeSet<>();
        Set<String> events = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(file -> file.toString().endsWith(".java"))
                    .sorted()
                    .toList();
        }
        assertThat(files).as("Java sources under %s", sources).isNotEmpty();
        for (Path file : files) {
            String code = withoutComments(Files.readString(file, StandardCharsets.UTF_8));
            String where = sources.relativize(file).toString();
            if (!file.endsWith(Path.of("dev", "ownership", "bot", "slack", "SlackApi.java"))) {
                for (String bypass : List.of("MethodsClient", ".methods(", ".client()")) {
                    assertThat(code.contains(bypass))
                            .as(
                                    "%s uses %s: Web API calls go through SlackApi.call, which this test reads",
                                    where, bypass)
                            .isFalse();
                }
            }
            int calls = 0;
            Matcher call = API_CALL.matcher(code);
            while (call.find()) {
                calls++;
                String method = dotted(call.group(3));
                assertThat(call.group(1))
                        .as("%s: the name SlackApi.call is given for %s", where, method)
                        .isEqualTo(method);
                assertThat(SCOPES_BY_METHOD)
                        .as(
                                "%s calls %s: add it to SCOPES_BY_METHOD with the scopes Slack's reference lists",
                                where, method)
                        .containsKey(method);
                methods.add(method);
                scopes.addAll(SCOPES_BY_METHOD.get(method));
            }
            assertThat(count(ANY_API_CALL, code))
                    .as(
                            "%s: every .call( is SlackApi.call(\"name\", methods -> methods.name(...)), as this test reads it",
                            where)
                    .isEqualTo(calls);

            Matcher registration = APP_CALL.matcher(code);
            while (registration.find()) {
                String verb = registration.group(1);
                assertThat(verb)
                        .as("%s registers app.%s(...): teach ManifestTest what it needs from the manifest", where, verb)
                        .isIn(union(Set.of("event", "message", "command"), INTERACTIONS, NOT_REGISTRATIONS));
                if (verb.equals("message")) {
                    events.addAll(Needs.MESSAGES.events());
                    scopes.addAll(Needs.MESSAGES.scopes());
                }
            }
            int listeners = 0;
            Matcher event = EVENT_LISTENER.matcher(code);
            while (event.find()) {
                listeners++;
                String type = event.group(1);
                assertThat(NEEDS_BY_EVENT_CLASS)
                        .as("%s listens to %s: add it to NEEDS_BY_EVENT_CLASS with its event and scopes", where, type)
                        .containsKey(type);
                events.addAll(NEEDS_BY_EVENT_CLASS.get(type).events());
                scopes.addAll(NEEDS_BY_EVENT_CLASS.get(type).scopes());
            }
            assertThat(count(Pattern.compile("\\bapp\\s*\\.\\s*event\\("), code))
                    .as("%s: every app.event( names its event class, as this test reads it", where)
                    .isEqualTo(listeners);
            int commandListeners = 0;
            Matcher command = COMMAND_LISTENER.matcher(code);
            while (command.find()) {
                commandListeners++;
                commands.add(command.group(1) != null ? command.group(1) : constant(code, command.group(2), where));
                scopes.add("commands");
            }
            assertThat(count(Pattern.compile("\\bapp\\s*\\.\\s*command\\("), code))
                    .as("%s: every app.command( names its command, as this test reads it", where)
                    .isEqualTo(commandListeners);
        }
        return new UsedByCode(methods, commands, scopes, events);
    }

    /** {@code chatPostMessage} as Slack names it, {@code chat.postMessage}. */
    private static String dotted(String javaMethod) {
        for (int i = 0; i < javaMethod.length(); i++) {
            if (Character.isUpperCase(javaMethod.charAt(i))) {
                return javaMethod.substring(0, i) + "." + Character.toLowerCase(javaMethod.charAt(i))
                        + javaMethod.substring(i + 1);
            }
        }
        throw new AssertionError("Not a Web API method of the SDK: " + javaMethod);
    }

    /** The value of a string constant declared in the same file. */
    private static String constant(String code, String name, String where) {
        Matcher declaration = Pattern.compile("\\bString\\s+" + Pattern.quote(name) + "\\s*=\\s*\"([^\"]+)\"")
                .matcher(code);
        assertThat(declaration.find())
                .as("%s: the string constant %s", where, name)
                .isTrue();
        return declaration.group(1);
    }

    /** The code without its comments, so that an example in a Javadoc is not taken for a call. */
    private static String withoutComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
    }

    private static int count(Pattern pattern, String code) {
        return (int) pattern.matcher(code).results().count();
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    private static JsonNode ownershipCommand() {
        for (JsonNode command : manifest.at("/features/slash_commands")) {
            if (COMMAND.equals(command.path("command").asText())) {
                return command;
            }
        }
        throw new AssertionError("manifest.yml declares no " + COMMAND + " command");
    }

    private static List<String> commandNames() {
        List<String> names = new ArrayList<>();
        manifest.at("/features/slash_commands")
                .forEach(command -> names.add(command.path("command").asText()));
        return names;
    }

    private static List<String> texts(String pointer) {
        JsonNode array = manifest.at(pointer);
        assertThat(array.isArray()).as("%s is a list", pointer).isTrue();
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
