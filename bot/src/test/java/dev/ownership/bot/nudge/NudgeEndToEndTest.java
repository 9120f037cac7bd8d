package dev.ownership.bot.nudge;

import static dev.ownership.bot.BotHarness.ALICE;
import static dev.ownership.bot.BotHarness.BOB;
import static dev.ownership.bot.BotHarness.LEAD;
import static dev.ownership.bot.BotHarness.STANDUP;
import static dev.ownership.bot.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.bot.BotHarness;
import dev.ownership.simulator.EventDelivery;
import dev.ownership.simulator.Fault;
import dev.ownership.simulator.RecordedCall;
import dev.ownership.simulator.SimUser;
import dev.ownership.storage.nudge.StandupPost;
import dev.ownership.storage.nudge.StandupRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("nudges, end to end through the simulator")
class NudgeEndToEndTest {
    private static final Duration GRACE = Duration.ofMinutes(10);
    private static final String REVIEW_BLOCKER =
            "*Yesterday:* finished the export job\n*Today:* billing retries\n*Blockers:* waiting on a review of my PR #412";

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    @BeforeEach
    void watch() {
        harness.watchStandup();
    }

    private EventDelivery post(String user, String text) {
        EventDelivery delivery = harness.slack().message(STANDUP, user, text);
        assertThat(delivery.status()).isEqualTo(200);
        return delivery;
    }

    private void afterGrace() {
        harness.advance(GRACE.plusMinutes(1));
    }

    private RecordedCall awaitNudgeTo(String user) {
        return harness.sim().awaitCall("chat.postMessage", call -> user.equals(call.param("channel")), WAIT);
    }

    @Test
    @DisplayName(
            "a blocker without a proposal gets exactly one DM after the grace period, with the permalink and a fitting suggestion")
    void shouldNudgeOnceAfterGrace() {
        EventDelivery delivery = post(ALICE, REVIEW_BLOCKER);
        harness.advance(Duration.ofMinutes(5));
        assertThat(harness.sim().dmsTo(ALICE)).isEmpty();

        afterGrace();
        RecordedCall nudge = awaitNudgeTo(ALICE);
        harness.advance(Duration.ofHours(2));

        assertThat(harness.sim().dmsTo(ALICE)).hasSize(1);
        String blocks = nudge.jsonParam("blocks").toString();
        String permalink = harness.sim()
                .calls("chat.getPermalink")
                .get(0)
                .response()
                .get("permalink")
                .asText();
        assertThat(blocks)
                .contains(permalink)
                .contains("Ask one named reviewer directly")
                .contains("Only you got this message")
                .contains("leads see a link to the post (not its text)")
                .contains("Don't nudge me")
                .doesNotContain("learned cues")
                .doesNotContain("confidence");
        assertThat(nudge.text()).doesNotContain("billing retries").doesNotContain("PR #412");
        assertThat(harness.sim().history(STANDUP)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "*Blockers:* none",
                "Yesterday: shipped search\nToday: tests\nBlockers: N/A",
                "Fixed the P0 blocker bug in checkout, deploying now",
                "Blocking out Thursday afternoon for the offsite",
                "Blockers: waiting on review of #412 - @lee could you review it today?"
            })
    @DisplayName("posts without an unproposed blocker of the author's get no nudge")
    void shouldNotNudge(String text) {
        post(ALICE, text);
        afterGrace();
        harness.advance(Duration.ofHours(1));

        assertThat(harness.sim().dmsTo(ALICE)).isEmpty();
    }

    @Nested
    @DisplayName("within the grace period")
    class WithinGrace {
        @Test
        @DisplayName("a proposal in the author's thread reply cancels the nudge")
        void shouldCancelOnThreadProposal() {
            EventDelivery delivery = post(ALICE, REVIEW_BLOCKER);
            harness.advance(Duration.ofMinutes(3));
            harness.slack()
                    .threadReply(STANDUP, delivery.ts(), ALICE, "I'll ask <@U0LEAD01> to review it at 2pm today");
            afterGrace();

            assertThat(harness.sim().dmsTo(ALICE)).isEmpty();
        }

        @Test
        @DisplayName("a proposal added by editing the post cancels the nudge")
        void shouldCancelOnEditedProposal() {
            EventDelivery delivery = post(ALICE, REVIEW_BLOCKER);
            harness.slack()
                    .editMessage(
                            STANDUP,
                            delivery.ts(),
                            ALICE,
                            REVIEW_BLOCKER + " - I'll ask <@U0LEAD01> to review it this afternoon");
            afterGrace();

            assertThat(harness.sim().dmsTo(ALICE)).isEmpty();
        }

        @Test
        @DisplayName("someone else's reply does not cancel it")
        void shouldStillNudgeAfterOthersReply() {
            EventDelivery delivery = post(ALICE, REVIEW_BLOCKER);
            harness.slack().threadReply(STANDUP, delivery.ts(), BOB, "I'll review it at 2pm today");
            afterGrace();

            awaitNudgeTo(ALICE);
        }

        @Test
        @DisplayName("deleting the post cancels the nudge")
        void shouldCancelOnDelete() {
            EventDelivery delivery = post(ALICE, REVIEW_BLOCKER);
            harness.slack().deleteMessage(STANDUP, delivery.ts());
            afterGrace();

            assertThat(harness.sim().dmsTo(ALICE)).isEmpty();
        }
    }

    @Test
    @DisplayName("a person gets at most one nudge a day")
    void shouldRespectDailyLimit() {
        post(ALICE, REVIEW_BLOCKER);
        post(ALICE, "Also blocked: no access to the prod logs bucket");
        afterGrace();
        awaitNudgeTo(ALICE);
        harness.advance(Duration.ofHours(1));

        assertThat(harness.sim().dmsTo(ALICE)).hasSize(1);
    }

    @Test
    @DisplayName("a post at 22:00 local time is nudged at 09:00 local on the next workday")
    void shouldHoldUntilWorkingHours() {
        harness.clock().set(Instant.parse("2026-11-27T21:00:00Z")); // Friday 22:00 in Berlin
        post(ALICE, REVIEW_BLOCKER);
        afterGrace();
        harness.advance(Duration.ofHours(24)); // Saturday night
        assertThat(harness.sim().dmsTo(ALICE)).isEmpty();

        harness.clock().set(Instant.parse("2026-11-30T07:59:00Z")); // Monday 08:59 in Berlin
        harness.probe().awaitDueWorkPass(WAIT);
        assertThat(harness.sim().dmsTo(ALICE)).isEmpty();
        harness.advance(Duration.ofMinutes(1));

        RecordedCall nudge = awaitNudgeTo(ALICE);
        assertThat(nudge.at()).isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
    }

    @ParameterizedTest(name = "the bot comes back on {0}: nudged {1}")
    @CsvSource({"2026-11-24T09:00:00Z, true", "2026-11-25T09:00:00Z, false"})
    @DisplayName("a nudge held back by downtime goes out on the next working day at the latest, never later")
    void shouldDropStaleNudges(Instant back, boolean nudged) {
        EventDelivery delivery = post(ALICE, REVIEW_BLOCKER); // Monday 10:00 in Berlin
        harness.clock().set(back);
        harness.restart();
        harness.probe().awaitDueWorkPass(WAIT);

        if (nudged) {
            awaitNudgeTo(ALICE);
        } else {
            assertThat(harness.sim().dmsTo(ALICE))
                    .as("a nudge about Monday's standup on Wednesday")
                    .extracting(RecordedCall::text)
                    .noneMatch(text -> text.contains("Add a next step"));
        }
        StandupPost stored = new StandupRepository(harness.bot().database())
                .find(STANDUP, delivery.ts())
                .orElseThrow();
        assertThat(stored.state()).isEqualTo(nudged ? StandupPost.State.NUDGED : StandupPost.State.SUPPRESSED);
        assertThat(stored.stateReason()).isEqualTo(nudged ? null : "stale");
    }

    @Test
    @DisplayName("working hours are read in the author's own timezone")
    void shouldUseAuthorsTimezone() {
        post(BOB, REVIEW_BLOCKER); // Monday 04:00 in New York
        afterGrace();
        assertThat(harness.sim().dmsTo(BOB)).isEmpty();

        harness.clock().set(Instant.parse("2026-11-23T14:00:00Z")); // 09:00 in New York
        harness.probe().awaitDueWorkPass(WAIT);
        awaitNudgeTo(BOB);
    }

    @Test
    @DisplayName("paused people are not nudged")
    void shouldNotNudgePaused() {
        assertThat(harness.command(ALICE, STANDUP, "pause until 2026-12-07")).contains("Paused until 2026-12-07");
        post(ALICE, REVIEW_BLOCKER);
        afterGrace();

        assertThat(harness.sim().dmsTo(ALICE)).isEmpty();
        assertThat(harness.command(ALICE, STANDUP, "resume")).contains("Welcome back");
    }

    @Test
    @DisplayName("bots are never nudged")
    void shouldNotNudgeBots() {
        harness.sim()
                .workspace()
                .addUser(SimUser.person("U0ROBOT1", "standup-robot", "UTC").asBot());
        harness.slack().botMessage(STANDUP, "Blockers: waiting on CI");
        post("U0ROBOT1", "Blockers: waiting on CI to be fixed");
        afterGrace();
        harness.advance(Duration.ofHours(1));

        assertThat(harness.sim().calls("chat.postMessage")).isEmpty();
    }

    @Test
    @DisplayName("a DM Slack refuses is recorded as failed and not retried")
    void shouldNotRetryRefusedDm() {
        harness.sim().faults().failNext("chat.postMessage", Fault.error("cannot_dm_bot"));
        post(ALICE, REVIEW_BLOCKER);
        afterGrace();
        harness.sim().awaitCall("chat.postMessage", WAIT);
        harness.advance(Duration.ofHours(1));

        assertThat(harness.sim().calls("chat.postMessage")).hasSize(1);
    }

    @Nested
    @DisplayName("the nudge's buttons")
    class Buttons {
        private RecordedCall nudge;
        private EventDelivery standup;

        @BeforeEach
        void nudged() {
            standup = post(ALICE, REVIEW_BLOCKER);
            afterGrace();
            nudge = awaitNudgeTo(ALICE);
        }

        @Test
        @DisplayName("Add a next step opens a modal; submitting posts the step in the thread and updates the DM")
        void shouldAddNextStepThroughModal() {
            harness.slack().clickButton(ALICE, nudge, "nudge_add_step");
            RecordedCall opened = harness.sim().awaitCall("views.open", WAIT);
            String viewId = opened.response().path("view").path("id").asText();

            var response = harness.slack()
                    .viewSubmission(
                            ALICE,
                            viewId,
                            Map.of("step", Map.of("step_input", "I'll ask <@U0LEAD01> to review at 2pm")));
            assertThat(response.statusCode()).isEqualTo(200);

            RecordedCall step =
                    harness.sim().awaitCall("chat.postMessage", call -> STANDUP.equals(call.param("channel")), WAIT);
            assertThat(step.param("thread_ts"))
                    .isEqualTo(nudge.jsonParam("blocks") == null ? null : step.param("thread_ts"));
            assertThat(step.param("text"))
                    .contains("Next step")
                    .contains("<@" + ALICE + ">")
                    .contains("review at 2pm");
            RecordedCall updated = harness.sim().awaitCall("chat.update", WAIT);
            assertThat(updated.text()).contains("Posted your next step in the thread");
            assertThat(step.param("text")).doesNotContainIgnoringCase("nudge");
        }

        @Test
        @DisplayName("an empty next step is refused inside the modal")
        void shouldValidateModal() {
            harness.slack().clickButton(ALICE, nudge, "nudge_add_step");
            String viewId = harness.sim()
                    .awaitCall("views.open", WAIT)
                    .response()
                    .path("view")
                    .path("id")
                    .asText();

            var response = harness.slack().viewSubmission(ALICE, viewId, Map.of("step", Map.of("step_input", "  ")));

            assertThat(response.body())
                    .contains("\"response_action\":\"errors\"")
                    .contains("\"step\"");
        }

        @Test
        @DisplayName("Not a blocker records the dismissal and thanks the author")
        void shouldRecordDismissal() {
            harness.slack().clickButton(ALICE, nudge, "nudge_not_blocker");

            RecordedCall updated = harness.sim().awaitCall("chat.update", WAIT);
            assertThat(updated.text()).contains("Thanks for telling me").doesNotContain("get better");
        }

        @Test
        @DisplayName("Don't nudge me turns nudges off for the author only, and prompts stay on")
        void shouldStopNudges() {
            harness.slack().clickButton(ALICE, nudge, "nudge_stop");

            RecordedCall updated = harness.sim().awaitCall("chat.update", WAIT);
            assertThat(updated.text()).contains("no more nudges for you");
            assertThat(harness.command(ALICE, STANDUP, "nudges off")).contains("already off");
            assertThat(harness.command(ALICE, STANDUP, "prompts on")).contains("already on");

            harness.advance(Duration.ofDays(1));
            harness.sim().clearCalls();
            post(ALICE, "Blocked: waiting on the review of PR #413 again.");
            post(LEAD, "Blocked: the staging database is down since this morning.");
            afterGrace();
            awaitNudgeTo(LEAD);
            assertThat(harness.sim().dmsTo(ALICE)).isEmpty();
        }

        @Test
        @DisplayName("someone else cannot act on the nudge")
        void shouldRefuseOthers() {
            harness.slack().clickButton(BOB, nudge, "nudge_not_blocker");
            harness.slack().clickButton(BOB, nudge, "nudge_add_step");
            harness.slack().clickButton(ALICE, nudge, "nudge_pause");

            RecordedCall update = harness.sim().awaitCall("chat.update", WAIT);
            assertThat(update.text()).contains("Paused");
            assertThat(harness.sim().calls("views.open")).isEmpty();
            assertThat(harness.sim().calls("chat.update")).hasSize(1);
        }
    }
}
