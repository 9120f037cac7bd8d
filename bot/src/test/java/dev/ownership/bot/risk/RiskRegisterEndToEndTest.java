package dev.ownership.bot.risk;

import static dev.ownership.bot.BotHarness.ADMIN;
import static dev.ownership.bot.BotHarness.ALICE;
import static dev.ownership.bot.BotHarness.BOB;
import static dev.ownership.bot.BotHarness.LEAD;
import static dev.ownership.bot.BotHarness.STANDUP;
import static dev.ownership.bot.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.bot.BotHarness;
import dev.ownership.simulator.ActionSource;
import dev.ownership.simulator.RecordedCall;
import dev.ownership.simulator.SimMessage;
import dev.ownership.storage.risk.RegisterEntry;
import dev.ownership.storage.risk.RiskRegisterRepository;
import dev.ownership.storage.risk.RiskStatus;
import dev.ownership.storage.testing.Rows;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The risk register through the Slack simulator and the real bot. #standup has an admin, a lead (lee) and three
 * engineers: the admin, lee and alice in Berlin, bob in New York, chen in Tokyo. The clock starts on Monday
 * 2026-11-23 at 10:00 in Berlin.
 */
@DisplayName("the risk register, end to end through the simulator")
class RiskRegisterEndToEndTest {
    private static final String ALICES_RISK = "The vendor retires the v1 API on Dec 15 and billing still uses it";
    private static final String BOBS_RISK = "Nobody owns the on-call rota after Jan 1";
    private static final String QUESTION = "Is this risk still open?";
    private static final Duration WEEK = Duration.ofDays(7);

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    @BeforeEach
    void team() {
        harness.watchStandup();
        assertThat(harness.command(ADMIN, STANDUP, "leads <@" + LEAD + "|lee>")).contains("Leads of #standup");
        harness.sim().clearCalls();
    }

    private RiskRegisterRepository register() {
        return new RiskRegisterRepository(harness.bot().database());
    }

    /** Flags a risk with {@code /ownership risk} and returns its id. */
    private long flag(String user, String text) {
        assertThat(harness.command(user, STANDUP, "risk " + text)).contains("Sent privately to");
        return register().liveBy(user).stream()
                .filter(entry -> entry.text().equals(text))
                .findFirst()
                .orElseThrow()
                .riskId();
    }

    private RegisterEntry entry(long id) {
        return register().find(id).orElseThrow();
    }

    private List<RecordedCall> checkinsTo(String user) {
        return harness.sim().dmsTo(user).stream()
                .filter(call -> call.text().contains(QUESTION))
                .toList();
    }

    /** Waits for the {@code count}-th check-in to {@code user} and returns it; fails if more arrived. */
    private RecordedCall awaitCheckinTo(String user, int count) {
        while (true) {
            int posted = harness.sim().calls("chat.postMessage").size();
            if (checkinsTo(user).size() >= count) {
                break;
            }
            harness.sim().awaitCalls("chat.postMessage", posted + 1, WAIT);
        }
        List<RecordedCall> checkins = checkinsTo(user);
        assertThat(checkins).hasSize(count);
        return checkins.get(count - 1);
    }

    private RecordedCall awaitUpdateOf(RecordedCall message) {
        String ts = message.response().path("ts").asText();
        return harness.sim().awaitCall("chat.update", call -> ts.equals(call.param("ts")), WAIT);
    }

    /** The last private answer {@code user} saw in #standup, as the simulator holds it. */
    private SimMessage lastEphemeral(String user) {
        List<SimMessage> shown = harness.sim().ephemerals(STANDUP).stream()
                .filter(message -> user.equals(message.user()))
                .toList();
        return shown.get(shown.size() - 1);
    }

    /** {@code user} clicks {@code actionId} with {@code value} under a private answer and gets the reply. */
    private RecordedCall clickUnder(SimMessage message, String user, String actionId, long value) {
        int before = harness.sim().calls("response_url").size();
        HttpResponse<String> ack = harness.slack()
                .blockAction(user, actionId, Long.toString(value), ActionSource.ephemeral(STANDUP, message.ts()));
        assertThat(ack.statusCode()).isEqualTo(200);
        return harness.sim().awaitCalls("response_url", before + 1, WAIT).get(before);
    }

    /** {@code user} clicks {@code actionId} with {@code value} on a DM the bot sent, and gets the private reply. */
    private RecordedCall clickOn(RecordedCall dm, String user, String actionId, long value) {
        int before = harness.sim().calls("response_url").size();
        harness.slack()
                .blockAction(
                        user,
                        actionId,
                        Long.toString(value),
                        ActionSource.message(
                                dm.response().path("channel").asText(),
                                dm.response().path("ts").asText()));
        return harness.sim().awaitCalls("response_url", before + 1, WAIT).get(before);
    }

    private String openStillOpenModal(String user, RecordedCall checkin) {
        int before = harness.sim().calls("views.open").size();
        harness.slack().clickButton(user, checkin, RiskRegister.CHECKIN_STILL_OPEN);
        return harness.sim()
                .awaitCalls("views.open", before + 1, WAIT)
                .get(before)
                .response()
                .path("view")
                .path("id")
                .asText();
    }

    @Nested
    @DisplayName("the check-in")
    class Checkin {
        @Test
        @DisplayName(
                "asks the author privately after 7 days, not before, and once: restarts neither lose nor repeat it")
        void shouldCheckInOnceAfterTheFollowupPeriod() {
            long id = flag(ALICE, ALICES_RISK);
            assertThat(entry(id).status()).isEqualTo(RiskStatus.OPEN);

            harness.advance(Duration.ofDays(6));
            assertThat(checkinsTo(ALICE)).isEmpty();

            harness.restart();
            harness.advance(Duration.ofDays(1));
            RecordedCall checkin = awaitCheckinTo(ALICE, 1);
            assertThat(checkin.text())
                    .contains(QUESTION)
                    .contains(ALICES_RISK)
                    .contains("#standup 7 days ago (Mon 23 Nov)")
                    .contains("Resolved")
                    .contains("Still open")
                    .contains("Accepted");
            assertThat(checkinsTo(LEAD)).isEmpty();
            assertThat(checkinsTo(BOB)).isEmpty();

            harness.restart();
            harness.advance(Duration.ofHours(1));
            harness.advance(Duration.ofDays(1));
            assertThat(checkinsTo(ALICE)).hasSize(1);
        }

        @Test
        @DisplayName("Resolved closes the risk: the DM says so, and no check-in follows")
        void shouldResolve() {
            long id = flag(ALICE, ALICES_RISK);
            harness.advance(WEEK);
            RecordedCall checkin = awaitCheckinTo(ALICE, 1);

            harness.slack().clickButton(ALICE, checkin, RiskRegister.CHECKIN_RESOLVED);

            assertThat(awaitUpdateOf(checkin).text())
                    .contains("Resolved")
                    .contains("Thanks for closing the loop")
                    .contains(ALICES_RISK);
            assertThat(entry(id).status()).isEqualTo(RiskStatus.RESOLVED);
            assertThat(entry(id).statusAt()).isEqualTo(harness.clock().instant());
            harness.advance(WEEK.plusDays(1));
            assertThat(checkinsTo(ALICE)).hasSize(1);
        }

        @Test
        @DisplayName("a lead resolving the risk settles the author's check-in too, naming the lead and thanking nobody")
        void shouldSettleTheCheckinWhenALeadResolves() {
            long id = flag(ALICE, ALICES_RISK);
            harness.advance(WEEK);
            RecordedCall checkin = awaitCheckinTo(ALICE, 1);
            harness.command(LEAD, STANDUP, "risks");

            clickUnder(lastEphemeral(LEAD), LEAD, RiskRegister.SET_RESOLVED, id);

            assertThat(awaitUpdateOf(checkin).text())
                    .contains("Resolved* by <@" + LEAD + ">")
                    .contains(ALICES_RISK)
                    .doesNotContain("Thanks");
            assertThat(entry(id).status()).isEqualTo(RiskStatus.RESOLVED);
        }

        @Test
        @DisplayName("Accepted closes the risk as accepted")
        void shouldAccept() {
            long id = flag(ALICE, ALICES_RISK);
            harness.advance(WEEK);
            RecordedCall checkin = awaitCheckinTo(ALICE, 1);

            harness.slack().clickButton(ALICE, checkin, RiskRegister.CHECKIN_ACCEPTED);

            assertThat(awaitUpdateOf(checkin).text()).contains("Accepted");
            assertThat(entry(id).status()).isEqualTo(RiskStatus.ACCEPTED);
            assertThat(entry(id).checkinDue()).isNull();
        }

        @Test
        @DisplayName("Still open with a note makes it mitigating, and the next check-in comes a period later")
        void shouldMitigateWithANote() {
            long id = flag(ALICE, ALICES_RISK);
            harness.advance(WEEK);
            RecordedCall checkin = awaitCheckinTo(ALICE, 1);

            String viewId = openStillOpenModal(ALICE, checkin);
            HttpResponse<String> saved = harness.slack()
                    .viewSubmission(
                            ALICE, viewId, Map.of("risk_note", Map.of("risk_note_input", "Moving billing to v2")));

            assertThat(saved.statusCode()).isEqualTo(200);
            assertThat(awaitUpdateOf(checkin).text()).contains("Mitigating").contains("Moving billing to v2");
            assertThat(entry(id).status()).isEqualTo(RiskStatus.MITIGATING);
            assertThat(entry(id).note()).isEqualTo("Moving billing to v2");
            harness.advance(Duration.ofDays(6));
            assertThat(checkinsTo(ALICE)).hasSize(1);
            harness.advance(Duration.ofDays(1));
            assertThat(awaitCheckinTo(ALICE, 2).text()).contains("It's *mitigating*: Moving billing to v2");
        }

        @Test
        @DisplayName("Still open without a note keeps the status and records the answer")
        void shouldStayOpenWithoutANote() {
            long id = flag(ALICE, ALICES_RISK);
            harness.advance(WEEK);
            RecordedCall checkin = awaitCheckinTo(ALICE, 1);

            String viewId = openStillOpenModal(ALICE, checkin);
            harness.slack().viewSubmission(ALICE, viewId, Map.of());

            assertThat(awaitUpdateOf(checkin).text()).contains("Still open").contains("again in 7 days");
            assertThat(entry(id).status()).isEqualTo(RiskStatus.OPEN);
            assertThat(register().changes(id))
                    .extracting(RiskRegisterRepository.Change::via)
                    .containsExactly("flagged", "checkin");
        }

        @Test
        @DisplayName("a note over 2,000 characters is refused inside the modal and changes nothing")
        void shouldRefuseALongNote() {
            long id = flag(ALICE, ALICES_RISK);
            harness.advance(WEEK);
            String viewId = openStillOpenModal(ALICE, awaitCheckinTo(ALICE, 1));

            HttpResponse<String> refused = harness.slack()
                    .viewSubmission(ALICE, viewId, Map.of("risk_note", Map.of("risk_note_input", "x".repeat(2_001))));

            assertThat(refused.body())
                    .contains("\"response_action\":\"errors\"")
                    .contains("under 2000 characters");
            harness.probe().awaitBackgroundWork(WAIT);
            assertThat(entry(id).status()).isEqualTo(RiskStatus.OPEN);
        }

        @Test
        @DisplayName("is held to the author's working hours in their own timezone")
        void shouldWaitForWorkingHours() {
            // 09:00 UTC is 04:00 in New York: the check-in waits for 09:00 there.
            flag(BOB, BOBS_RISK);

            harness.advance(WEEK);
            assertThat(checkinsTo(BOB)).isEmpty();
            harness.advance(Duration.ofHours(4));
            assertThat(checkinsTo(BOB)).isEmpty();
            harness.advance(Duration.ofHours(1));
            assertThat(awaitCheckinTo(BOB, 1).text()).contains(BOBS_RISK);
        }

        @Test
        @DisplayName("waits while the author is paused, and goes out the working day after the pause")
        void shouldWaitForAPause() {
            flag(ALICE, ALICES_RISK);
            assertThat(harness.command(ALICE, STANDUP, "pause until 2026-12-02"))
                    .contains("Paused");

            harness.advance(WEEK);
            assertThat(checkinsTo(ALICE)).isEmpty();
            harness.advance(Duration.ofDays(2));
            assertThat(awaitCheckinTo(ALICE, 1).text()).contains(ALICES_RISK);
        }
    }

    @Nested
    @DisplayName("/ownership risks")
    class Register {
        @Test
        @DisplayName("shows a lead the team's open risks, oldest first, with age and status, and lets them resolve one")
        void shouldLetALeadChangeStatus() {
            long alices = flag(ALICE, ALICES_RISK);
            harness.advance(Duration.ofDays(2));
            flag(BOB, BOBS_RISK);

            String shown = harness.command(LEAD, STANDUP, "risks");

            assertThat(shown).contains("Open risks in #standup").contains("(2)");
            assertThat(shown.indexOf(ALICES_RISK)).isLessThan(shown.indexOf(BOBS_RISK));
            assertThat(shown).contains("*open* · 2 days").contains("*open* · under a day");
            RecordedCall answer = clickUnder(lastEphemeral(LEAD), LEAD, RiskRegister.SET_RESOLVED, alices);

            assertThat(answer.text())
                    .contains("Resolved* by <@" + LEAD + ">")
                    .contains(ALICES_RISK)
                    .as("only the author is thanked for closing it")
                    .doesNotContain("Thanks");
            assertThat(answer.param("response_type")).isEqualTo("ephemeral");
            assertThat(entry(alices).status()).isEqualTo(RiskStatus.RESOLVED);
            assertThat(register().changes(alices))
                    .extracting(RiskRegisterRepository.Change::changedBy)
                    .containsExactly(ALICE, LEAD);
            assertThat(harness.command(LEAD, STANDUP, "risks")).doesNotContain(ALICES_RISK);
        }

        @Test
        @DisplayName("shows anyone else only their own risks, never a teammate's text")
        void shouldShowOthersOnlyTheirOwn() {
            flag(ALICE, ALICES_RISK);

            String nothing = harness.command(BOB, STANDUP, "risks");
            assertThat(nothing).contains("You have no open risks in #standup").doesNotContain(ALICES_RISK);

            flag(BOB, BOBS_RISK);
            String own = harness.command(BOB, "D0BOB", "risks");
            assertThat(own).contains("Your open risks").contains(BOBS_RISK).doesNotContain(ALICES_RISK);
        }

        @Test
        @DisplayName("lets the author mark their own risk mitigating from the list")
        void shouldLetTheAuthorChangeTheirOwn() {
            long id = flag(ALICE, ALICES_RISK);
            harness.command(ALICE, STANDUP, "risks");

            RecordedCall answer = clickUnder(lastEphemeral(ALICE), ALICE, RiskRegister.SET_MITIGATING, id);

            assertThat(answer.text()).contains("Mitigating").doesNotContain("by <@");
            assertThat(entry(id).status()).isEqualTo(RiskStatus.MITIGATING);
        }

        @Test
        @DisplayName("refuses a crafted button naming someone else's risk, privately, and changes nothing")
        void shouldRefuseACraftedButton() {
            long alices = flag(ALICE, ALICES_RISK);
            flag(BOB, BOBS_RISK);
            harness.command(BOB, STANDUP, "risks");

            RecordedCall refused = clickUnder(lastEphemeral(BOB), BOB, RiskRegister.SET_RESOLVED, alices);

            assertThat(refused.text()).contains("isn't yours to change").doesNotContain(ALICES_RISK);
            assertThat(refused.param("response_type")).isEqualTo("ephemeral");
            assertThat(entry(alices).status()).isEqualTo(RiskStatus.OPEN);
            assertThat(register().changes(alices)).hasSize(1);
        }

        @Test
        @DisplayName("refuses someone else clicking the author's check-in, and opens no modal for them")
        void shouldRefuseAnotherPersonsCheckin() {
            long alices = flag(ALICE, ALICES_RISK);
            harness.advance(WEEK);
            RecordedCall checkin = awaitCheckinTo(ALICE, 1);

            RecordedCall accepted = clickOn(checkin, BOB, RiskRegister.CHECKIN_ACCEPTED, alices);
            RecordedCall stillOpen = clickOn(checkin, BOB, RiskRegister.CHECKIN_STILL_OPEN, alices);

            assertThat(accepted.text()).contains("isn't yours to change");
            assertThat(stillOpen.text()).contains("isn't yours to change");
            assertThat(harness.sim().calls("views.open")).isEmpty();
            assertThat(harness.sim().calls("chat.update")).isEmpty();
            assertThat(entry(alices).status()).isEqualTo(RiskStatus.OPEN);
        }

        @Test
        @DisplayName("a closed risk stays closed: a second click says so")
        void shouldKeepClosedRisksClosed() {
            long id = flag(ALICE, ALICES_RISK);
            harness.command(LEAD, STANDUP, "risks");
            SimMessage list = lastEphemeral(LEAD);
            clickUnder(list, LEAD, RiskRegister.SET_ACCEPTED, id);

            RecordedCall again = clickUnder(list, LEAD, RiskRegister.SET_RESOLVED, id);

            assertThat(again.text()).contains("already *accepted*");
            assertThat(entry(id).status()).isEqualTo(RiskStatus.ACCEPTED);
        }
    }

    @Nested
    @DisplayName("schedule risk-followup")
    class Followup {
        @Test
        @DisplayName("sets the team's period: the check-in comes after 3 days, and settings shows it")
        void shouldSetThePeriod() {
            assertThat(harness.command(ADMIN, STANDUP, "schedule risk-followup 3 days"))
                    .contains("Done: I'll ask about an open risk of #standup 3 days after");
            flag(ALICE, ALICES_RISK);

            harness.advance(Duration.ofDays(3));

            assertThat(awaitCheckinTo(ALICE, 1).text()).contains("3 days ago");
            assertThat(harness.command(LEAD, STANDUP, "settings")).contains("Risk follow-up: 3 days");
        }

        @Test
        @DisplayName("a lead may set it (they are team admins); an engineer is refused and nothing changes")
        void shouldBeForTeamAdmins() {
            assertThat(harness.command(LEAD, STANDUP, "schedule risk-followup 14"))
                    .contains("14 days");

            assertThat(harness.command(ALICE, STANDUP, "schedule risk-followup 2"))
                    .contains("Only the people who look after #standup");
            assertThat(register().followupDays(STANDUP)).isEqualTo(14);
        }

        @ParameterizedTest(name = "`{0}`")
        @CsvSource(
                delimiter = ';',
                value = {
                    "schedule risk-followup; After how many days",
                    "schedule risk-followup soon; isn't a number of days",
                    "schedule risk-followup 0; 1 to 90 days",
                    "schedule risk-followup 91; 1 to 90 days",
                    "schedule risk-followup 99999999999; 1 to 90 days",
                    "schedule risk-followup 7 weeks; isn't a number of days"
                })
        @DisplayName("bad input gets a short private answer and changes nothing")
        void shouldRefuseBadInput(String text, String answer) {
            assertThat(harness.command(ADMIN, STANDUP, text)).contains(answer);
            assertThat(register().followupDays(STANDUP)).isEqualTo(7);
        }
    }

    @Nested
    @DisplayName("the digest")
    class Digest {
        @Test
        @DisplayName("lists open risks with age and status, marks ageing ones, and those closed this week")
        void shouldListTheRegister() {
            harness.command(ADMIN, STANDUP, "schedule risk-followup 1");
            flag(ALICE, ALICES_RISK);
            long bobs = flag(BOB, BOBS_RISK);
            harness.command(LEAD, STANDUP, "risks");
            clickUnder(lastEphemeral(LEAD), LEAD, RiskRegister.SET_RESOLVED, bobs);
            harness.advance(Duration.ofDays(2).plusHours(1));

            String digest = harness.command(LEAD, STANDUP, "digest");

            assertThat(digest)
                    .contains("Open risks")
                    .contains(ALICES_RISK + " — @" + ALICE + " · open · 2 days · :hourglass: *ageing*")
                    .contains("Risks closed this week")
                    .contains(BOBS_RISK + " — @" + BOB + " · resolved Mon 23 Nov");
        }

        @Test
        @DisplayName("does not call a risk ageing within twice the follow-up period")
        void shouldNotMarkYoungRisks() {
            flag(ALICE, ALICES_RISK);
            harness.advance(Duration.ofDays(3));

            assertThat(harness.command(LEAD, STANDUP, "digest"))
                    .contains(ALICES_RISK + " — @" + ALICE + " · open · 3 days")
                    .doesNotContain("ageing");
        }
    }

    @Nested
    @DisplayName("privacy")
    class Privacy {
        @Test
        @DisplayName("forget-me erases the author's risks from the register")
        void shouldForgetTheAuthor() {
            flag(ALICE, ALICES_RISK);
            assertThat(harness.command(ALICE, STANDUP, "forget-me")).contains("Erase everything");
            SimMessage question = lastEphemeral(ALICE);
            int before = harness.sim().calls("response_url").size();
            harness.slack()
                    .blockAction(ALICE, "forget_me_confirm", null, ActionSource.ephemeral(STANDUP, question.ts()));
            harness.sim().awaitCalls("response_url", before + 1, WAIT);

            assertThat(register().liveIn(STANDUP)).isEmpty();
            assertThat(new Rows(harness.bot().database()).cellsContaining(ALICE))
                    .containsExactly("pauses.user_id");
            assertThat(harness.command(LEAD, STANDUP, "risks")).contains("No open risks in #standup");
        }
    }
}
