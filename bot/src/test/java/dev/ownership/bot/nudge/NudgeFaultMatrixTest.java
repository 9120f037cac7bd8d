package dev.ownership.bot.nudge;

import static dev.ownership.bot.BotHarness.ALICE;
import static dev.ownership.bot.BotHarness.STANDUP;
import static dev.ownership.bot.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.bot.BotHarness;
import dev.ownership.bot.config.Config;
import dev.ownership.simulator.Fault;
import dev.ownership.storage.nudge.StandupPost;
import dev.ownership.storage.nudge.StandupRepository;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Web API method on the nudge's path, under each kind of fault ({@code users.info} is covered on the
 * command path, where its answer decides alone what happens, in {@code CommandFaultTest}): the nudge either arrives
 * exactly once and is recorded as sent (a post whose answer was lost, or that met a 5xx after Slack took it, is found
 * in the DM by its metadata and not posted again), or Slack refused it and it is recorded as failed.
 */
@DisplayName("nudge delivery under Web API faults")
class NudgeFaultMatrixTest {
    @RegisterExtension
    final BotHarness harness =
            new BotHarness().with(Config.OWNERSHIP_NUDGE_GRACE, "PT1M").withSlackTimeout(Duration.ofSeconds(1));

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("chat.getPermalink", Fault.rateLimited(1), 1),
                Arguments.of("chat.getPermalink", Fault.serverError(500), 1),
                Arguments.of("chat.getPermalink", Fault.delay(Duration.ofSeconds(3)), 1),
                Arguments.of("chat.getPermalink", Fault.error("message_not_found"), 1),
                Arguments.of("chat.postMessage", Fault.rateLimited(1), 1),
                Arguments.of("chat.postMessage", Fault.serverError(502), 1),
                Arguments.of("chat.postMessage", Fault.answerLost(Duration.ofSeconds(3)), 1),
                Arguments.of("chat.postMessage", Fault.serverErrorAfterHandling(503), 1),
                Arguments.of("chat.postMessage", Fault.error("cannot_dm_bot"), 0));
    }

    @ParameterizedTest(name = "{0} answering {1}: {2} DM")
    @MethodSource("faults")
    void shouldNudgeAtMostOnce(String method, Fault fault, int expectedDms) {
        harness.watchStandup();
        // Let what watching cached about people expire, so that delivery asks Slack again.
        harness.advance(Duration.ofMinutes(11));
        harness.sim().clearCalls();
        harness.sim().faults().failNext(method, fault);
        harness.slack().message(STANDUP, ALICE, "*Blockers:* waiting on the infra team for a database");

        harness.advance(Duration.ofMinutes(2));
        harness.sim().awaitCall(method, call -> call.httpStatus() != 0, WAIT);
        // The tick that met the fault has finished its delivery, lookups and retries included.
        harness.probe().awaitDueWorkPass(WAIT);
        harness.advance(Duration.ofMinutes(10));
        harness.advance(Duration.ofHours(1));

        String dm = harness.sim().workspace().dmChannelOf(ALICE);
        assertThat(harness.sim().history(dm).stream()
                        .filter(message ->
                                message.text() != null && message.text().contains("blocker")))
                .as("nudges as Slack has them")
                .hasSize(expectedDms);
        assertThat(new StandupRepository(harness.bot().database())
                        .byAuthor(STANDUP, ALICE, java.time.Instant.EPOCH)
                        .get(0)
                        .state())
                .isEqualTo(expectedDms == 1 ? StandupPost.State.NUDGED : StandupPost.State.FAILED);
    }
}
