package dev.ownership.bot.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ownership.bot.WorkProbe;
import dev.ownership.bot.detection.BlockerDetector;
import dev.ownership.bot.detection.Classification;
import dev.ownership.simulator.BlockKitText;
import dev.ownership.simulator.BotReport;
import dev.ownership.simulator.CommandReply;
import dev.ownership.simulator.EventDelivery;
import dev.ownership.simulator.ManualClock;
import dev.ownership.simulator.RecordedCall;
import dev.ownership.simulator.SimChannel;
import dev.ownership.simulator.SimUser;
import dev.ownership.simulator.SlackRequests;
import dev.ownership.simulator.SlackSimulator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the whole bot against the built-in Slack simulator on loopback, replays a scripted standup week and prints
 * a readable transcript. Needs no token; everything stays on this machine.
 */
public final class Demo {
    static final String ADA = "U0ADA0001";
    static final String LEE = "U0LEE0001";
    static final String ALICE = "U0ALICE01";
    static final String BOB = "U0BOB0001";
    static final String CHEN = "U0CHEN001";
    static final String STANDUP = "C0STANDUP1";
    static final String GEEKBOT = "U0GEEKBOT";
    private static final ZoneId TEAM_ZONE = ZoneId.of("Europe/Berlin");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T07:55:00Z"));
    private final Map<String, String> names = new HashMap<>();
    private final BlockerDetector detector = BlockerDetector.withDefaultLexicon();
    private final Transcript transcript;
    private LocalBot local;
    private SlackSimulator sim;
    private WorkProbe bot;
    private SlackRequests slack;

    private Demo(PrintStream out) {
        this.transcript = new Transcript(out, clock, TEAM_ZONE);
    }

    /** Runs the demo, printing the transcript to {@code out}; returns the exit code. */
    public static int run(PrintStream out) {
        Path directory = null;
        Demo demo = new Demo(out);
        try {
            directory = Files.createTempDirectory("ownership-demo");
            demo.start(directory);
            demo.script();
            out.println();
            out.println("Demo finished: everything above ran through the real bot and a local Slack simulator.");
            return 0;
        } catch (IOException | RuntimeException e) {
            out.println("The demo failed: " + e);
            return 1;
        } finally {
            demo.stop();
            deleteQuietly(directory);
        }
    }

    private void start(Path directory) {
        local = LocalBot.on(clock)
                .tick(Duration.ofMillis(20))
                .retryBackoff(Duration.ofMillis(50))
                .workspace(simulator -> {
                    sim = simulator;
                    person(SimUser.person(ADA, "ada", "Europe/Berlin").asAdmin());
                    person(SimUser.person(LEE, "lee", "Europe/Berlin"));
                    person(SimUser.person(ALICE, "alice", "Europe/Berlin"));
                    person(SimUser.person(BOB, "bob", "America/New_York"));
                    person(SimUser.person(CHEN, "chen", "Asia/Tokyo"));
                    person(SimUser.person(GEEKBOT, "geekbot", "UTC")
                            .withRealName("Geekbot")
                            .asBot());
                    simulator
                            .workspace()
                            .addChannel(SimChannel.publicChannel(STANDUP, "standup", ADA, LEE, ALICE, BOB, CHEN));
                })
                .start(directory);
        bot = local.probe();
        slack = local.slack();
    }

    private void person(SimUser user) {
        sim.workspace().addUser(user);
        names.put(user.id(), user.name());
    }

    private void script() {
        transcript.heading("Monday: an admin sets up the team");
        transcript.note("Team: #standup (Berlin). alice is in Berlin, bob in New York, chen in Tokyo; lee leads.");
        command(ADA, "watch");
        RecordedCall introduction =
                sim.awaitCall("chat.postMessage", call -> STANDUP.equals(call.param("channel")), WAIT);
        transcript.bot("introduces itself in #standup, once:", seen(introduction));
        command(ADA, "leads <@" + LEE + "|lee>");
        command(ALICE, "help");

        transcript.heading("Monday: standups arrive");
        at("2026-11-23T08:05:00Z");
        post(ALICE, "*Yesterday:* shipped the CSV export\n*Today:* pagination for the audit log\n*Blockers:* none");
        at("2026-11-23T08:20:00Z");
        post(
                CHEN,
                "Today: finishing the rate limiter. Blocked on review of #412 - <@" + LEE
                        + "> could you take a look before 3pm?");
        EventDelivery bobPost = post(
                BOB,
                "*Yesterday:* auth spike\n*Today:* token refresh\n*Blockers:* waiting on "
                        + "the platform team for the new OAuth scopes");

        transcript.heading("The grace period passes; bob is asleep in New York");
        advanceTo("2026-11-23T08:35:00Z");
        transcript.note("10 minutes have passed. bob's blocker has no next step, but it is 03:35 in New York:");
        transcript.note("the nudge waits for 09:00 in bob's own timezone.");
        advanceTo("2026-11-23T14:00:00Z");
        RecordedCall nudge = awaitDm(BOB);
        transcript.bot("sends bob a private DM (nobody else sees it):", seen(nudge));

        transcript.heading("bob adds a next step from the nudge");
        advanceTo("2026-11-23T14:07:00Z");
        slack.clickButton(BOB, nudge, "nudge_add_step");
        RecordedCall modal = sim.awaitCall("views.open", WAIT);
        transcript.bot("opens a modal for bob:", withNames(modal.text()));
        String step = "I'll ask <@" + LEE + "> to raise it in the platform sync at 11:00 NY time, and prototype "
                + "with the old scopes meanwhile.";
        transcript.person("bob", "types and submits:", withNames(step));
        slack.viewSubmission(
                BOB, modal.response().path("view").path("id").asText(), Map.of("step", Map.of("step_input", step)));
        RecordedCall inThread = sim.awaitCall(
                "chat.postMessage",
                call -> STANDUP.equals(call.param("channel")) && bobPost.ts().equals(call.param("thread_ts")),
                WAIT);
        transcript.bot("posts in the thread of bob's standup:", seen(inThread));
        RecordedCall updated = sim.awaitCall("chat.update", WAIT);
        transcript.bot("updates bob's DM:", seen(updated));

        transcript.heading("Tuesday: other senses of \"blocker\" are left alone");
        advanceTo("2026-11-24T08:10:00Z");
        post(
                ALICE,
                "Fixed the P0 blocker bug in checkout :tada: Today: blocking out the afternoon for the "
                        + "design review");
        post(
                CHEN,
                "Yesterday I was stuck on flaky tests but <@" + LEE + "> unblocked me. Today: rate limiter "
                        + "docs. Blockers: nothing blocking");
        advanceTo("2026-11-24T09:00:00Z");
        transcript.note("No nudges: none of these report a blocker of the author's own.");
        transcript.note("Direct messages sent so far: "
                + sim.calls("chat.postMessage").stream()
                        .filter(call -> call.param("channel") != null
                                && call.param("channel").startsWith("U"))
                        .count());

        standupBotReports();

        String aliceStandupTs = asynchronousStandup();

        blockerHelp(aliceStandupTs);

        // ---- Prompts: a learning shared from the Friday prompt, a risk flagged early ----
        learningPromptAndRisk();

        // Streaks, at the end of the week: what each person sees with /ownership me.
        transcript.heading("Friday evening: everyone's streaks, privately");
        advanceTo("2026-11-27T16:00:00Z");
        for (String person : List.of(ALICE, BOB, CHEN)) {
            command(person, "me");
        }

        weeklyDigest();
        riskCheckin();
    }

    /** Monday 09:00 in New York, three days after bob flagged his risk: the register's check-in, and lee's view. */
    private void riskCheckin() {
        transcript.heading("Monday 09:00 in New York: is bob's risk still open?");
        advanceTo("2026-11-30T14:00:00Z");
        RecordedCall checkin = sim.awaitCall(
                "chat.postMessage",
                call -> BOB.equals(call.param("channel")) && call.text().contains("Is this risk still open?"),
                WAIT);
        transcript.bot("checks in with bob privately, at the start of his working day:", seen(checkin));
        int modals = sim.calls("views.open").size();
        slack.clickButton(BOB, checkin, "risk_checkin_still_open");
        RecordedCall modal = sim.awaitCalls("views.open", modals + 1, WAIT).get(modals);
        String note = "Asked the platform team for a dated commitment; a feature flag keeps the old scopes as plan B.";
        transcript.person("bob", "clicks Still open, writes a mitigation note and saves:", note);
        slack.viewSubmission(
                BOB,
                modal.response().path("view").path("id").asText(),
                Map.of("risk_note", Map.of("risk_note_input", note)));
        String checkinTs = checkin.response().path("ts").asText();
        transcript.bot(
                "updates bob's DM:",
                seen(sim.awaitCall("chat.update", call -> checkinTs.equals(call.param("ts")), WAIT)));
        bot.awaitBackgroundWork(WAIT);
        command(LEE, "risks");
    }

    /**
     * Wednesday's standup, run by the bot: a DM with the questions at 09:30 in each member's own time, the answers
     * typed in a modal and posted in #standup in alice's name, judged like any standup post, and lee's reminder.
     */
    private void standupBotReports() {
        transcript.heading("Tuesday: the reports of the standup bot the team already uses");
        transcript.note("The team also answers Geekbot, which posts each person's report in #standup as a bot.");
        command(ADA, "settings reports from <@" + GEEKBOT + "|geekbot>");
        at("2026-11-24T09:30:00Z");
        BotReport report = BotReport.mentioning(
                ALICE,
                List.of(
                        BotReport.answer("What did you do yesterday?", "Pagination for the audit log"),
                        BotReport.answer("What will you do today?", "Audit log filters"),
                        BotReport.answer("Anything blocking your progress?", "Waiting on design for the filter UI")));
        StringBuilder shown = new StringBuilder(report.text());
        report.attachments().forEach(answer -> shown.append("\n")
                .append(answer.path("title").asText())
                .append(" ")
                .append(answer.path("text").asText()));
        transcript.person("geekbot", "posts in #standup:", withNames(shown.toString()));
        if (slack.botReport(STANDUP, GEEKBOT, report).status() != 200) {
            throw new IllegalStateException("The bot refused a standup bot's report");
        }
        bot.awaitBackgroundWork(WAIT);
        transcript.note("Read as alice's own standup (its questions are its sections); its text is not kept.");
        advanceTo("2026-11-24T09:41:00Z");
        RecordedCall nudge = awaitDm(ALICE);
        transcript.bot("after the grace period, nudges alice privately, linking Geekbot's report:", seen(nudge));
    }

    private String asynchronousStandup() {
        transcript.heading("Wednesday 09:30 in Berlin: the bot runs the standup");
        command(ADA, "schedule standup wed 09:30");
        advanceTo("2026-11-25T08:30:00Z");
        transcript.note("The DM reaches each member at 09:30 in their own timezone. What the scheduler runs now for");
        transcript.note("the Berlin members:");
        RecordedCall dm = scheduledDmToAlice("standup", "Time for the standup");
        transcript.bot("DMs alice the team's questions:", seen(dm));
        RecordedCall modal = aliceOpens(dm, "standup_answer");
        transcript.bot("opens a modal with one input per question:", withNames(modal.text()));
        List<String> answers = List.of(
                "Pagination for the audit log, merged",
                "Export the audit log as CSV",
                "Waiting on the security team to approve the new export bucket");
        transcript.person("alice", "types and submits:", String.join("\n", answers));
        Map<String, Map<String, String>> values = new HashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            values.put("q" + i, Map.of("answer", answers.get(i)));
        }
        slack.viewSubmission(ALICE, modal.response().path("view").path("id").asText(), values);
        RecordedCall posted = sim.awaitCall(
                "chat.postMessage",
                call -> STANDUP.equals(call.param("channel")) && call.text().contains("'s standup"),
                WAIT);
        bot.awaitBackgroundWork(WAIT);
        transcript.bot("posts alice's answers in #standup, in her name:", seen(posted));
        String body = posted.text().substring(posted.text().indexOf('\n') + 1);
        Classification verdict = detector.classify(body);
        transcript.detector(verdict.label().wireName()
                + (verdict.category() == null ? "" : " (" + verdict.category().displayName() + ")")
                + ": judged like a post alice wrote herself; her answers are posted, never stored");
        advanceTo("2026-11-25T08:41:00Z");
        RecordedCall nudge = sim.awaitCall(
                "chat.postMessage",
                call -> ALICE.equals(call.param("channel")) && call.text().contains("next step"),
                WAIT);
        transcript.bot("after the grace period, nudges alice privately, as for any standup post:", seen(nudge));

        transcript.heading("Wednesday 11:30 in Berlin: one reminder to whoever hasn't answered");
        advanceTo("2026-11-25T10:31:00Z");
        RecordedCall reminder = sim.awaitCall(
                "chat.postMessage",
                call -> LEE.equals(call.param("channel")) && call.text().contains("still open"),
                WAIT);
        transcript.bot("reminds lee, once:", seen(reminder));
        slack.clickButton(LEE, reminder, "standup_skip");
        transcript.person("lee", "clicks:", "Skip today");
        String reminderTs = reminder.response().path("ts").asText();
        transcript.bot(
                "settles lee's reminder (it counts as skipped, not missing):",
                seen(sim.awaitCall("chat.update", call -> reminderTs.equals(call.param("ts")), WAIT)));
        bot.awaitBackgroundWork(WAIT);
        return posted.response().path("ts").asText();
    }

    /**
     * Friday: alice's Wednesday blocker still has no next step on its third workday, so she is asked, privately and
     * once, whether to raise it with her lead; she does, lee helps in the thread, and alice's thanks credits lee.
     */
    private void blockerHelp(String aliceStandupTs) {
        transcript.heading("Friday 09:00 in Berlin: a blocker that has run for three workdays");
        advanceTo("2026-11-27T08:00:00Z");
        RecordedCall question = sim.awaitCall(
                "chat.postMessage",
                call -> ALICE.equals(call.param("channel")) && call.text().contains("want a hand"),
                WAIT);
        transcript.bot("asks alice, privately and only once:", seen(question));
        int modals = sim.calls("views.open").size();
        slack.clickButton(ALICE, question, "blocker_ask_lead");
        RecordedCall modal = sim.awaitCalls("views.open", modals + 1, WAIT).get(modals);
        String note = "Could you ask the security team lead? My ticket has had no answer since Tuesday.";
        transcript.person("alice", "clicks Ask my lead for help, adds a note and sends:", note);
        slack.viewSubmission(
                ALICE, modal.response().path("view").path("id").asText(), Map.of("note", Map.of("note_input", note)));
        RecordedCall toLead = sim.awaitCall(
                "chat.postMessage",
                call -> LEE.equals(call.param("channel")) && call.text().contains("would like your help"),
                WAIT);
        transcript.bot("DMs lee a link to the post and alice's note (never the post's text):", seen(toLead));

        transcript.heading("Friday: lee helps in the thread, alice says thanks");
        advanceTo("2026-11-27T09:30:00Z");
        slack.threadReply(STANDUP, aliceStandupTs, LEE, "Pinged their lead, you should have the approval by noon.");
        transcript.person(
                "lee",
                "replies in the thread of alice's standup:",
                "Pinged their lead, you should have " + "the approval by noon.");
        advanceTo("2026-11-27T11:00:00Z");
        slack.threadReply(STANDUP, aliceStandupTs, ALICE, "Approved, thanks <@" + LEE + ">, unblocked!");
        transcript.person("alice", "replies in the thread:", withNames("Approved, thanks <@" + LEE + ">, unblocked!"));
        advanceTo("2026-11-27T11:01:00Z");
        RecordedCall thanks = sim.awaitCall(
                "chat.postMessage",
                call -> LEE.equals(call.param("channel")) && call.text().contains("Thank you for helping"),
                WAIT);
        transcript.bot("credits lee as an unblocker and thanks lee privately (at most once a day):", seen(thanks));
        transcript.note("Only who replied and when is kept, never what they wrote. lee's `/ownership me` and App");
        transcript.note("Home now count the unblock, and the digest names the week's unblockers.");
    }

    /** Friday's learning prompt, answered through its modal, and a risk sent privately to the lead. */
    private void learningPromptAndRisk() {
        transcript.heading("Friday 15:00 in Berlin: the learning prompt");
        advanceTo("2026-11-27T14:00:00Z");
        bot.awaitBackgroundWork(WAIT);
        transcript.note("Prompts reach each member at 15:00 in their own timezone: Berlin now, New York and Tokyo at");
        transcript.note("their own 15:00. What the scheduler runs at this moment for the Berlin members:");
        RecordedCall prompt = scheduledDmToAlice("learning", "Share a learning");
        transcript.bot("asks alice privately:", seen(prompt));
        RecordedCall modal = aliceOpens(prompt, "prompt_answer");
        String learning = "Our flaky checkout test was a timezone bug: the fixture called now(). Passing a Clock "
                + "made it deterministic.";
        transcript.person("alice", "clicks Share a learning, types and submits:", learning);
        slack.viewSubmission(
                ALICE,
                modal.response().path("view").path("id").asText(),
                Map.of("answer", Map.of("answer_input", learning)));
        RecordedCall shared = sim.awaitCall(
                "chat.postMessage",
                call -> STANDUP.equals(call.param("channel")) && call.text().contains("Learned this week"),
                WAIT);
        transcript.bot("posts in #standup, for the whole team:", seen(shared));
        String promptTs = prompt.response().path("ts").asText();
        transcript.bot(
                "updates alice's DM:",
                seen(sim.awaitCall("chat.update", call -> promptTs.equals(call.param("ts")), WAIT)));

        transcript.heading("Friday: bob flags a risk before it becomes a blocker");
        command(LEE, "schedule risk-followup 3");
        command(
                BOB,
                "risk The platform team's OAuth scope change lands Dec 10, two days before our release: if it "
                        + "slips, token refresh ships broken.");
        RecordedCall toLead = sim.awaitCall(
                "chat.postMessage",
                call -> LEE.equals(call.param("channel")) && call.text().contains("OAuth scope"),
                WAIT);
        transcript.bot("tells lee, and only lee:", seen(toLead));

        transcript.heading("Friday: chen looks something up in the team's learnings library");
        command(CHEN, "learnings flaky tests");
    }

    /** Runs what the scheduler runs now for the Berlin members' {@code kind}, and returns alice's DM. */
    private RecordedCall scheduledDmToAlice(String kind, String saying) {
        bot.prompts().sendDue(STANDUP, kind, TEAM_ZONE, clock.instant());
        return sim.awaitCall(
                "chat.postMessage",
                call -> ALICE.equals(call.param("channel")) && call.text().contains(saying),
                WAIT);
    }

    /** Alice clicks {@code actionId} on {@code dm}; returns the modal it opens. */
    private RecordedCall aliceOpens(RecordedCall dm, String actionId) {
        int modals = sim.calls("views.open").size();
        slack.clickButton(ALICE, dm, actionId);
        return sim.awaitCalls("views.open", modals + 1, WAIT).get(modals);
    }

    /** What a person sees of a message the bot sent: its blocks when it has them, else its text. */
    private String seen(RecordedCall call) {
        JsonNode blocks = call.jsonParam("blocks");
        String text =
                blocks != null && blocks.isArray() && !blocks.isEmpty() ? BlockKitText.render(blocks) : call.text();
        return withNames(text);
    }

    /** Shows mentions as people read them in Slack: {@code @bob} rather than a user id. */
    private String withNames(String text) {
        String shown = text;
        for (Map.Entry<String, String> name : names.entrySet()) {
            shown = shown.replaceAll("<@" + name.getKey() + "(\\|[^>]*)?>", "@" + name.getValue())
                    .replace("@" + name.getKey(), "@" + name.getValue());
        }
        return shown;
    }

    /** Monday 09:00 in Berlin: the digest lee receives for the week, rendered from its blocks. */
    private void weeklyDigest() {
        transcript.heading("Monday 09:00 in Berlin: the weekly digest for the lead");
        advanceTo("2026-11-30T08:00:00Z");
        RecordedCall digest = sim.awaitCall(
                "chat.postMessage",
                call -> LEE.equals(call.param("channel")) && call.text().contains("Weekly digest"),
                WAIT);
        transcript.bot("sends lee the weekly digest by DM:", seen(digest));
        sim.awaitCall("files.completeUploadExternal", WAIT);
        transcript.note("…and uploads a small chart (blockers with a next step, week by week) into its thread.");
    }

    private void command(String user, String text) {
        transcript.person(names.get(user), "types:", withNames("/ownership " + text));
        int before = sim.calls("response_url").size();
        CommandReply reply = slack.slashCommand(user, STANDUP, text);
        if (reply.status() != 200) {
            throw new IllegalStateException("The bot answered " + reply.status() + " to /ownership " + text);
        }
        List<RecordedCall> answers = sim.awaitCalls("response_url", before + 1, WAIT);
        transcript.bot("answers " + names.get(user) + " privately:", seen(answers.get(before)));
    }

    private EventDelivery post(String user, String text) {
        transcript.person(names.get(user), "posts in #standup:", withNames(text));
        EventDelivery delivery = slack.message(STANDUP, user, text);
        if (delivery.status() != 200) {
            throw new IllegalStateException("The bot answered " + delivery.status() + " to a message event");
        }
        Classification verdict = detector.classify(text);
        transcript.detector(verdict.label().wireName()
                + (verdict.category() == null ? "" : " (" + verdict.category().displayName() + ")")
                + (verdict.reasons().isEmpty() ? "" : ": " + String.join("; ", verdict.reasons())));
        return delivery;
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    private void advanceTo(String instant) {
        clock.set(Instant.parse(instant));
        bot.awaitDueWorkPass(WAIT);
    }

    private RecordedCall awaitDm(String user) {
        return sim.awaitCall("chat.postMessage", call -> user.equals(call.param("channel")), WAIT);
    }

    private void stop() {
        if (local != null) {
            local.close();
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temp directory left behind is harmless.
        }
    }
}
