package dev.ownership.bot.blocker;

import static dev.ownership.bot.BotHarness.ADMIN;
import static dev.ownership.bot.BotHarness.ALICE;
import static dev.ownership.bot.BotHarness.BOB;
import static dev.ownership.bot.BotHarness.CHEN;
import static dev.ownership.bot.BotHarness.LEAD;
import static dev.ownership.bot.BotHarness.STANDUP;
import static dev.ownership.bot.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ownership.bot.BotHarness;
import dev.ownership.simulator.ActionSource;
import dev.ownership.simulator.EventDelivery;
import dev.ownership.simulator.RecordedCall;
import dev.ownership.simulator.SimMessage;
import dev.ownership.storage.testing.Rows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("long-running blockers and unblockers, end to end through the simulator")
class BlockerEndToEndTest {
    private static final String NO_STEP = "*Today:* billing retries\n*Blockers:* waiting on a review of my PR #412";
    private static final String WITH_STEP = "Blockers: waiting on review of #412 - @lee could you review it today?";
    /** Thursday 2026-11-26, 10:00 in Berlin. */
    private static final Instant THURSDAY = Instant.parse("2026-11-26T09:00:00Z");

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    @BeforeEach
    void watch() {
        harness.watchStandup();
        assertThat(harness.command(ADMIN, STANDUP, "leads <@" + LEAD + ">")).contains("<@" + LEAD + ">");
        harness.sim().clearCalls();
    }

    private EventDelivery post(String user, String text) {
        EventDelivery delivery = harness.slack().message(STANDUP, user, text);
        assertThat(delivery.status()).isEqualTo(200);
        return delivery;
    }

    private List<RecordedCall> questionsTo(String user) {
        return harness.sim().calls("chat.postMessage").stream()
                .filter(call -> user.equals(call.param("channel")))
                .filter(call -> String.valueOf(call.jsonParam("blocks")).contains(BlockerSlackBlocks.ASK_LEAD))
                .toList();
    }

    private RecordedCall awaitQuestionTo(String user) {
        return harness.sim()
                .awaitCall(
                        "chat.postMessage",
                        call -> user.equals(call.param("channel"))
                                && String.valueOf(call.jsonParam("blocks")).contains(BlockerSlackBlocks.ASK_LEAD),
                        WAIT);
    }

    private List<RecordedCall> dmsContaining(String user, String words) {
        return harness.sim().calls("chat.postMessage").stream()
                .filter(call -> user.equals(call.param("channel")))
                .filter(call -> String.valueOf(call.text()).contains(words)
                        || String.valueOf(call.jsonParam("blocks")).contains(words))
                .toList();
    }

    /** Posts {@link #NO_STEP} on Monday and moves to Wednesday 10:00 in Berlin, its third workday. */
    private RecordedCall blockerWithoutStepForThreeWorkdays() {
        post(ALICE, NO_STEP);
        harness.advance(Duration.ofHours(1));
        harness.clock().set(Instant.parse("2026-11-24T09:00:00Z"));
        harness.probe().awaitDueWorkPass(WAIT);
        assertThat(questionsTo(ALICE)).as("on the second workday").isEmpty();
        harness.clock().set(Instant.parse("2026-11-25T09:00:00Z"));
        harness.probe().awaitDueWorkPass(WAIT);
        return awaitQuestionTo(ALICE);
    }

    @Nested
    @DisplayName("the author is asked first, privately and once")
    class Question {
        @Test
        @DisplayName("a blocker still without a next step on its third workday gets one kind question, with a link")
        void shouldAskOnceAboutABlockerWithoutANextStep() {
            RecordedCall question = blockerWithoutStepForThreeWorkdays();

            String blocks = question.jsonParam("blocks").toString();
            assertThat(blocks)
                    .contains("has been blocking you for 2 days")
                    .contains("raise it with your lead")
                    .contains("Ask my lead for help")
                    .contains("I've got it")
                    .contains("Only you got this message")
                    .doesNotContain("PR #412")
                    .doesNotContain("billing");
            harness.advance(Duration.ofDays(1));
            harness.restart();
            harness.advance(Duration.ofHours(2));
            assertThat(questionsTo(ALICE)).hasSize(1);
            assertThat(harness.sim().calls("chat.postMessage").stream()
                            .filter(call -> STANDUP.equals(call.param("channel"))))
                    .as("nothing public")
                    .isEmpty();
        }

        @Test
        @DisplayName("the same kind of blocker on three consecutive workdays over a weekend is long-running")
        void shouldFindConsecutiveWorkdaysOverAWeekend() {
            harness.clock().set(THURSDAY);
            post(ALICE, WITH_STEP);
            harness.clock().set(THURSDAY.plus(Duration.ofDays(1)));
            post(ALICE, WITH_STEP);
            harness.advance(Duration.ofHours(1));
            harness.clock().set(THURSDAY.plus(Duration.ofDays(3))); // Sunday
            harness.probe().awaitDueWorkPass(WAIT);
            assertThat(questionsTo(ALICE)).isEmpty();

            harness.clock().set(THURSDAY.plus(Duration.ofDays(4))); // Monday 10:00 in Berlin
            post(ALICE, WITH_STEP);
            harness.probe().awaitDueWorkPass(WAIT);

            RecordedCall question = awaitQuestionTo(ALICE);
            assertThat(question.jsonParam("blocks").toString())
                    .contains("on 3 workdays in a row")
                    .contains("for 4 days");
        }

        @Test
        @DisplayName("paused people are not asked")
        void shouldNotAskPausedPeople() {
            assertThat(harness.command(ALICE, STANDUP, "pause until 2026-12-07"))
                    .contains("Paused");
            post(ALICE, NO_STEP);
            harness.clock().set(Instant.parse("2026-11-25T09:00:00Z"));
            harness.probe().awaitDueWorkPass(WAIT);
            harness.advance(Duration.ofHours(1));

            assertThat(questionsTo(ALICE)).isEmpty();
        }
    }

    @Nested
    @DisplayName("the question's buttons")
    class Buttons {
        private RecordedCall question;

        @BeforeEach
        void asked() {
            question = blockerWithoutStepForThreeWorkdays();
        }

        @Test
        @DisplayName("Ask my lead for help sends the leads a link and the author's note, and thanks the author")
        void shouldAskTheLead() {
            harness.slack().clickButton(ALICE, question, BlockerSlackBlocks.ASK_LEAD);
            String viewId = harness.sim()
                    .awaitCall("views.open", WAIT)
                    .response()
                    .path("view")
                    .path("id")
                    .asText();
            var response = harness.slack()
                    .viewSubmission(
                            ALICE, viewId, Map.of("note", Map.of("note_input", "Could you nudge the platform team?")));
            assertThat(response.statusCode()).isEqualTo(200);

            RecordedCall toLead =
                    harness.sim().awaitCall("chat.postMessage", call -> LEAD.equals(call.param("channel")), WAIT);
            assertThat(toLead.text())
                    .contains("<@" + ALICE + "> would like your help")
                    .contains("Could you nudge the platform team?")
                    .contains("slack")
                    .doesNotContain("PR #412");
            RecordedCall updated = harness.sim().awaitCall("chat.update", WAIT);
            assertThat(updated.text()).contains("Sent to <@" + LEAD + ">");

            harness.slack().viewSubmission(ALICE, viewId, Map.of("note", Map.of("note_input", "Again, in case")));
            harness.sim()
                    .awaitCall(
                            "chat.postMessage",
                            call -> ALICE.equals(call.param("channel"))
                                    && call.text().contains("already asked your lead"),
                            WAIT);
            harness.advance(Duration.ofDays(2));
            assertThat(harness.sim().dmsTo(LEAD)).as("told once").hasSize(1);
        }

        @Test
        @DisplayName("I've got it records that the author is on it, and escalation does not follow")
        void shouldRecordOnIt() {
            assertThat(harness.command(ADMIN, STANDUP, "settings escalation on"))
                    .contains("Escalation is on");
            harness.slack().clickButton(ALICE, question, BlockerSlackBlocks.ON_IT);
            assertThat(harness.sim().awaitCall("chat.update", WAIT).text()).contains("in good hands");

            harness.advance(Duration.ofDays(2));
            assertThat(harness.sim().dmsTo(LEAD)).isEmpty();
        }

        @Test
        @DisplayName("a crafted or someone else's payload changes nothing and gets a short private answer")
        void shouldRefuseCraftedPayloads() {
            harness.slack().clickButton(BOB, question, BlockerSlackBlocks.ON_IT);
            harness.slack().clickButton(BOB, question, BlockerSlackBlocks.ASK_LEAD);
            harness.slack()
                    .blockAction(
                            ALICE,
                            BlockerSlackBlocks.ON_IT,
                            STANDUP + "|1.000001",
                            ActionSource.message(
                                    question.response().path("channel").asText(),
                                    question.response().path("ts").asText()));

            List<RecordedCall> answers = harness.sim().awaitCalls("response_url", 3, WAIT);
            assertThat(answers).allSatisfy(answer -> assertThat(answer.text()).contains("isn't yours"));
            assertThat(harness.sim().calls("views.open")).isEmpty();
            assertThat(harness.sim().calls("chat.update")).isEmpty();
            assertThat(harness.sim().dmsTo(LEAD)).isEmpty();
        }
    }

    @Test
    @DisplayName("with escalation on, leads get a link a workday after a question nobody answered")
    void shouldEscalateAfterOneMoreWorkday() {
        assertThat(harness.command(LEAD, STANDUP, "settings escalation on")).contains("Escalation is on");
        RecordedCall question = blockerWithoutStepForThreeWorkdays();
        assertThat(question.jsonParam("blocks").toString()).contains("let its leads know too");
        harness.advance(Duration.ofHours(20));
        assertThat(harness.sim().dmsTo(LEAD)).isEmpty();

        harness.advance(Duration.ofHours(5));
        RecordedCall toLead =
                harness.sim().awaitCall("chat.postMessage", call -> LEAD.equals(call.param("channel")), WAIT);
        assertThat(toLead.text()).contains("has been open for 3 days").doesNotContain("PR #412");
        harness.advance(Duration.ofDays(1));
        assertThat(harness.sim().dmsTo(LEAD)).hasSize(1);
    }

    @Test
    @DisplayName("an escalation reaches each lead in their own working hours, and each lead once")
    void shouldEscalateInEachLeadsWorkingHours() {
        assertThat(harness.command(ADMIN, STANDUP, "leads <@" + LEAD + "> <@" + CHEN + ">"))
                .contains("<@" + CHEN + ">");
        assertThat(harness.command(LEAD, STANDUP, "settings escalation on")).contains("Escalation is on");
        blockerWithoutStepForThreeWorkdays();

        // Thursday 11:00 in Berlin is 19:00 in Tokyo: the Berlin lead is told, the Tokyo lead not yet.
        harness.clock().set(Instant.parse("2026-11-26T10:00:00Z"));
        harness.probe().awaitDueWorkPass(WAIT);
        harness.sim().awaitCall("chat.postMessage", call -> LEAD.equals(call.param("channel")), WAIT);
        assertThat(harness.sim().dmsTo(CHEN)).as("after hours in Tokyo").isEmpty();
        harness.clock().set(Instant.parse("2026-11-26T23:30:00Z"));
        harness.probe().awaitDueWorkPass(WAIT);
        assertThat(harness.sim().dmsTo(CHEN)).as("08:30 in Tokyo").isEmpty();

        harness.clock().set(Instant.parse("2026-11-27T00:05:00Z"));
        harness.probe().awaitDueWorkPass(WAIT);
        RecordedCall toChen =
                harness.sim().awaitCall("chat.postMessage", call -> CHEN.equals(call.param("channel")), WAIT);
        assertThat(toChen.text()).contains("has been open for");
        harness.advance(Duration.ofDays(1));
        harness.restart();
        harness.advance(Duration.ofHours(2));
        assertThat(harness.sim().dmsTo(LEAD)).hasSize(1);
        assertThat(harness.sim().dmsTo(CHEN)).hasSize(1);
    }

    @Test
    @DisplayName("escalation is off by default, and only team admins may turn it on")
    void shouldKeepEscalationOffByDefault() {
        assertThat(harness.command(BOB, STANDUP, "settings escalation on")).doesNotContain("Escalation is on");
        assertThat(harness.command(ADMIN, STANDUP, "settings")).contains("escalation to leads off");
        blockerWithoutStepForThreeWorkdays();
        harness.advance(Duration.ofDays(2));

        assertThat(harness.sim().dmsTo(LEAD)).isEmpty();
    }

    @Nested
    @DisplayName("credit for unblockers")
    class Credit {
        private EventDelivery blocker;
        private EventDelivery help;

        @BeforeEach
        void helped() {
            blocker = post(ALICE, NO_STEP);
            help = harness.slack().threadReply(STANDUP, blocker.ts(), ADMIN, "I can review it right after lunch");
        }

        private RecordedCall awaitThanks() {
            harness.advance(Duration.ofMinutes(1));
            return harness.sim()
                    .awaitCall(
                            "chat.postMessage",
                            call -> ADMIN.equals(call.param("channel"))
                                    && call.text().contains("Thank you for helping"),
                            WAIT);
        }

        @Test
        @DisplayName("a thanks reply by the author credits the helper, who is thanked privately")
        void shouldCreditOnThanks() {
            harness.slack().threadReply(STANDUP, blocker.ts(), ALICE, "thanks, that unblocked me!");
            RecordedCall thanks = awaitThanks();

            assertThat(thanks.text()).contains("<@" + ALICE + ">").doesNotContain("lunch");
            assertThat(harness.command(ADMIN, STANDUP, "me")).contains("helped teammates get unblocked once");
            harness.advance(Duration.ofMinutes(11));
            assertThat(harness.sim().dmsTo(ALICE))
                    .as("a resolved blocker is not nudged")
                    .isEmpty();
        }

        @Test
        @DisplayName("a check mark by the author on the post credits the helper")
        void shouldCreditOnReactionToThePost() {
            harness.slack().reactionAdded(STANDUP, blocker.ts(), ALICE, "white_check_mark");
            awaitThanks();
        }

        @Test
        @DisplayName("a check mark by the author on the helper's reply credits that helper")
        void shouldCreditOnReactionToTheReply() {
            harness.slack().threadReply(STANDUP, blocker.ts(), BOB, "+1");
            harness.slack().reactionAdded(STANDUP, help.ts(), ALICE, "white_check_mark");
            awaitThanks();
            assertThat(harness.command(BOB, STANDUP, "me")).contains("Unblocks:* none yet");
        }

        @Test
        @DisplayName("a next step by the author in the thread credits the helper")
        void shouldCreditOnNextStep() {
            harness.slack().threadReply(STANDUP, blocker.ts(), ALICE, "I'll ask <@U0LEAD01> to review it at 2pm today");
            awaitThanks();
        }

        @Test
        @DisplayName("It's resolved on the nudge credits the helper")
        void shouldCreditFromTheNudge() {
            harness.advance(Duration.ofMinutes(11));
            RecordedCall nudge =
                    harness.sim().awaitCall("chat.postMessage", call -> ALICE.equals(call.param("channel")), WAIT);
            harness.slack().clickButton(ALICE, nudge, "nudge_resolved");
            assertThat(harness.sim().awaitCall("chat.update", WAIT).text()).contains("Glad it's sorted");
            awaitThanks();
        }

        @Test
        @DisplayName("someone else's check mark, a bot's reply and the author's own replies credit nobody")
        void shouldNotCountSelfRepliesOrBots() {
            harness.slack().reactionAdded(STANDUP, blocker.ts(), BOB, "white_check_mark");
            EventDelivery other = post(BOB, NO_STEP);
            harness.slack().threadReply(STANDUP, other.ts(), BOB, "still looking into it");
            var bot = new ObjectMapper()
                    .createObjectNode()
                    .put("type", "message")
                    .put("subtype", "bot_message")
                    .put("bot_id", "B0OTHER")
                    .put("text", "Reminder: fill in your standup")
                    .put("channel", STANDUP)
                    .put("ts", "1795000000.000100")
                    .put("thread_ts", other.ts());
            harness.slack().event(bot);
            harness.slack().threadReply(STANDUP, other.ts(), BOB, "fixed it, thanks");
            harness.advance(Duration.ofMinutes(1));

            assertThat(dmsContaining(ADMIN, "Thank you for helping")).isEmpty();
            assertThat(dmsContaining(BOB, "Thank you for helping")).isEmpty();
            assertThat(harness.command(BOB, STANDUP, "me")).contains("none yet");
        }

        @Test
        @DisplayName("a helper is thanked at most once a day, and every unblock still counts")
        void shouldThankAtMostOnceADay() {
            EventDelivery second = post(ALICE, "Blocked: no access to the prod logs bucket");
            harness.slack().threadReply(STANDUP, second.ts(), ADMIN, "I'll grant it");
            harness.slack().threadReply(STANDUP, blocker.ts(), ALICE, "fixed, thanks!");
            harness.slack().reactionAdded(STANDUP, second.ts(), ALICE, "white_check_mark");
            awaitThanks();
            harness.advance(Duration.ofHours(1));

            assertThat(dmsContaining(ADMIN, "Thank you for helping")).hasSize(1);
            assertThat(harness.command(ADMIN, STANDUP, "me")).contains("2 times");
        }

        @Test
        @DisplayName("the digest names the week's unblockers")
        void shouldNameUnblockersInTheDigest() {
            harness.slack().threadReply(STANDUP, blocker.ts(), ALICE, "thank you, works now");
            awaitThanks();
            String preview = harness.command(LEAD, STANDUP, "digest");

            assertThat(preview).contains("Unblockers this week").contains("@" + ADMIN + " helped unblock a teammate");
        }
    }

    @Test
    @DisplayName("the digest lists long-running blockers with their age, as links")
    void shouldListLongRunningBlockersInTheDigest() {
        blockerWithoutStepForThreeWorkdays();
        String preview = harness.command(LEAD, STANDUP, "digest");

        assertThat(preview)
                .contains("Long-running blockers")
                .contains("@" + ALICE + " · ")
                .contains("2 days, no next step yet")
                .doesNotContain("PR #412");
    }

    @Test
    @DisplayName("a blocker resolved before its third workday is never asked about")
    void shouldNotAskAboutAResolvedBlocker() {
        EventDelivery blocker = post(ALICE, NO_STEP);
        harness.slack().threadReply(STANDUP, blocker.ts(), BOB, "try the staging reviewer rota");
        harness.clock().set(Instant.parse("2026-11-24T09:00:00Z"));
        harness.slack().reactionAdded(STANDUP, blocker.ts(), ALICE, "white_check_mark");
        harness.clock().set(Instant.parse("2026-11-25T09:00:00Z"));
        harness.probe().awaitDueWorkPass(WAIT);
        harness.advance(Duration.ofHours(1));

        assertThat(questionsTo(ALICE)).isEmpty();
    }

    @Test
    @DisplayName("forget-me erases the helper's replies and credits, and the author's long-running blocker")
    void shouldForgetBothSides() {
        blockerWithoutStepForThreeWorkdays();
        EventDelivery second = post(ALICE, "Blocked: no access to the prod logs bucket");
        harness.slack().threadReply(STANDUP, second.ts(), BOB, "I'll grant it now");
        harness.slack().reactionAdded(STANDUP, second.ts(), ALICE, "white_check_mark");
        Rows facts = new Rows(harness.bot().database());
        assertThat(facts.cellsContaining(BOB)).contains("blocker_replies.user_id", "unblocks.helper_id");
        assertThat(facts.cellsContaining(ALICE)).contains("long_blockers.user_id", "unblocks.author_id");

        forget(BOB);
        forget(ALICE);

        assertThat(facts.cellsContaining(BOB)).containsExactly("pauses.user_id");
        assertThat(facts.cellsContaining(ALICE)).containsExactly("pauses.user_id");
        assertThat(facts.count("long_blockers") + facts.count("blocker_resolutions") + facts.count("unblocks"))
                .isZero();
    }

    private void forget(String user) {
        assertThat(harness.command(user, STANDUP, "forget-me")).contains("Erase everything");
        List<SimMessage> shown = harness.sim().ephemerals(STANDUP).stream()
                .filter(message -> user.equals(message.user()))
                .toList();
        int before = harness.sim().calls("response_url").size();
        harness.slack()
                .blockAction(
                        user,
                        "forget_me_confirm",
                        null,
                        ActionSource.ephemeral(
                                STANDUP, shown.get(shown.size() - 1).ts()));
        assertThat(harness.sim()
                        .awaitCalls("response_url", before + 1, WAIT)
                        .get(before)
                        .text())
                .contains("I erased everything");
    }
}
