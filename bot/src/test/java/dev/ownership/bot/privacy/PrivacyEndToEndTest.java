package dev.ownership.bot.privacy;

import static dev.ownership.bot.BotHarness.ADMIN;
import static dev.ownership.bot.BotHarness.ALICE;
import static dev.ownership.bot.BotHarness.BOB;
import static dev.ownership.bot.BotHarness.MONDAY_MORNING;
import static dev.ownership.bot.BotHarness.STANDUP;
import static dev.ownership.bot.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.bot.BotHarness;
import dev.ownership.bot.config.Config;
import dev.ownership.simulator.ActionSource;
import dev.ownership.simulator.RecordedCall;
import dev.ownership.simulator.SimMessage;
import dev.ownership.simulator.SimView;
import dev.ownership.storage.testing.Rows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("forget-me and retention, end to end through the simulator")
class PrivacyEndToEndTest {
    private static final String PROPOSED =
            "Blockers: waiting on review of #412 - <@U0LEAD01> could you review it today?";
    private static final String UNPROPOSED = "*Yesterday:* finished the export job\n*Today:* billing retries\n"
            + "*Blockers:* waiting on a review of my PR #412";

    @Nested
    @DisplayName("/ownership forget-me")
    class ForgetMeFlow {
        @RegisterExtension
        final BotHarness harness = new BotHarness();

        private Rows facts;

        @BeforeEach
        void everythingAboutAlice() {
            harness.watchStandup();
            facts = new Rows(harness.bot().database());
            harness.command(ADMIN, STANDUP, "leads <@" + ALICE + "|alice>");
            post(ALICE, UNPROPOSED);
            post(BOB, UNPROPOSED);
            harness.advance(Duration.ofMinutes(11));
            harness.sim().awaitCall("chat.postMessage", call -> ALICE.equals(call.param("channel")), WAIT);
            post(ALICE, PROPOSED);
            Instant now = harness.clock().instant();
            facts.learning(STANDUP, ALICE, now.minus(Duration.ofDays(14)))
                    .learning(STANDUP, ALICE, now.minus(Duration.ofDays(7)))
                    .learning(STANDUP, ALICE, now)
                    .riskCheckin(STANDUP, ALICE, now, true)
                    .impact(STANDUP, ALICE, now)
                    .prompt(STANDUP, ALICE, now, now)
                    .member(STANDUP, ALICE, now)
                    .member(STANDUP, BOB, now);
            harness.slack().appHomeOpened(ALICE);
            harness.sim()
                    .awaitCall(
                            "views.publish",
                            call -> ALICE.equals(call.param("user_id"))
                                    && call.text().contains("3 weeks in a row"),
                            WAIT);
            SimView home = harness.sim().homeView(ALICE).orElseThrow();
            harness.slack().blockAction(ALICE, "home_leaderboard", "show", ActionSource.home(home.id()));
            harness.sim()
                    .awaitCall(
                            "views.publish",
                            call -> ALICE.equals(call.param("user_id"))
                                    && call.text().contains("You're on the leaderboard"),
                            WAIT);
            harness.command(ALICE, STANDUP, "nudges off");
            harness.command(ALICE, STANDUP, "pause until 2026-11-25");
        }

        private void post(String user, String text) {
            assertThat(harness.slack().message(STANDUP, user, text).status()).isEqualTo(200);
        }

        /** Runs forget-me as {@code user} and returns the question, as shown in the channel. */
        private SimMessage ask(String user) {
            assertThat(harness.command(user, STANDUP, "forget-me")).contains("Erase everything I store about you?");
            List<SimMessage> shown = harness.sim().ephemerals(STANDUP).stream()
                    .filter(message -> user.equals(message.user()))
                    .toList();
            return shown.get(shown.size() - 1);
        }

        private RecordedCall click(String user, SimMessage question, String actionId) {
            int before = harness.sim().calls("response_url").size();
            harness.slack().blockAction(user, actionId, null, ActionSource.ephemeral(STANDUP, question.ts()));
            return harness.sim().awaitCalls("response_url", before + 1, WAIT).get(before);
        }

        @Test
        @DisplayName("the data to erase covers every kind of row about the person")
        void shouldStartWithEverything() {
            assertThat(facts.cellsContaining(ALICE))
                    .contains(
                            "standup_posts.user_id",
                            "pauses.user_id",
                            "team_leads.user_id",
                            "team_members.user_id",
                            "prompt_deliveries.user_id",
                            "learnings.user_id",
                            "risk_checkins.user_id",
                            "risks.user_id",
                            "impacts.user_id",
                            "streak_milestones.user_id",
                            "leaderboard_optins.user_id",
                            "personal_controls.user_id");
        }

        @Test
        @DisplayName("asks first, then erases every row about the person: no table mentions them but their pause")
        void shouldEraseEverythingAfterConfirmation() {
            SimMessage question = ask(ALICE);
            assertThat(question.readableText())
                    .contains("Erase everything about me")
                    .contains("Keep my data");
            assertThat(facts.cellsContaining(ALICE)).hasSizeGreaterThan(10);

            RecordedCall done = click(ALICE, question, "forget_me_confirm");

            assertThat(done.text())
                    .contains("Done: I erased everything I stored about you")
                    .contains("resume");
            assertThat(done.param("replace_original")).isEqualTo("true");
            assertThat(facts.cellsContaining(ALICE)).containsExactly("pauses.user_id");
            assertThat(facts.cellsContaining(BOB)).contains("standup_posts.user_id", "team_members.user_id");
        }

        @Test
        @DisplayName("afterwards the person is left out until they resume, and their App Home is emptied")
        void shouldExcludeUntilResume() {
            click(ALICE, ask(ALICE), "forget_me_confirm");

            harness.sim()
                    .awaitCall(
                            "views.publish",
                            call -> ALICE.equals(call.param("user_id"))
                                    && call.text().contains("You're paused until you resume")
                                    && call.text().contains("I haven't seen you"),
                            WAIT);
            assertThat(harness.command(ALICE, STANDUP, "me"))
                    .contains("You're paused until you `/ownership resume`")
                    .contains("I haven't seen you");
            assertThat(harness.command(ALICE, STANDUP, "resume")).contains("Welcome back");
        }

        @Test
        @DisplayName("Keep my data changes nothing")
        void shouldKeepDataOnCancel() {
            List<String> before = facts.cellsContaining(ALICE);

            RecordedCall answer = click(ALICE, ask(ALICE), "forget_me_cancel");

            assertThat(answer.text()).contains("Nothing was erased");
            assertThat(facts.cellsContaining(ALICE)).isEqualTo(before);
        }

        @Test
        @DisplayName("erases whoever clicks, never someone the button names")
        void shouldEraseOnlyTheClicker() {
            SimMessage alicesQuestion = ask(ALICE);
            List<String> alice = facts.cellsContaining(ALICE);

            click(BOB, alicesQuestion, "forget_me_confirm");

            assertThat(facts.cellsContaining(ALICE)).isEqualTo(alice);
            assertThat(facts.cellsContaining(BOB)).containsExactly("pauses.user_id");
        }
    }

    @Nested
    @DisplayName("retention")
    class Retention {
        @RegisterExtension
        final BotHarness harness = new BotHarness().with(Config.OWNERSHIP_RETENTION, "P30D");

        @Test
        @DisplayName("the daily maintenance deletes records older than OWNERSHIP_RETENTION; streaks use what is left")
        void shouldPruneOldRecords() {
            harness.watchStandup();
            Rows facts = new Rows(harness.bot().database());
            assertThat(harness.slack().message(STANDUP, ALICE, PROPOSED).status())
                    .isEqualTo(200);
            facts.learning(STANDUP, ALICE, MONDAY_MORNING).riskCheckin(STANDUP, ALICE, MONDAY_MORNING, true);
            harness.clock().set(MONDAY_MORNING.plus(Duration.ofDays(31)));
            facts.learning(STANDUP, ALICE, harness.clock().instant().minus(Duration.ofDays(1)));

            harness.bot().runDailyMaintenance();

            assertThat(facts.count("standup_posts")).isZero();
            assertThat(facts.count("learnings")).isEqualTo(1);
            assertThat(facts.count("risks")).isZero();
            assertThat(facts.count("risk_checkins")).isZero();
            assertThat(harness.command(ALICE, STANDUP, "me"))
                    .contains("starts with your next blocker that comes with a next step")
                    .contains("1 week in a row sharing a learning · best 1");
            assertThat(harness.bot().database().isHealthy()).isTrue();
        }
    }
}
