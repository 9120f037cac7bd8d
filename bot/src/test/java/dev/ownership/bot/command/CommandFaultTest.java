package dev.ownership.bot.command;

import static dev.ownership.bot.BotHarness.ADMIN;
import static dev.ownership.bot.BotHarness.STANDUP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.bot.BotHarness;
import dev.ownership.simulator.Fault;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Web API calls behind an admin command under each kind of fault: the command either succeeds after waiting,
 * or is answered with a clear refusal and changes nothing.
 */
@DisplayName("admin commands under Web API faults")
class CommandFaultTest {
    @RegisterExtension
    final BotHarness harness = new BotHarness().withSlackTimeout(Duration.ofSeconds(1));

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("users.info", Fault.rateLimited(1), true),
                Arguments.of("users.info", Fault.serverError(503), true),
                Arguments.of("users.info", Fault.delay(Duration.ofSeconds(3)), true),
                Arguments.of("users.info", Fault.error("user_not_found"), false),
                Arguments.of("conversations.info", Fault.rateLimited(1), true),
                Arguments.of("conversations.info", Fault.serverError(500), true),
                Arguments.of("conversations.info", Fault.delay(Duration.ofSeconds(3)), true),
                Arguments.of("conversations.info", Fault.error("channel_not_found"), false),
                Arguments.of("conversations.join", Fault.rateLimited(1), true),
                Arguments.of("conversations.join", Fault.serverError(502), true),
                Arguments.of("conversations.join", Fault.error("method_not_supported_for_channel_type"), false),
                Arguments.of("response_url", Fault.serverError(503), true));
    }

    @ParameterizedTest(name = "{0} answering {1}: watched = {2}")
    @MethodSource("faults")
    void shouldWatchOnceOrRefuse(String method, Fault fault, boolean watched) {
        harness.sim().faults().failNext(method, fault);

        String answer = harness.command(ADMIN, STANDUP, "watch");

        if (watched) {
            assertThat(answer).contains("Now watching #standup");
            assertThat(harness.command(ADMIN, STANDUP, "settings")).contains("Settings of #standup");
        } else {
            assertThat(answer).doesNotContain("Now watching");
            assertThat(harness.command(ADMIN, STANDUP, "settings")).contains("not watching");
        }
        assertThat(harness.sim().calls("conversations.join").stream().filter(call -> call.ok()))
                .hasSizeLessThanOrEqualTo(1);
    }
}
