package dev.ownership.bot.home;

import static dev.ownership.bot.BotHarness.ADMIN;
import static dev.ownership.bot.BotHarness.ALICE;
import static dev.ownership.bot.BotHarness.BOB;
import static dev.ownership.bot.BotHarness.LEAD;
import static dev.ownership.bot.BotHarness.MONDAY_MORNING;
import static dev.ownership.bot.BotHarness.STANDUP;
import static dev.ownership.bot.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ownership.bot.BotHarness;
import dev.ownership.simulator.ActionSource;
import dev.ownership.simulator.RecordedCall;
import dev.ownership.simulator.SimView;
import dev.ownership.storage.testing.Rows;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("App Home, end to end through the simulator")
class HomeEndToEndTest {
    private static final String PROPOSED =
            "Blockers: waiting on review of #412 - <@U0LEAD01> could you review it today?";
    private static final String UNPROPOSED = "*Yesterday:* finished the export job\n*Today:* billing retries\n"
            + "*Blockers:* waiting on a review of my PR #412";

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    private Rows facts;

    @BeforeEach
    void watch() {
        harness.watchStandup();
        facts = new Rows(harness.bot().database());
    }

    private void post(String user, String text) {
        assertThat(harness.slack().message(STANDUP, user, text).status()).isEqualTo(200);
    }

    /** Waits for the person's App Home to be published, matching {@code condition}; returns it as it stands. */
    private SimView awaitHome(String user, Predicate<String> condition) {
        harness.sim()
                .awaitCall(
                        "views.publish",
                        call -> user.equals(call.param("user_id")) && condition.test(call.text()),
                        WAIT);
        return harness.sim().homeView(user).orElseThrow();
    }

    /** Waits until the person's App Home was published {@code count} times; returns the last publish. */
    private RecordedCall awaitPublishes(String user, int count) {
        for (int total = count; ; total++) {
            List<RecordedCall> theirs = harness.sim().awaitCalls("views.publish", total, WAIT).stream()
                    .filter(call -> user.equals(call.param("user_id")))
                    .toList();
            if (theirs.size() >= count) {
                return theirs.get(count - 1);
            }
        }
    }

    /**
     * Opens the person's App Home and waits until it was published {@code publishes} times in all, so no earlier
     * refresh is still on its way: a publish resets what the person picked in the page, as in Slack.
     */
    private SimView openHomeSettled(String user, int publishes) {
        harness.slack().appHomeOpened(user);
        awaitPublishes(user, publishes);
        return harness.sim().homeView(user).orElseThrow();
    }

    private SimView openHome(String user, String expected) {
        harness.slack().appHomeOpened(user);
        return awaitHome(user, text -> text.contains(expected));
    }

    private HttpResponse<String> click(String user, SimView home, String actionId, String value) {
        return harness.slack().blockAction(user, actionId, value, ActionSource.home(home.id()));
    }

    private static String buttonValue(SimView view, String actionIdPrefix) {
        for (JsonNode block : view.blocks()) {
            for (JsonNode element : block.path("elements")) {
                if (element.path("action_id").asText().startsWith(actionIdPrefix)) {
                    return element.path("action_id").asText() + "="
                            + element.path("value").asText();
                }
            }
        }
        throw new AssertionError("No element " + actionIdPrefix + " in " + view.readableText());
    }

    @Test
    @DisplayName("is published when the person opens it, with streaks, last weeks and quick actions")
    void shouldPublishOnOpen() {
        post(ALICE, PROPOSED);
        facts.learning(STANDUP, ALICE, MONDAY_MORNING.minusSeconds(60));

        SimView home = openHome(ALICE, "1 week in a row sharing a learning");

        assertThat(home.type()).isEqualTo("home");
        assertThat(home.readableText())
                .contains("Your ownership")
                .contains("*#standup*")
                .contains("1 blocker in a row with a next step")
                .contains("1 week in a row sharing a learning")
                .contains("▰▰▰")
                .contains("_This week:_ 1 blocker, 1 with a next step · 1 learning")
                .contains("Share a learning")
                .contains("Flag a risk")
                .contains("Pause until then")
                .contains("On the leaderboard of teams that turn one on: *no*")
                .contains("Nudges about blockers without a next step: *on*")
                .doesNotContain("For leads");
    }

    @Test
    @DisplayName("is published again after a learning is shared from its modal")
    void shouldRefreshAfterSharing() {
        post(ALICE, PROPOSED);
        SimView home = openHomeSettled(ALICE, 2);
        assertThat(home.readableText()).contains("starts with the next learning you share");
        click(ALICE, home, "home_share_learning", null);
        RecordedCall opened = harness.sim().awaitCall("views.open", WAIT);
        assertThat(opened.text()).contains("Share a learning").contains("What did you learn?");

        HttpResponse<String> submitted = harness.slack()
                .viewSubmission(
                        ALICE,
                        opened.response().path("view").path("id").asText(),
                        Map.of("share_text", Map.of("share_text_input", "Never call LocalDate.now() in tests")));

        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(submitted.body()).doesNotContain("errors");
        RecordedCall refreshed = awaitPublishes(ALICE, 3);
        assertThat(refreshed.text())
                .contains("1 week in a row sharing a learning")
                .contains("_This week:_ 1 blocker, 1 with a next step · 1 learning");
        assertThat(facts.sources("learnings"))
                .as("shared from the App Home, through the sharing service")
                .containsExactly("home");
    }

    private static final String DAVE = "U0DAVE01";

    @Test
    @DisplayName("the sharing modal refuses an empty text, and a person without a team")
    void shouldValidateSharing() {
        harness.sim().workspace().addUser(dev.ownership.simulator.SimUser.person(DAVE, "dave", "UTC"));
        SimView home = openHome(DAVE, "I haven't seen you");
        click(DAVE, home, "home_flag_risk", null);
        String viewId = harness.sim()
                .awaitCall("views.open", WAIT)
                .response()
                .path("view")
                .path("id")
                .asText();

        HttpResponse<String> empty =
                harness.slack().viewSubmission(DAVE, viewId, Map.of("share_text", Map.of("share_text_input", " ")));
        HttpResponse<String> noTeam = harness.slack()
                .viewSubmission(DAVE, viewId, Map.of("share_text", Map.of("share_text_input", "Vendor drops v1")));

        assertThat(empty.body()).contains("\"response_action\":\"errors\"").contains("Write a sentence");
        assertThat(noTeam.body()).contains("\"response_action\":\"errors\"").contains("which team");
    }

    @Test
    @DisplayName("a command that changes something refreshes it, e.g. /ownership pause")
    void shouldRefreshAfterCommand() {
        post(ALICE, PROPOSED);
        harness.command(ALICE, STANDUP, "pause until 2026-12-07");

        SimView home = awaitHome(ALICE, text -> text.contains("You're paused until 2026-12-07"));

        assertThat(home.readableText()).contains("Resume now");
    }

    @Nested
    @DisplayName("pause and resume")
    class PauseAndResume {
        @Test
        @DisplayName("pause until a date picked in the date picker; no nudges meanwhile; back automatically that day")
        void shouldPauseUntilDateAndResumeAutomatically() {
            post(ALICE, PROPOSED);
            SimView home = openHomeSettled(ALICE, 2);
            click(ALICE, home, "home_pause_date", "2026-11-26");
            click(ALICE, home, "home_pause_until", "2026-11-30");

            SimView paused = awaitHome(ALICE, text -> text.contains("You're paused until 2026-11-26"));
            assertThat(paused.readableText()).contains("Paused until 2026-11-26 (you're back that morning)");
            post(ALICE, UNPROPOSED);
            harness.advance(Duration.ofHours(2));
            assertThat(harness.sim().dmsTo(ALICE)).isEmpty();

            Instant thursday = Instant.parse("2026-11-26T08:00:00Z"); // 09:00 in Berlin
            harness.clock().set(thursday);
            harness.probe().awaitDueWorkPass(WAIT);
            post(ALICE, UNPROPOSED.replace("#412", "#415"));
            harness.advance(Duration.ofMinutes(11));

            assertThat(harness.sim().dmsTo(ALICE)).hasSize(1);
            harness.slack().appHomeOpened(ALICE);
            RecordedCall back = harness.sim()
                    .awaitCall(
                            "views.publish",
                            call -> ALICE.equals(call.param("user_id"))
                                    && !call.at().isBefore(thursday),
                            WAIT);
            assertThat(back.text()).contains("Pause until then").doesNotContain("You're paused");
        }

        @Test
        @DisplayName("a date in the past is refused with a note; Resume ends a pause")
        void shouldRefusePastDateAndResume() {
            post(ALICE, PROPOSED);
            SimView home = openHomeSettled(ALICE, 2);
            click(ALICE, home, "home_pause_date", "2026-11-20");
            click(ALICE, home, "home_pause_until", "2026-11-30");
            awaitHome(ALICE, text -> text.contains("Pick your first day back after today"));

            harness.command(ALICE, STANDUP, "pause");
            SimView paused = awaitHome(ALICE, text -> text.contains("You're paused until you resume"));
            click(ALICE, paused, "home_resume", null);

            SimView back = awaitHome(ALICE, text -> text.contains("Welcome back"));
            assertThat(back.readableText()).doesNotContain("You're paused");
        }
    }

    @Test
    @DisplayName("the leaderboard lists only people who joined it from their App Home, and leaving takes them off")
    void shouldListOnlyWhoJoined() {
        post(ALICE, PROPOSED);
        post(BOB, PROPOSED);
        harness.command(ADMIN, STANDUP, "settings leaderboard on");
        assertThat(harness.command(BOB, STANDUP, "team")).doesNotContain(ALICE).doesNotContain(BOB);

        SimView home = openHome(ALICE, "[Join]");
        click(ALICE, home, "home_leaderboard", "show");
        home = awaitHome(ALICE, text -> text.contains("You're on the leaderboard"));
        assertThat(harness.command(BOB, STANDUP, "team")).contains(ALICE).doesNotContain(BOB);

        click(ALICE, home, "home_leaderboard", "hide");
        awaitHome(ALICE, text -> text.contains("You're off every leaderboard"));
        assertThat(harness.command(BOB, STANDUP, "team")).doesNotContain(ALICE);
    }

    @Test
    @DisplayName("nudges and prompts switch off and on from the App Home, each on its own")
    void shouldSwitchNudgesAndPrompts() {
        post(ALICE, PROPOSED);
        SimView home = openHome(ALICE, "Nudges about blockers without a next step: *on*");

        click(ALICE, home, "home_nudges", "off");
        home = awaitHome(
                ALICE,
                text -> text.contains("Nudges are off")
                        && text.contains("Nudges about blockers without a next step: *off*")
                        && text.contains("Scheduled prompts (learnings, risks, impact): *on*"));
        click(ALICE, home, "home_prompts", "off");
        home = awaitHome(
                ALICE,
                text -> text.contains("Prompts are off")
                        && text.contains("Scheduled prompts (learnings, risks, impact): *off*"));
        assertThat(harness.command(ALICE, STANDUP, "nudges on")).contains("Nudges are on again");

        harness.slack().appHomeOpened(ALICE);
        awaitHome(
                ALICE,
                text -> text.contains("Nudges about blockers without a next step: *on*")
                        && text.contains("Scheduled prompts (learnings, risks, impact): *off*"));
    }

    @Nested
    @DisplayName("for leads")
    class ForLeads {
        @BeforeEach
        void leads() {
            harness.command(ADMIN, STANDUP, "leads <@" + LEAD + "|lee>");
        }

        @Test
        @DisplayName("a lead gets a digest preview button, which sends the week so far privately")
        void shouldPreviewDigest() {
            SimView home = openHome(LEAD, "For leads");
            String[] button = buttonValue(home, "home_preview_digest").split("=");

            click(LEAD, home, button[0], button[1]);

            RecordedCall dm =
                    harness.sim().awaitCall("chat.postMessage", call -> LEAD.equals(call.param("channel")), WAIT);
            assertThat(dm.text()).contains("for the week so far").contains("Weekly digest · #standup");
        }

        @Test
        @DisplayName("someone else's crafted preview click is refused")
        void shouldRefuseNonLeads() {
            SimView leadHome = openHome(LEAD, "For leads");
            String[] button = buttonValue(leadHome, "home_preview_digest").split("=");
            SimView aliceHome = openHome(ALICE, "Your ownership");

            harness.slack().blockAction(ALICE, button[0], button[1], ActionSource.home(leadHome.id()));

            awaitHome(ALICE, text -> text.contains("The digest preview is for a team's leads"));
            assertThat(harness.sim().dmsTo(ALICE)).isEmpty();
            assertThat(aliceHome.readableText()).doesNotContain("For leads");
        }
    }
}
