package dev.ownership.bot.learning;

import static dev.ownership.bot.BotHarness.ADMIN;
import static dev.ownership.bot.BotHarness.ALICE;
import static dev.ownership.bot.BotHarness.BOB;
import static dev.ownership.bot.BotHarness.LEAD;
import static dev.ownership.bot.BotHarness.STANDUP;
import static dev.ownership.bot.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ownership.bot.BotHarness;
import dev.ownership.simulator.ActionSource;
import dev.ownership.simulator.Fault;
import dev.ownership.simulator.RecordedCall;
import dev.ownership.simulator.SimChannel;
import dev.ownership.simulator.SimMessage;
import dev.ownership.simulator.SimUser;
import dev.ownership.simulator.SimView;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("the learnings library, end to end through the simulator")
class LearningsEndToEndTest {
    private static final String DAVE = "U0DAVE01";
    private static final String PLATFORM = "C0PLATFRM";
    private static final String RETRY = "Add a retry with jittered backoff around the payment client";
    private static final String FLAGS = "Feature flags want an owner and an expiry date";
    private static final String VAULT = "Vault tokens on platform expire hourly";

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    @BeforeEach
    void twoTeams() {
        harness.sim().workspace().addUser(SimUser.person(DAVE, "dave", "Europe/Berlin"));
        harness.sim().workspace().addChannel(SimChannel.publicChannel(PLATFORM, "platform", ADMIN, DAVE));
        harness.watchStandup();
        assertThat(harness.command(ADMIN, PLATFORM, "watch quiet")).contains("Now watching #platform");
        share(ALICE, STANDUP, RETRY);
        share(BOB, STANDUP, FLAGS);
        share(DAVE, PLATFORM, VAULT);
        harness.sim().clearCalls();
    }

    private void share(String user, String channel, String text) {
        assertThat(harness.command(user, channel, "learned " + text)).contains("Shared");
    }

    @Nested
    @DisplayName("/ownership learnings")
    class Command {
        @Test
        @DisplayName("finds a learning by a word's other form, with its author, date and a link to the post")
        void shouldFindByStem() {
            String answer = harness.command(BOB, STANDUP, "learnings retries");

            assertThat(answer)
                    .contains("Learnings in #standup about “retries”")
                    .contains(RETRY)
                    .contains("@" + ALICE + ", 23 Nov 2026")
                    .containsPattern("see the post \\(https?://\\S+/archives/" + STANDUP + "/p\\d+\\)")
                    .doesNotContain(FLAGS)
                    .doesNotContain(VAULT);
            assertThat(privateAnswers()).as("the answer is ephemeral").isNotEmpty();
        }

        @Test
        @DisplayName("with no words lists the latest first; falls back to some of the words when none has all")
        void shouldListLatestAndFallBack() {
            String latest = harness.command(ALICE, STANDUP, "learnings");
            String some = harness.command(ALICE, STANDUP, "learnings retry flags zebra");

            assertThat(latest).contains("The latest learnings in #standup").doesNotContain(VAULT);
            assertThat(latest.indexOf(FLAGS)).isLessThan(latest.indexOf(RETRY));
            assertThat(some)
                    .contains("has all of “retry flags zebra”")
                    .contains(RETRY)
                    .contains(FLAGS);
        }

        @Test
        @DisplayName("quotes, operators and stray punctuation are searched as words, never an error")
        void shouldSurviveHostileWords() {
            assertThat(harness.command(BOB, STANDUP, "learnings \"retry* AND (backoff"))
                    .contains(RETRY);
            assertThat(harness.command(BOB, STANDUP, "learnings NEAR(flags text:owner"))
                    .contains(FLAGS);
            assertThat(harness.command(BOB, STANDUP, "learnings ???")).contains("I search by words");
            assertThat(harness.command(BOB, STANDUP, "learnings zebra")).contains("No learning in #standup mentions");
        }

        @Test
        @DisplayName("a channel named reads that team's library, for its members and leads")
        void shouldReadTheNamedTeam() {
            assertThat(harness.command(DAVE, PLATFORM, "learnings vault"))
                    .contains(VAULT)
                    .doesNotContain(RETRY);
            assertThat(harness.command(ALICE, PLATFORM, "learnings retry in <#" + STANDUP + "|standup>"))
                    .contains(RETRY);
        }

        @Test
        @DisplayName("is refused politely in a team the person is not in, showing nothing of it")
        void shouldRefuseOutsiders() {
            String named = harness.command(DAVE, PLATFORM, "learnings retry <#" + STANDUP + "|standup>");
            String here = harness.command(BOB, PLATFORM, "learnings");

            assertThat(named)
                    .contains("The learnings of #standup are for the people in it")
                    .doesNotContain(RETRY)
                    .doesNotContain(FLAGS);
            assertThat(here)
                    .contains("The learnings of #platform are for the people in it")
                    .doesNotContain(VAULT);
            assertThat(harness.command(LEAD, STANDUP, "learnings retry"))
                    .as("a member of the channel reads it")
                    .contains(RETRY);
        }

        @Test
        @DisplayName("forget-me takes the person's learnings out of the library")
        void shouldForgetThePerson() {
            assertThat(harness.command(ALICE, STANDUP, "forget-me")).contains("Erase everything I store about you?");
            List<SimMessage> shown = harness.sim().ephemerals(STANDUP).stream()
                    .filter(message -> ALICE.equals(message.user()))
                    .toList();
            int before = harness.sim().calls("response_url").size();
            harness.slack()
                    .blockAction(
                            ALICE,
                            "forget_me_confirm",
                            null,
                            ActionSource.ephemeral(
                                    STANDUP, shown.get(shown.size() - 1).ts()));
            assertThat(harness.sim()
                            .awaitCalls("response_url", before + 1, WAIT)
                            .get(before)
                            .text())
                    .contains("Done: I erased everything");

            assertThat(harness.command(BOB, STANDUP, "learnings retry")).contains("No learning in #standup mentions");
            assertThat(harness.command(BOB, STANDUP, "learnings"))
                    .contains(FLAGS)
                    .doesNotContain(RETRY);
        }

        private List<RecordedCall> privateAnswers() {
            return harness.sim().calls("response_url").stream()
                    .filter(call -> "ephemeral".equals(call.param("response_type")))
                    .toList();
        }
    }

    @Nested
    @DisplayName("the App Home")
    class Home {
        private SimView openHome(String user) {
            harness.slack().appHomeOpened(user);
            harness.sim()
                    .awaitCall(
                            "views.publish",
                            call -> user.equals(call.param("user_id"))
                                    && call.text().contains("Team learnings"),
                            WAIT);
            return harness.sim().homeView(user).orElseThrow();
        }

        private String openSearch(String user) {
            SimView home = openHome(user);
            harness.slack().blockAction(user, "learnings_search_open", null, ActionSource.home(home.id()));
            RecordedCall opened = harness.sim().awaitCall("views.open", WAIT);
            assertThat(opened.text()).contains("Team learnings").contains("Words to look for");
            return opened.response().path("view").path("id").asText();
        }

        @Test
        @DisplayName("shows the latest learnings of the person's teams and a search button")
        void shouldShowTeamLearnings() {
            SimView home = openHome(ALICE);

            assertThat(home.readableText())
                    .contains("Team learnings")
                    .contains(FLAGS)
                    .contains(RETRY)
                    .contains("Search learnings")
                    .doesNotContain(VAULT);
        }

        @Test
        @DisplayName("the search modal opens with the latest and answers each search in place, privately")
        void shouldSearchInTheModal() {
            String viewId = openSearch(ALICE);
            assertThat(harness.sim().view(viewId).orElseThrow().readableText())
                    .contains(RETRY)
                    .contains(FLAGS);

            HttpResponse<String> searched = harness.slack()
                    .viewSubmission(
                            ALICE, viewId, Map.of("learnings_words", Map.of("learnings_words_input", "retries")));

            assertThat(searched.statusCode()).isEqualTo(200);
            assertThat(searched.body()).contains("\"response_action\":\"update\"");
            String shown = harness.sim().view(viewId).orElseThrow().readableText();
            assertThat(shown).contains("about “retries”").contains(RETRY).doesNotContain(FLAGS);
            assertThat(harness.sim().calls("chat.postMessage"))
                    .as("nothing is posted anywhere")
                    .isEmpty();
        }

        @Test
        @DisplayName("with Slack slow to give permalinks, the modal still answers well within its three seconds")
        void shouldAnswerInTimeWhenPermalinksAreSlow() {
            String viewId = openSearch(ALICE);
            harness.restart();
            Duration slow = Duration.ofMillis(2_500);
            harness.sim().faults().failAlways("chat.getPermalink", Fault.delay(slow));
            Map<String, Map<String, String>> latest = Map.of("learnings_words", Map.of("learnings_words_input", ""));

            long started = System.nanoTime();
            HttpResponse<String> searched = harness.slack().viewSubmission(ALICE, viewId, latest);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(searched.body()).contains("\"response_action\":\"update\"");
            assertThat(took)
                    .as("never waits out a slow permalink, let alone two")
                    .isLessThan(slow);
            String shown = harness.sim().view(viewId).orElseThrow().readableText();
            assertThat(shown).contains(RETRY).contains(FLAGS).doesNotContain("/archives/");

            harness.sim().awaitCalls("chat.getPermalink", 2, WAIT);
            harness.sim().faults().clear("chat.getPermalink");
            harness.slack().viewSubmission(ALICE, viewId, latest);
            assertThat(harness.sim().view(viewId).orElseThrow().readableText()).contains("/archives/" + STANDUP);
        }

        @Test
        @DisplayName("a crafted team that is not the person's is refused in the modal, showing nothing of it")
        void shouldRefuseACraftedTeam() {
            String viewId = openSearch(BOB);
            ObjectNode state = JsonNodeFactory.instance.objectNode();
            state.putObject("learnings_words")
                    .putObject("learnings_words_input")
                    .put("type", "plain_text_input")
                    .put("value", "vault");
            state.putObject("learnings_team")
                    .putObject("learnings_team_input")
                    .put("type", "static_select")
                    .putObject("selected_option")
                    .put("value", PLATFORM);

            HttpResponse<String> crafted = harness.slack().viewSubmission(BOB, viewId, state);

            assertThat(crafted.body())
                    .contains("\"response_action\":\"errors\"")
                    .contains("You can search only the teams you")
                    .doesNotContain(VAULT);
            assertThat(harness.sim().view(viewId).orElseThrow().readableText()).doesNotContain(VAULT);
        }
    }
}
