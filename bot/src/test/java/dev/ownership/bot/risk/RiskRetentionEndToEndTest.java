package dev.ownership.bot.risk;

import static dev.ownership.bot.BotHarness.ADMIN;
import static dev.ownership.bot.BotHarness.ALICE;
import static dev.ownership.bot.BotHarness.BOB;
import static dev.ownership.bot.BotHarness.LEAD;
import static dev.ownership.bot.BotHarness.MONDAY_MORNING;
import static dev.ownership.bot.BotHarness.STANDUP;
import static dev.ownership.bot.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.bot.BotHarness;
import dev.ownership.bot.config.Config;
import dev.ownership.simulator.ActionSource;
import dev.ownership.simulator.SimMessage;
import dev.ownership.storage.risk.RegisterEntry;
import dev.ownership.storage.risk.RiskRegisterRepository;
import dev.ownership.storage.risk.RiskStatus;
import dev.ownership.storage.testing.Rows;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("the risk register under retention, end to end through the simulator")
class RiskRetentionEndToEndTest {
    @RegisterExtension
    final BotHarness harness = new BotHarness().with(Config.OWNERSHIP_RETENTION, "P30D");

    @Test
    @DisplayName("prunes a risk nobody touched for the retention period, keeps one worked on recently")
    void shouldPruneUntouchedRisks() {
        harness.watchStandup();
        harness.command(ADMIN, STANDUP, "leads <@" + LEAD + "|lee>");
        RiskRegisterRepository entries =
                new RiskRegisterRepository(harness.bot().database());
        harness.command(ALICE, STANDUP, "risk The vendor retires v1 on Dec 15");
        harness.command(BOB, STANDUP, "risk Nobody owns the on-call rota after Jan 1");
        long bobs = entries.liveBy(BOB).get(0).riskId();
        harness.clock().set(MONDAY_MORNING.plus(Duration.ofDays(29)));
        harness.command(BOB, STANDUP, "risks");
        List<SimMessage> shown = harness.sim().ephemerals(STANDUP).stream()
                .filter(message -> BOB.equals(message.user()))
                .toList();
        harness.slack()
                .blockAction(
                        BOB,
                        RiskRegister.SET_MITIGATING,
                        Long.toString(bobs),
                        ActionSource.ephemeral(
                                STANDUP, shown.get(shown.size() - 1).ts()));
        harness.probe().awaitBackgroundWork(WAIT);
        assertThat(entries.find(bobs).orElseThrow().status()).isEqualTo(RiskStatus.MITIGATING);
        harness.clock().set(MONDAY_MORNING.plus(Duration.ofDays(31)));

        harness.bot().runDailyMaintenance();

        assertThat(entries.liveIn(STANDUP))
                .extracting(RegisterEntry::text)
                .containsExactly("Nobody owns the on-call rota after Jan 1");
        assertThat(new Rows(harness.bot().database()).cellsContaining(ALICE))
                .doesNotContain("risk_register.user_id", "risks.user_id", "risk_changes.changed_by");
    }
}
