package dev.ownership.bot.digest;

import static dev.ownership.bot.BotHarness.ADMIN;
import static dev.ownership.bot.BotHarness.ALICE;
import static dev.ownership.bot.BotHarness.BOB;
import static dev.ownership.bot.BotHarness.LEAD;
import static dev.ownership.bot.BotHarness.STANDUP;
import static dev.ownership.bot.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.bot.BotHarness;
import dev.ownership.simulator.RecordedCall;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("weekly digest, end to end through the simulator")
class DigestEndToEndTest {
    /** Monday 2026-11-30, 09:00 in Berlin: the default digest time, for the week of 23 November. */
    private static final Instant NEXT_MONDAY_NINE = Instant.parse("2026-11-30T08:00:00Z");

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    @BeforeEach
    void team() {
        harness.watchStandup();
        harness.command(ADMIN, STANDUP, "leads <@" + LEAD + "|lee> <@" + BOB + "|bob>");
        harness.slack().message(STANDUP, ALICE, "*Blockers:* waiting on the security review of the login flow");
        harness.slack().message(STANDUP, BOB, "*Blockers:* none");
        harness.advance(Duration.ofMinutes(11));
        harness.sim().awaitCall("chat.postMessage", call -> ALICE.equals(call.param("channel")), WAIT);
        harness.sim().clearCalls();
    }

    private RecordedCall awaitDigestTo(String user) {
        return harness.sim()
                .awaitCall(
                        "chat.postMessage",
                        call -> user.equals(call.param("channel"))
                                && call.text().contains("Weekly digest"),
                        WAIT);
    }

    private long digestsTo(String user) {
        return harness.sim().dmsTo(user).stream()
                .filter(call -> call.text().contains("Weekly digest"))
                .count();
    }

    @Test
    @DisplayName("reaches each lead once at the scheduled time, with figures, open blockers as links and the chart")
    void shouldDeliverOncePerLead() {
        harness.clock().set(NEXT_MONDAY_NINE.minusSeconds(60));
        harness.probe().awaitDueWorkPass(WAIT);
        assertThat(digestsTo(LEAD)).isZero();

        harness.advance(Duration.ofMinutes(1));
        RecordedCall toLead = awaitDigestTo(LEAD);
        awaitDigestTo(BOB);

        String digest = toLead.text();
        assertThat(digest)
                .contains("Weekly digest · #standup")
                .contains("Raised: *1*")
                .contains("Nudges sent: *1*")
                .contains("Still without a next step after 24 hours")
                .contains("@" + ALICE)
                .doesNotContain("security review");
        harness.sim().awaitCalls("files.completeUploadExternal", 2, WAIT);
        assertThat(harness.sim().calls("files.getUploadURLExternal")).hasSize(2);

        harness.advance(Duration.ofHours(1));
        harness.restart();
        harness.advance(Duration.ofHours(1));
        assertThat(digestsTo(LEAD)).isEqualTo(1);
        assertThat(digestsTo(BOB)).isEqualTo(1);
        assertThat(digestsTo(ALICE)).isZero();
    }

    @Test
    @DisplayName("goes to the admin who watched the channel when the team has no leads")
    void shouldFallBackToWatcher() {
        harness.command(ADMIN, STANDUP, "leads none");
        harness.clock().set(NEXT_MONDAY_NINE);
        harness.probe().awaitDueWorkPass(WAIT);

        awaitDigestTo(ADMIN);
        assertThat(digestsTo(LEAD)).isZero();
    }

    @Test
    @DisplayName("the preview reaches a lead privately, and a non-lead is refused with nothing leaked")
    void shouldPreviewForLeadsOnly() {
        String preview = harness.command(LEAD, STANDUP, "digest");

        assertThat(preview)
                .contains("week so far")
                .contains("Weekly digest · #standup")
                .contains("Raised: *1*");
        RecordedCall answer = harness.sim().calls("response_url").get(0);
        assertThat(answer.param("response_type")).isEqualTo("ephemeral");

        String refused = harness.command(ALICE, STANDUP, "digest");
        assertThat(refused)
                .contains("is for the people who look after the team")
                .doesNotContain("Raised");
        assertThat(harness.command(ADMIN, "D0ADMIN1", "digest <#" + STANDUP + "|standup>"))
                .contains("Raised: *1*");
        assertThat(harness.sim().calls("chat.postMessage")).isEmpty();
    }
}
