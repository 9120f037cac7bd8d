package dev.ownership.bot.installation;

import static dev.ownership.bot.BotHarness.ADMIN;
import static dev.ownership.bot.BotHarness.ALICE;
import static dev.ownership.bot.BotHarness.LEAD;
import static dev.ownership.bot.BotHarness.STANDUP;
import static dev.ownership.bot.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ownership.bot.BotHarness;
import dev.ownership.bot.config.Config;
import dev.ownership.simulator.EventDelivery;
import dev.ownership.simulator.RecordedCall;
import dev.ownership.simulator.SimChannel;
import dev.ownership.simulator.SlackSimulator;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Slack says about the installation, through the simulator and the real bot: the app uninstalled or its token
 * revoked stops all scheduled work, across restarts, until a new token; a watched channel archived or removing the bot
 * is unwatched with one DM to the admin who set it up.
 */
@DisplayName("installation events, end to end through the simulator")
class InstallationEndToEndTest {
    private static final String BLOCKER = "*Today:* billing retries\n*Blockers:* waiting on a review of my PR #412";
    /** Friday 2026-11-27, 15:00 in Berlin: the default learning prompt's time there. */
    private static final Instant FRIDAY_BERLIN = Instant.parse("2026-11-27T14:00:00Z");

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    @BeforeEach
    void watch() {
        harness.watchStandup();
        harness.probe().awaitBackgroundWork(WAIT);
        harness.sim().clearCalls();
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + harness.bot().port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }

    /**
     * Everything scheduled that talks to Slack, at its time: a due nudge, a prompt and the weekly digest. Quartz no
     * longer fires the due-work tick (it runs every 40 ms in tests: none in a second); the prompt work that its
     * triggers would call is called directly, as Quartz would.
     */
    private void runEverythingScheduled() {
        harness.slack().message(STANDUP, ALICE, BLOCKER);
        harness.clock().advance(Duration.ofMinutes(11));
        assertThatThrownBy(() -> harness.probe().awaitDueWorkPass(Duration.ofSeconds(1)))
                .as("a due-work tick after the revocation")
                .hasMessageContaining("No due-work pass");
        harness.clock().set(FRIDAY_BERLIN);
        harness.probe().prompts().sendDue(STANDUP, "learning", ZoneId.of("Europe/Berlin"), FRIDAY_BERLIN);
        harness.probe().prompts().catchUp();
        harness.probe().prompts().refreshMembers();
        harness.clock().set(Instant.parse("2026-11-30T08:30:00Z")); // Monday, after the digest time in Berlin
        harness.probe().awaitBackgroundWork(WAIT);
    }

    private List<String> methodsCalled() {
        return harness.sim().calls().stream().map(RecordedCall::method).toList();
    }

    private Team standup() {
        return new TeamRepository(harness.bot().database()).find(STANDUP).orElseThrow();
    }

    @Nested
    @DisplayName("when Slack revokes the bot's access")
    class Revoked {
        @Test
        @DisplayName("app_uninstalled stops every nudge, prompt and digest; health still answers and says so")
        void shouldStopAllScheduledWorkWhenUninstalled() throws Exception {
            EventDelivery uninstalled = harness.slack().appUninstalled();
            assertThat(uninstalled.status()).isEqualTo(200);
            harness.slack().redeliver(uninstalled, 1, "http_timeout");

            runEverythingScheduled();

            assertThat(methodsCalled()).as("Web API calls after the uninstall").isEmpty();
            assertThat(get("/healthz"))
                    .contains("\"status\":\"ok\"")
                    .contains("\"slack\":\"revoked\"")
                    .contains("\"reason\":\"app_uninstalled\"");
            String metrics = get("/metrics");
            assertThat(metrics).contains("ownership_slack_access_revoked 1.0");
            assertThat(metrics).contains("ownership_slack_access_revocations_total{reason=\"app_uninstalled\"} 1.0");
        }

        @Test
        @DisplayName("the stop survives a restart with the same token; a refused token says why; a new token resumes")
        void shouldKeepTheStopUntilANewToken() throws Exception {
            harness.slack().appUninstalled();

            harness.restart();
            runEverythingScheduled();
            assertThat(methodsCalled())
                    .as("after a restart with the same token")
                    .containsOnly("auth.test");
            assertThat(get("/metrics")).contains("ownership_slack_access_revoked 1.0");

            harness.sim().revokeBotTokens();
            assertThatThrownBy(harness::restart)
                    .hasMessageContaining("token_revoked")
                    .hasMessageContaining("the app was uninstalled")
                    .hasMessageContaining("SLACK_BOT_TOKEN");

            harness.sim().clearCalls();
            harness.restartWith(Config.SLACK_BOT_TOKEN, harness.sim().reinstall());
            assertThat(get("/healthz")).contains("\"slack\":\"ok\"");
            assertThat(get("/metrics")).contains("ownership_slack_access_revoked 0.0");
            Instant nextFriday = FRIDAY_BERLIN.plus(Duration.ofDays(7));
            harness.clock().set(nextFriday);
            harness.probe().awaitDueWorkPass(WAIT);
            harness.probe().prompts().sendDue(STANDUP, "learning", ZoneId.of("Europe/Berlin"), nextFriday);
            assertThat(harness.sim().dmsTo(ALICE))
                    .extracting(RecordedCall::text)
                    .as("the learning prompt after the reinstall, but not the week-old nudge held back meanwhile")
                    .hasSize(1)
                    .noneMatch(text -> text.contains("blocker"))
                    .anyMatch(text -> text.contains("What did you learn this week?"));
            assertThat(get("/metrics")).contains("ownership_nudges_suppressed_total{reason=\"stale\"} 1.0");
        }

        @Test
        @DisplayName("tokens_revoked stops the work only when it names the bot's own token")
        void shouldStopOnlyForTheBotsOwnToken() throws Exception {
            harness.slack().tokensRevoked("U0SOMEONE");
            harness.slack().message(STANDUP, ALICE, BLOCKER);
            harness.advance(Duration.ofMinutes(11));
            harness.sim().awaitCall("chat.postMessage", call -> ALICE.equals(call.param("channel")), WAIT);
            harness.sim().clearCalls();

            harness.slack().tokensRevoked(SlackSimulator.BOT_USER_ID);
            runEverythingScheduled();

            assertThat(methodsCalled()).as("Web API calls after the revocation").isEmpty();
            assertThat(get("/healthz")).contains("\"reason\":\"tokens_revoked\"");
        }
    }

    @Nested
    @DisplayName("when a watched channel goes away")
    class ChannelGone {
        private List<RecordedCall> dmsToAdmin() {
            return harness.sim().dmsTo(ADMIN);
        }

        @Test
        @DisplayName("an archived channel is unwatched, its settings kept, and its admin told once, retries included")
        void shouldUnwatchAnArchivedChannel() {
            harness.command(ADMIN, STANDUP, "leads <@" + LEAD + "|lee>");
            harness.sim().clearCalls();

            EventDelivery archived = harness.slack().archive(STANDUP, LEAD);
            harness.probe().awaitBackgroundWork(WAIT);
            harness.slack().redeliver(archived, 1, "http_timeout");
            harness.probe().awaitBackgroundWork(WAIT);

            assertThat(dmsToAdmin()).hasSize(1);
            assertThat(dmsToAdmin().get(0).text())
                    .contains("#standup was archived")
                    .contains("stopped watching")
                    .contains("`/ownership watch`");
            assertThat(standup().watched()).isFalse();
            assertThat(standup().leads()).containsExactly(LEAD);

            harness.slack().message(STANDUP, ALICE, BLOCKER);
            harness.advance(Duration.ofMinutes(11));
            harness.probe().awaitBackgroundWork(WAIT);
            assertThat(harness.sim().dmsTo(ALICE))
                    .as("no nudge in an unwatched channel")
                    .isEmpty();
        }

        @Test
        @DisplayName("a channel that removes the bot is unwatched with one DM, though Slack sends two events")
        void shouldUnwatchWhenTheBotIsRemoved() {
            List<EventDelivery> events = harness.slack().removeBot(STANDUP, LEAD);
            harness.probe().awaitBackgroundWork(WAIT);
            events.forEach(event -> harness.slack().redeliver(event, 1, "http_timeout"));
            harness.probe().awaitBackgroundWork(WAIT);

            assertThat(dmsToAdmin()).hasSize(1);
            assertThat(dmsToAdmin().get(0).text())
                    .contains("I was removed from #standup")
                    .contains("`/invite @ownership`")
                    .contains("`/ownership watch`");
            assertThat(standup().watched()).isFalse();

            harness.sim().workspace().join(STANDUP, SlackSimulator.BOT_USER_ID);
            assertThat(harness.command(ADMIN, STANDUP, "watch")).contains("Now watching #standup");
        }

        @Test
        @DisplayName("a private channel archived (group_archive) is unwatched the same way")
        void shouldUnwatchAnArchivedPrivateChannel() {
            harness.sim()
                    .workspace()
                    .addChannel(SimChannel.privateChannel(
                            "G0PRIVATE", "secret-standup", ADMIN, ALICE, SlackSimulator.BOT_USER_ID));
            assertThat(harness.command(ADMIN, "G0PRIVATE", "watch")).contains("Now watching #secret-standup");
            harness.probe().awaitBackgroundWork(WAIT);
            harness.sim().clearCalls();

            harness.slack().archive("G0PRIVATE", ADMIN);
            harness.probe().awaitBackgroundWork(WAIT);

            assertThat(dmsToAdmin()).hasSize(1);
            assertThat(dmsToAdmin().get(0).text()).contains("#secret-standup was archived");
            assertThat(new TeamRepository(harness.bot().database())
                            .find("G0PRIVATE")
                            .orElseThrow()
                            .watched())
                    .isFalse();
            assertThat(standup().watched()).as("the other team").isTrue();
        }

        @Test
        @DisplayName("a channel nobody watches going away sends nothing")
        void shouldIgnoreUnwatchedChannels() {
            harness.command(ADMIN, STANDUP, "unwatch");
            harness.sim().clearCalls();

            harness.slack().archive(STANDUP, LEAD);
            harness.slack().removeBot(STANDUP, LEAD);
            harness.probe().awaitBackgroundWork(WAIT);

            assertThat(harness.sim().calls("chat.postMessage")).isEmpty();
        }
    }
}
