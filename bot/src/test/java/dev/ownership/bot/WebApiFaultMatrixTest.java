package dev.ownership.bot;

import static dev.ownership.bot.BotHarness.ADMIN;
import static dev.ownership.bot.BotHarness.ALICE;
import static dev.ownership.bot.BotHarness.LEAD;
import static dev.ownership.bot.BotHarness.STANDUP;
import static dev.ownership.bot.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ownership.bot.config.Config;
import dev.ownership.bot.digest.DigestService;
import dev.ownership.bot.digest.DigestSlackMessenger;
import dev.ownership.bot.prompt.PromptSender;
import dev.ownership.bot.prompt.TeamMembership;
import dev.ownership.bot.slack.Modals;
import dev.ownership.bot.slack.SlackApi;
import dev.ownership.simulator.Fault;
import dev.ownership.simulator.RecordedCall;
import dev.ownership.simulator.SimChannel;
import dev.ownership.simulator.SimUser;
import dev.ownership.simulator.SlackSimulator;
import dev.ownership.storage.testing.Rows;
import dev.ownership.storage.workspace.MemberRepository;
import dev.ownership.storage.workspace.TeamMember;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * The fault matrix for the Web API methods {@code NudgeFaultMatrixTest} and {@code CommandFaultTest} leave out: each
 * method, on the flow that calls it, answering a 429 with {@code Retry-After}, a 5xx, an answer slower than the bot's
 * Slack timeout, and an {@code ok:false} error. Every row ends either in the effect exactly once after waiting and
 * not a single warning, or in the effect not happening with one clear warning line (and the failure recorded where
 * the bot records deliveries); never twice.
 *
 * <p>A timeout here is an answer that comes after the bot gave up: the call went through at Slack. Methods that are
 * safe to repeat ({@code views.publish}, {@code chat.update}, {@code conversations.*}, {@code chat.getPermalink},
 * {@code files.getUploadURLExternal}, {@code auth.test}) are asked again and end in success. {@code views.open} is
 * never repeated (its trigger is spent). What the person sees posted ({@code chat.postMessage} on every flow, the
 * chart's share {@code files.completeUploadExternal}) is exactly once: after a lost answer ({@code answerLost}), a
 * 5xx after Slack posted ({@code serverErrorAfterHandling}) or a 5xx before, the bot looks for its delivery in the
 * conversation (by the message's metadata, or the file's id) and posts again only when it is not there; the row
 * asserts one message as Slack has it and the delivery recorded as sent, with no warning.
 *
 * <p>Not here: {@code apps.connections.open} is Socket Mode's connection set-up, made by the SDK's client (not through
 * SlackApi), which retries a failed reconnect on its own every 10 seconds; {@code SocketModeEndToEndTest} covers the
 * reconnect. The bot never calls {@code chat.postEphemeral}, {@code chat.delete}, {@code team.info},
 * {@code users.list}, {@code views.push} or {@code views.update} (the simulator serves them for completeness);
 * {@code conversations.open}, {@code .history} and {@code .replies} are the delivery lookups, safe to repeat.
 *
 * <p>The rows are dynamic tests sharing one bot, grouped by flow and run in order, so that the matrix costs its
 * faults' waits (a second for each 429 and each timeout) and little more; each row waits for what it started, never
 * for a fixed time.
 */
@DisplayName("Web API fault matrix: every other method the bot calls")
class WebApiFaultMatrixTest {
    private static final Duration SLACK_TIMEOUT = Duration.ofSeconds(1);
    private static final Fault RATE_LIMITED = Fault.rateLimited(1);
    private static final Fault SERVER_ERROR = Fault.serverError(503);
    private static final Fault TIMEOUT = Fault.delay(SLACK_TIMEOUT.plusMillis(500));
    /** Slack posted it, and its answer came after the bot gave up. */
    private static final Fault LOST = Fault.answerLost(SLACK_TIMEOUT.plusMillis(500));
    /** Slack posted it, then its edge answered a 5xx. */
    private static final Fault POSTED_THEN_5XX = Fault.serverErrorAfterHandling(503);
    /** Loggers of the Slack edge, whose classes are package-private. */
    private static final String DESIGN = "C0DESIGN";

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** People in Berlin in #standup besides the standard ones, so that rows do not add up to streak milestones. */
    private static final List<String> EXTRA = List.of("U0EXTRA1", "U0EXTRA2", "U0EXTRA3", "U0EXTRA4");

    @RegisterExtension
    final BotHarness harness = new BotHarness()
            .with(Config.OWNERSHIP_NUDGE_GRACE, "PT1M")
            .with(Config.OWNERSHIP_NUDGE_DAILY_LIMIT, "50")
            .withSlackTimeout(SLACK_TIMEOUT);

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private int rowNumber;

    @BeforeEach
    void captureLogs() {
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        root().detachAppender(logs);
        logs.stop();
    }

    /**
     * One bot for every flow, in order: the digest jumps week by week and start-up restarts the bot, so they come
     * last. #standup is watched by the admin, with the lead as its lead and extra people in Berlin.
     */
    @TestFactory
    @DisplayName("flow by flow")
    Stream<DynamicNode> matrix() {
        for (String extra : EXTRA) {
            harness.sim().workspace().addUser(SimUser.person(extra, extra.toLowerCase(), "Europe/Berlin"));
            harness.sim().workspace().join(STANDUP, extra);
        }
        harness.watchStandup();
        assertThat(harness.command(ADMIN, STANDUP, "leads <@" + LEAD + "|lee>")).contains(LEAD);
        harness.probe().awaitBackgroundWork(WAIT);
        return Stream.of(nudgeButtons(), appHome(), prompts(), digest(), startUp());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The nudge's buttons: views.open, the next step posted in the standup thread, chat.update of the nudge DM.

    private DynamicContainer nudgeButtons() {
        return flow(
                "the nudge's buttons",
                row("views.open", RATE_LIMITED, "the modal opens once", this::stepModal),
                row("views.open", SERVER_ERROR, "the modal opens once", this::stepModal),
                row("views.open", TIMEOUT, "the modal opened at Slack once; not asked again", this::stepModal),
                row("views.open", Fault.error("expired_trigger_id"), "no modal; logged", this::stepModal),
                row(
                        "chat.postMessage",
                        LOST,
                        "found delivered: the step is in the thread once; the DM says so",
                        fault -> nextStep(EXTRA.get(0), fault)),
                row(
                        "chat.postMessage",
                        POSTED_THEN_5XX,
                        "found delivered: the step is in the thread once; the DM says so",
                        fault -> nextStep(EXTRA.get(2), fault)),
                row(
                        "chat.postMessage",
                        SERVER_ERROR,
                        "not delivered, posted again: the step is in the thread once",
                        fault -> nextStep(EXTRA.get(3), fault)),
                row(
                        "chat.postMessage",
                        Fault.error("is_archived"),
                        "no step in the thread; the DM says so",
                        fault -> nextStep(EXTRA.get(1), fault)),
                row("chat.update", RATE_LIMITED, "the DM is updated", this::notABlocker),
                row("chat.update", SERVER_ERROR, "the DM is updated", this::notABlocker),
                row("chat.update", TIMEOUT, "the DM is updated", this::notABlocker),
                row(
                        "chat.update",
                        Fault.error("message_not_found"),
                        "the DM stays as it was; logged",
                        this::notABlocker));
    }

    /** "Add a next step" on a nudge: one {@code views.open}. */
    private void stepModal(Fault fault) {
        RecordedCall nudge = nudge(ALICE);
        inject("views.open", fault);

        click(ALICE, nudge, "nudge_add_step");

        awaitCalls("views.open", calls(fault, false));
        harness.probe().awaitBackgroundWork(WAIT);
        long opened = harness.sim().calls("views.open").stream()
                .filter(RecordedCall::ok)
                .count();
        if (fault instanceof Fault.ApiError error) {
            assertThat(opened).isZero();
            assertWarnedOnce(SlackApi.class, "views.open", error.code());
        } else if (fault instanceof Fault.Delay) {
            assertThat(opened)
                    .as("the person sees the modal Slack opened, once")
                    .isEqualTo(1);
            assertWarnedOnce(Modals.class.getName(), "next-step modal", ALICE, "views.open", "may have gone through");
        } else {
            assertThat(opened).isEqualTo(1);
            assertQuiet();
        }
    }

    /** Clicks the button that opens a modal and returns the opened view's id once the bot is done with the click. */
    private String openModal(String user, RecordedCall message, String actionId) {
        click(user, message, actionId);
        String viewId = harness.sim()
                .awaitCall("views.open", RecordedCall::ok, WAIT)
                .response()
                .path("view")
                .path("id")
                .asText();
        harness.probe().awaitBackgroundWork(WAIT);
        return viewId;
    }

    /**
     * What a row that faulted a post logs: one warning from SlackApi when Slack answered with an error; nothing when
     * the post was found delivered or posted again (the person has it once, and the bot knows it).
     */
    private void assertPostOutcome(Fault fault) {
        if (fault instanceof Fault.ApiError error) {
            assertWarnedOnce(SlackApi.class, "chat.postMessage", error.code());
        } else {
            assertQuiet();
        }
    }

    /** Whether a post met with {@code fault} reaches the person: all but an {@code ok:false} do, exactly once. */
    private static boolean delivered(Fault fault) {
        return !(fault instanceof Fault.ApiError);
    }

    /** The next step typed into the modal: posted in the standup thread, and the nudge DM settled. */
    private void nextStep(String user, Fault fault) {
        RecordedCall nudge = nudge(user);
        String viewId = openModal(user, nudge, "nudge_add_step");
        String step = "I'll ask the infra lead for a slot at 2pm (" + rowNumber + ")";
        inject("chat.postMessage", fault);

        harness.slack().viewSubmission(user, viewId, Map.of("step", Map.of("step_input", step)));

        awaitCalls("chat.postMessage", postCalls(fault));
        RecordedCall settled = harness.sim().awaitCall("chat.update", WAIT);
        harness.probe().awaitBackgroundWork(WAIT);
        long inThread = stored(STANDUP, step);
        assertThat(inThread).as("the step as Slack has it").isEqualTo(delivered(fault) ? 1 : 0);
        assertPostOutcome(fault);
        // The step is recorded either way; the DM claims the thread only when the step is there.
        assertThat(settled.text()).contains(step);
        if (delivered(fault)) {
            assertThat(settled.text()).contains("Posted your next step in the thread");
        } else {
            assertThat(settled.text()).contains("I couldn't post it in the thread");
        }
        assertThat(harness.sim().calls("chat.update")).hasSize(1);
    }

    /** "Not a blocker" on a nudge: the DM is updated in place. */
    private void notABlocker(Fault fault) {
        RecordedCall nudge = nudge(ALICE);
        String dm = nudge.response().path("channel").asText();
        String ts = nudge.response().path("ts").asText();
        int messagesInDm = harness.sim().history(dm).size();
        inject("chat.update", fault);

        click(ALICE, nudge, "nudge_not_blocker");

        awaitCalls("chat.update", calls(fault, true));
        harness.probe().awaitBackgroundWork(WAIT);
        String shown = harness.sim().message(dm, ts).orElseThrow().text();
        assertThat(harness.sim().history(dm))
                .as("updated in place, never posted anew")
                .hasSize(messagesInDm);
        if (fault instanceof Fault.ApiError error) {
            assertThat(shown).isEqualTo(nudge.param("text"));
            assertWarnedOnce(SlackApi.class, "chat.update", error.code());
        } else {
            assertThat(shown).contains("Thanks for telling me. I'll leave this one alone.");
            assertQuiet();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The App Home: views.publish, and the streak milestone celebrated by DM on the way.

    private DynamicContainer appHome() {
        return flow(
                "the App Home",
                row("views.publish", RATE_LIMITED, "published", fault -> publish(ADMIN, fault)),
                row("views.publish", SERVER_ERROR, "published", fault -> publish(LEAD, fault)),
                row("views.publish", TIMEOUT, "published", fault -> publish(ALICE, fault)),
                row(
                        "views.publish",
                        Fault.error("not_enabled"),
                        "not published; logged",
                        fault -> publish(BotHarness.BOB, fault)),
                row(
                        "chat.postMessage",
                        LOST,
                        "found delivered: celebrated once, recorded as sent, never again",
                        fault -> celebrate(EXTRA.get(0), fault)),
                row(
                        "chat.postMessage",
                        POSTED_THEN_5XX,
                        "found delivered: celebrated once, recorded as sent",
                        fault -> celebrate(EXTRA.get(2), fault)),
                row(
                        "chat.postMessage",
                        Fault.error("user_disabled"),
                        "not celebrated; recorded as failed",
                        fault -> celebrate(EXTRA.get(1), fault)));
    }

    private void publish(String user, Fault fault) {
        inject("views.publish", fault);

        harness.slack().appHomeOpened(user);

        awaitCalls("views.publish", calls(fault, true));
        harness.probe().awaitBackgroundWork(WAIT);
        if (fault instanceof Fault.ApiError error) {
            assertThat(harness.sim().homeView(user)).isEmpty();
            assertWarnedOnce(SlackApi.class, "views.publish", error.code());
        } else {
            assertThat(harness.sim().homeView(user).orElseThrow().readableText())
                    .contains("Your ownership");
            assertQuiet();
        }
    }

    /** A learning streak reaching 3 weeks, celebrated by DM when the person opens their App Home. */
    private void celebrate(String user, Fault fault) {
        Rows facts = new Rows(harness.bot().database());
        Instant now = harness.clock().instant();
        facts.learning(STANDUP, user, now.minus(Duration.ofDays(14)))
                .learning(STANDUP, user, now.minus(Duration.ofDays(7)))
                .learning(STANDUP, user, now.minusSeconds(60));
        inject("chat.postMessage", fault);

        harness.slack().appHomeOpened(user);

        awaitCalls("chat.postMessage", postCalls(fault));
        harness.sim().awaitCall("views.publish", call -> user.equals(call.param("user_id")), WAIT);
        harness.probe().awaitBackgroundWork(WAIT);
        long celebrations = stored(harness.sim().workspace().dmChannelOf(user), ":tada:");
        assertThat(one("SELECT outcome FROM streak_milestones WHERE user_id = ?", user))
                .isEqualTo(delivered(fault) ? "sent" : "failed");
        assertThat(celebrations).as("the DM as Slack has it").isEqualTo(delivered(fault) ? 1 : 0);
        assertPostOutcome(fault);
        // Opening the App Home again does not try again.
        harness.slack().appHomeOpened(user);
        awaitCalls("views.publish", 2);
        harness.probe().awaitBackgroundWork(WAIT);
        assertThat(harness.sim().calls("chat.postMessage")).hasSize(postCalls(fault));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Prompts: conversations.members before a fan-out, the prompt DMs, the risk sent privately to the team's lead.

    private DynamicContainer prompts() {
        return flow(
                "prompts and sharing",
                row("conversations.members", RATE_LIMITED, "the newcomer is prompted too", this::membersBeforePrompt),
                row("conversations.members", SERVER_ERROR, "the newcomer is prompted too", this::membersBeforePrompt),
                row("conversations.members", TIMEOUT, "the newcomer is prompted too", this::membersBeforePrompt),
                row(
                        "conversations.members",
                        Fault.error("channel_not_found"),
                        "the members known are prompted; " + "logged",
                        this::membersBeforePrompt),
                row("chat.postMessage", LOST, "found delivered: everyone prompted once, all recorded", this::promptDms),
                row(
                        "chat.postMessage",
                        SERVER_ERROR,
                        "not delivered, posted again: everyone prompted once",
                        this::promptDms),
                row(
                        "chat.postMessage",
                        Fault.error("cannot_dm_bot"),
                        "one not prompted, recorded as failed",
                        this::promptDms),
                row(
                        "chat.postMessage",
                        LOST,
                        "found delivered: the learning is in the channel once, linked",
                        this::learningPost),
                row(
                        "chat.postMessage",
                        POSTED_THEN_5XX,
                        "found delivered: the learning is in the channel once, linked",
                        this::learningPost),
                row(
                        "chat.postMessage",
                        Fault.error("not_in_channel"),
                        "the learning is recorded, not posted; the answer says so",
                        this::learningPost),
                row("chat.postMessage", LOST, "found delivered: the lead has the risk once", this::riskToLead),
                row(
                        "chat.postMessage",
                        POSTED_THEN_5XX,
                        "found delivered: the lead has the risk once",
                        this::riskToLead),
                row(
                        "chat.postMessage",
                        Fault.error("user_not_found"),
                        "the risk is recorded, the lead not told",
                        this::riskToLead));
    }

    /** {@code /ownership prompt learning} reads the channel's members first, so that a newcomer is prompted too. */
    private void membersBeforePrompt(Fault fault) {
        String newcomer = "U0NEW00" + rowNumber;
        harness.sim().workspace().addUser(SimUser.person(newcomer, "new" + rowNumber, "Europe/Berlin"));
        harness.sim().workspace().join(STANDUP, newcomer);
        inject("conversations.members", fault);

        List<String> prompted = prompt("learning");

        awaitCalls("conversations.members", calls(fault, true));
        if (fault instanceof Fault.ApiError error) {
            assertThat(prompted).doesNotContain(newcomer);
            assertWarnedOnce(TeamMembership.class, STANDUP);
            assertThat(warnings()).anySatisfy(line -> assertThat(line).contains(error.code()));
        } else {
            assertThat(prompted).contains(newcomer);
            assertQuiet();
        }
        for (String member : prompted) {
            assertThat(promptsTo(member)).as("prompts to %s", member).isEqualTo(1);
        }
        assertThat(promptsTo(newcomer)).isEqualTo(prompted.contains(newcomer) ? 1 : 0);
    }

    /** The fan-out of {@code /ownership prompt learning}: the first DM meets the fault. */
    private void promptDms(Fault fault) {
        inject("chat.postMessage", fault);

        List<String> members = prompt("learning");

        Map<String, Long> prompts = new HashMap<>();
        members.forEach(member -> prompts.put(member, promptsTo(member)));
        String occurrence = "now-" + harness.clock().instant().toEpochMilli();
        String reason = one(
                "SELECT group_concat(reason) FROM prompt_deliveries WHERE occurrence = ? AND state = 'failed'",
                occurrence);
        if (delivered(fault)) {
            assertThat(prompts.values()).as("everyone has the prompt once").containsOnly(1L);
            assertThat(reason).as("none recorded as failed").isNull();
            assertQuiet();
        } else {
            String code = ((Fault.ApiError) fault).code();
            assertThat(prompts.values()).containsOnly(0L, 1L);
            assertThat(prompts.values().stream().filter(count -> count == 0)).hasSize(1);
            assertThat(reason).isEqualTo(code);
            assertWarnedOnce(PromptSender.class, code);
        }
    }

    /**
     * Runs {@code /ownership prompt kind} at a new minute (a new occurrence) and waits for its fan-out; returns the
     * team's members it went to.
     */
    private List<String> prompt(String kind) {
        harness.advance(Duration.ofMinutes(1));
        String answer = harness.command(ADMIN, STANDUP, "prompt " + kind);
        List<String> members = members();
        assertThat(answer).contains("to the " + members.size() + " people");
        awaitCalls("chat.postMessage", members.size());
        harness.probe().awaitBackgroundWork(WAIT);
        return members;
    }

    /** {@code /ownership learned TEXT}: the learning is recorded and posted in the team's channel with its author. */
    private void learningPost(Fault fault) {
        String learning = "Retries want jitter, or they come back together (" + rowNumber + ")";
        inject("chat.postMessage", fault);

        String answer = harness.command(ALICE, STANDUP, "learned " + learning);

        awaitCalls("chat.postMessage", postCalls(fault));
        harness.probe().awaitBackgroundWork(WAIT);
        assertThat(one("SELECT count(*) FROM learnings WHERE text = ?", learning))
                .isEqualTo("1");
        String linked = one("SELECT message_ts FROM learnings WHERE text = ?", learning);
        assertThat(stored(STANDUP, learning)).as("the post as Slack has it").isEqualTo(delivered(fault) ? 1 : 0);
        if (delivered(fault)) {
            assertThat(answer).contains("Shared in #standup");
            assertThat(linked).as("the learning links to its post").isNotNull();
            assertQuiet();
        } else {
            assertThat(answer).contains("couldn't post it in #standup");
            assertThat(linked).isNull();
            assertWarnedOnce("dev.ownership.bot.prompt.Sharing", "could not be posted");
        }
    }

    /** Answering the risk check-in: the risk goes privately to the team's lead, and the prompt DM says who heard. */
    private void riskToLead(Fault fault) {
        harness.sim().clearCalls();
        prompt("risk");
        String dm = harness.sim().workspace().dmChannelOf(ALICE);
        RecordedCall prompt = harness.sim()
                .awaitCall(
                        "chat.postMessage",
                        call -> call.ok()
                                && dm.equals(call.response().path("channel").asText()),
                        WAIT);
        String viewId = openModal(ALICE, prompt, "prompt_answer");
        String risk = "The vendor turns off API v1 on the 30th (" + rowNumber + ")";
        inject("chat.postMessage", fault);

        harness.slack().viewSubmission(ALICE, viewId, Map.of("answer", Map.of("answer_input", risk)));

        awaitCalls("chat.postMessage", 1);
        RecordedCall settled = harness.sim().awaitCall("chat.update", WAIT);
        harness.probe().awaitBackgroundWork(WAIT);
        long told = stored(harness.sim().workspace().dmChannelOf(LEAD), risk);
        assertThat(one("SELECT count(*) FROM risks WHERE text = ?", risk)).isEqualTo("1");
        assertThat(told).as("the DM as Slack has it").isEqualTo(delivered(fault) ? 1 : 0);
        assertPostOutcome(fault);
        if (delivered(fault)) {
            assertThat(settled.text()).contains(risk).contains("Sent privately");
        } else {
            assertThat(settled.text()).contains(risk).doesNotContain("Sent privately");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The weekly digest: the DM, its links (chat.getPermalink) and its chart (files.getUploadURLExternal, the upload,
    // files.completeUploadExternal). One row a week, each with a learning to link to and chart.

    private DynamicContainer digest() {
        List<DynamicTest> rows = new ArrayList<>();
        rows.add(row(
                "chat.postMessage",
                LOST,
                "found delivered: the lead has it once, with its chart; recorded as sent",
                fault -> digestWeek("chat.postMessage", fault)));
        rows.add(row(
                "chat.postMessage",
                SERVER_ERROR,
                "not delivered, posted again: the lead has it once; recorded as sent",
                fault -> digestWeek("chat.postMessage", fault)));
        rows.add(row(
                "chat.postMessage",
                Fault.error("cannot_dm_bot"),
                "not sent; recorded as failed",
                fault -> digestWeek("chat.postMessage", fault)));
        rows.add(row(
                "chat.getPermalink",
                TIMEOUT,
                "sent once, with the link",
                fault -> digestWeek("chat.getPermalink", fault)));
        rows.add(row(
                "chat.getPermalink",
                Fault.error("message_not_found"),
                "sent once, without the link",
                fault -> digestWeek("chat.getPermalink", fault)));
        for (String method : List.of("files.getUploadURLExternal", "files.completeUploadExternal")) {
            Fault late = method.equals("files.completeUploadExternal") ? LOST : TIMEOUT;
            for (Fault fault : List.of(RATE_LIMITED, SERVER_ERROR, late, Fault.error("invalid_channel"))) {
                rows.add(row(method, fault, chartOutcome(method, fault), each -> digestWeek(method, each)));
            }
        }
        return flow("the weekly digest", rows.toArray(DynamicTest[]::new));
    }

    private static String chartOutcome(String method, Fault fault) {
        if (fault instanceof Fault.ApiError) {
            return "sent once, without the chart; logged";
        }
        if (fault instanceof Fault.AnswerLost) {
            return "sent once, the chart found shared: once";
        }
        if (fault instanceof Fault.Delay) {
            return "sent once, with the chart: a new upload slot asked for";
        }
        return method.equals("files.completeUploadExternal")
                ? "sent once, the chart not shared and shared again: once"
                : "sent once, with the chart";
    }

    private void digestWeek(String method, Fault fault) {
        harness.command(ALICE, STANDUP, "learned Pass a Clock, never call now() (" + rowNumber + ")");
        harness.probe().awaitBackgroundWork(WAIT);
        Instant due = harness.clock()
                .instant()
                .atZone(BERLIN)
                .with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                .with(LocalTime.of(9, 0))
                .toInstant();
        inject(method, fault);

        harness.clock().set(due);
        harness.probe().awaitDueWorkPass(WAIT);

        awaitCalls(method, digestCalls(method, fault));
        // Slack records a call when it answers: a lost answer comes after the overflow posted in the thread.
        harness.sim()
                .awaitCall(
                        "chat.postMessage", call -> String.valueOf(call.text()).contains("Weekly digest"), WAIT);
        harness.probe().awaitDueWorkPass(WAIT);
        List<RecordedCall> digests = harness.sim().dmsTo(LEAD).stream()
                .filter(call -> call.text().contains("Weekly digest"))
                .toList();
        long charts = harness.sim().calls("files.completeUploadExternal").stream()
                .filter(RecordedCall::ok)
                .count();
        String week = due.atZone(BERLIN).toLocalDate().minusWeeks(1).toString();
        String state =
                one("SELECT state || ':' || coalesce(reason, '') FROM digest_deliveries WHERE week_start = ?", week);
        String code = fault instanceof Fault.ApiError error ? error.code() : null;
        if (method.equals("chat.postMessage")) {
            assertDigestNotPosted(code, digests, charts, state);
        } else {
            // The digest itself went out: what failed was its permalinks or its chart.
            assertThat(digests).hasSize(1);
            assertThat(state).isEqualTo("sent:");
            String blocks = String.valueOf(digests.get(0).jsonParam("blocks"));
            if (method.equals("chat.getPermalink")) {
                assertDigestWithoutLinks(method, code, blocks, charts);
            } else {
                assertDigestWithoutChart(method, fault, code, charts);
            }
        }
    }

    private void assertDigestNotPosted(String code, List<RecordedCall> digests, long charts, String state) {
        if (code != null) {
            assertThat(charts).as("no chart without the digest").isZero();
            assertThat(digests).isEmpty();
            assertThat(state).isEqualTo("failed:" + code);
            assertWarnedOnce(DigestService.class, LEAD, code);
        } else {
            assertThat(digests).as("the digest as Slack has it, once").hasSize(1);
            assertThat(state).isEqualTo("sent:");
            assertThat(charts).as("its chart").isEqualTo(1);
            assertQuiet();
        }
    }

    private void assertDigestWithoutLinks(String method, String code, String blocks, long charts) {
        assertThat(charts).isEqualTo(1);
        if (code != null) {
            assertThat(blocks).doesNotContain("archives/" + STANDUP);
            assertWarnedOnce(SlackApi.class, method, code);
        } else {
            assertThat(blocks).contains("archives/" + STANDUP + "/p");
            assertQuiet();
        }
    }

    private void assertDigestWithoutChart(String method, Fault fault, String code, long charts) {
        assertThat(charts).as("the chart, shared once").isEqualTo(code == null ? 1 : 0);
        if (code != null) {
            assertWarnedOnce(DigestSlackMessenger.class.getName(), "chart was not uploaded", code);
        } else {
            assertQuiet();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Start-up: auth.test, which checks the bot token before the bot serves anything; and conversations.join timing
    // out, the row CommandFaultTest leaves out.

    private DynamicContainer startUp() {
        return flow(
                "start-up and watching",
                row("conversations.join", TIMEOUT, "watched; joining again changes nothing", this::joinSlowly),
                row("auth.test", RATE_LIMITED, "starts; never asked again on a request's ack path", this::restart),
                row("auth.test", SERVER_ERROR, "starts; never asked again on a request's ack path", this::restart),
                row("auth.test", TIMEOUT, "starts; never asked again on a request's ack path", this::restart),
                row(
                        "auth.test",
                        Fault.error("invalid_auth"),
                        "exits 1 with one line naming the error",
                        this::refuseToStart));
    }

    private void restart(Fault fault) {
        inject("auth.test", fault);

        harness.restart();

        // The bot's check meets the fault and asks again; then Bolt checks the token once more as the app is built.
        awaitCalls("auth.test", calls(fault, true) + 1);
        // Checked at start-up, never again before a request: its ack would wait for auth.test, without retries.
        harness.sim().faults().failNext("auth.test", RATE_LIMITED);
        assertThat(harness.command(ADMIN, STANDUP, "help")).contains("/ownership");
        assertThat(harness.sim().calls("auth.test")).hasSize(3);
        harness.sim().faults().clear();
        assertQuiet();
    }

    private void refuseToStart(Fault fault) {
        inject("auth.test", fault);
        Map<String, String> env = new HashMap<>(harness.environment());
        env.put(Config.OWNERSHIP_DB, harness.directory().resolve("refused.db").toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(
                new String[] {"serve"},
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(Main.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .startsWith("ownership: could not start:")
                .contains("auth.test")
                .contains(((Fault.ApiError) fault).code())
                .doesNotContain("\n");
        assertWarnedOnce(SlackApi.class, "auth.test", ((Fault.ApiError) fault).code());
    }

    /** Watching another channel, the bot joins it. */
    private void joinSlowly(Fault fault) {
        harness.sim().workspace().addChannel(SimChannel.publicChannel(DESIGN, "design", ADMIN, LEAD));
        inject("conversations.join", fault);

        String answer = harness.command(ADMIN, DESIGN, "watch");

        awaitCalls("conversations.join", 2);
        assertThat(answer).contains("Now watching #design");
        assertThat(harness.sim().workspace().channel(DESIGN).orElseThrow().hasMember(SlackSimulator.BOT_USER_ID))
                .isTrue();
        harness.probe().awaitBackgroundWork(WAIT);
        assertQuiet();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A flow's rows, run in order on the one bot. */
    private static DynamicContainer flow(String name, DynamicTest... rows) {
        return DynamicContainer.dynamicContainer(name, Stream.of(rows));
    }

    private DynamicTest row(String method, Fault fault, String outcome, Consumer<Fault> body) {
        return DynamicTest.dynamicTest(method + " answering " + describe(fault) + ": " + outcome, () -> {
            rowNumber++;
            body.accept(fault);
        });
    }

    private static String describe(Fault fault) {
        if (fault instanceof Fault.RateLimited limited) {
            return "429 Retry-After " + limited.retryAfterSeconds();
        }
        if (fault instanceof Fault.ServerError error) {
            return "HTTP " + error.status();
        }
        if (fault instanceof Fault.ApiError error) {
            return "ok:false " + error.code();
        }
        return "after the timeout";
    }

    /** Starts a row: nothing recorded, nothing logged, and the next call of {@code method} meets {@code fault}. */
    private void inject(String method, Fault fault) {
        harness.sim().clearCalls();
        harness.sim().faults().clear();
        synchronized (logs) {
            logs.list.clear();
        }
        harness.sim().faults().failNext(method, fault);
    }

    /**
     * How many calls of the faulted method a row sees: the fault and the call that succeeds after it, except for an
     * {@code ok:false} (a decision, never asked again) and a timed-out call of a method not safe to repeat.
     */
    private static int calls(Fault fault, boolean safeToRepeat) {
        if (fault instanceof Fault.ApiError) {
            return 1;
        }
        return fault instanceof Fault.Delay && !safeToRepeat ? 1 : 2;
    }

    /**
     * How many posts a row sees: one when Slack said no or the post was found delivered after its answer was lost;
     * two when a 5xx came before posting (not found, so posted again).
     */
    private static int postCalls(Fault fault) {
        return fault instanceof Fault.ServerError ? 2 : 1;
    }

    /** How many calls of {@code method} a digest row sees. */
    private static int digestCalls(String method, Fault fault) {
        if (method.equals("chat.postMessage") || method.equals("files.completeUploadExternal")) {
            return postCalls(fault);
        }
        return calls(fault, true);
    }

    /** Waits until Slack has answered {@code count} calls of {@code method}, a slow answer included. */
    private void awaitCalls(String method, int count) {
        harness.sim().awaitCalls(method, count, WAIT);
    }

    /** Posts a blocker as {@code user} and waits for its nudge. */
    private RecordedCall nudge(String user) {
        harness.sim().clearCalls();
        harness.slack()
                .message(
                        STANDUP,
                        user,
                        "*Blockers:* waiting on the infra team for access to the logs (" + rowNumber + ")");
        harness.advance(Duration.ofMinutes(2));
        String dm = harness.sim().workspace().dmChannelOf(user);
        RecordedCall nudge = harness.sim()
                .awaitCall(
                        "chat.postMessage",
                        call -> call.ok()
                                && dm.equals(call.response().path("channel").asText()),
                        WAIT);
        harness.probe().awaitBackgroundWork(WAIT);
        return nudge;
    }

    private void click(String user, RecordedCall message, String actionId) {
        harness.slack().clickButton(user, message, actionId);
    }

    private List<String> members() {
        return new MemberRepository(harness.bot().database())
                .of(STANDUP).stream().map(TeamMember::userId).toList();
    }

    /** The prompts (DMs with an answer button) the user has had since the row started. */
    private long promptsTo(String user) {
        return harness.sim().dmsTo(user).stream()
                .filter(call -> String.valueOf(call.jsonParam("blocks")).contains("prompt_answer"))
                .count();
    }

    /** How many messages of {@code channelId}, as Slack has them, contain {@code words}. */
    private long stored(String channelId, String words) {
        return harness.sim().history(channelId).stream()
                .filter(message -> message.text() != null && message.text().contains(words))
                .count();
    }

    /** The single value a query answers, as text. */
    private String one(String sql, String... parameters) {
        return harness.bot().database().read(connection -> {
            try (var statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setString(i + 1, parameters[i]);
                }
                try (var rows = statement.executeQuery()) {
                    assertThat(rows.next()).as("a row for %s", sql).isTrue();
                    return rows.getString(1);
                }
            }
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Log lines: a row that succeeds logs no warning; a row that fails logs exactly one clear warning, from where the
    // failure is decided, plus at most SlackApi's own record of an ok:false answer.

    private void assertQuiet() {
        assertThat(warnings()).as("warnings").isEmpty();
    }

    private void assertWarnedOnce(Class<?> logger, String... mentions) {
        assertWarnedOnce(logger.getName(), mentions);
    }

    private void assertWarnedOnce(String logger, String... mentions) {
        List<ILoggingEvent> events = warningEvents();
        List<ILoggingEvent> clear = events.stream()
                .filter(event -> event.getLoggerName().equals(logger))
                .toList();
        assertThat(clear).as("warnings by %s among %s", logger, lines(events)).hasSize(1);
        assertThat(line(clear.get(0))).contains(mentions);
        List<ILoggingEvent> others =
                events.stream().filter(event -> !clear.contains(event)).toList();
        assertThat(others).as("other warnings").hasSizeLessThanOrEqualTo(1).allSatisfy(event -> assertThat(
                        event.getLoggerName() + " " + line(event))
                .startsWith(SlackApi.class.getName())
                .contains("answered ok:false"));
    }

    private List<String> warnings() {
        return lines(warningEvents());
    }

    private List<ILoggingEvent> warningEvents() {
        synchronized (logs) {
            return logs.list.stream()
                    .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                    .toList();
        }
    }

    private static List<String> lines(List<ILoggingEvent> events) {
        return events.stream()
                .map(event -> event.getLevel() + " " + event.getLoggerName() + " - " + line(event))
                .toList();
    }

    private static String line(ILoggingEvent event) {
        String line = event.getFormattedMessage();
        if (event.getThrowableProxy() != null) {
            line += " | " + event.getThrowableProxy().getClassName() + ": "
                    + event.getThrowableProxy().getMessage();
        }
        return line;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
