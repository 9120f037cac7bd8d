package dev.ownership.bot.prompt;

import static dev.ownership.bot.BotHarness.ADMIN;
import static dev.ownership.bot.BotHarness.ALICE;
import static dev.ownership.bot.BotHarness.BOB;
import static dev.ownership.bot.BotHarness.CHEN;
import static dev.ownership.bot.BotHarness.LEAD;
import static dev.ownership.bot.BotHarness.STANDUP;
import static dev.ownership.bot.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.bot.BotHarness;
import dev.ownership.simulator.Fault;
import dev.ownership.simulator.RecordedCall;
import dev.ownership.simulator.SimChannel;
import dev.ownership.simulator.SimUser;
import dev.ownership.storage.prompt.LearningRepository;
import dev.ownership.storage.prompt.RiskCheckin;
import dev.ownership.storage.prompt.RiskRepository;
import dev.ownership.storage.prompt.SharedItem;
import dev.ownership.storage.workspace.MemberRepository;
import dev.ownership.storage.workspace.TeamMember;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Prompts and sharing through the Slack simulator and the real bot. #standup has an admin, a lead and three
 * engineers: the admin, the lead and alice in Berlin, bob in New York, chen in Tokyo.
 */
@DisplayName("prompts and sharing, end to end through the simulator")
class PromptEndToEndTest {
    private static final List<String> EVERYONE = List.of(ADMIN, LEAD, ALICE, BOB, CHEN);
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

    private String admin(String text) {
        return harness.command(ADMIN, STANDUP, text);
    }

    private List<RecordedCall> promptsTo(String user) {
        return harness.sim().dmsTo(user).stream()
                .filter(call -> String.valueOf(call.jsonParam("blocks")).contains("prompt_answer"))
                .toList();
    }

    /** Waits for the prompt to {@code user}, and for the fan-out it is part of to finish. */
    private RecordedCall awaitPromptTo(String user) {
        String dm = harness.sim().workspace().dmChannelOf(user);
        RecordedCall prompt = harness.sim()
                .awaitCall(
                        "chat.postMessage",
                        call -> call.ok()
                                && dm.equals(call.response().path("channel").asText())
                                && String.valueOf(call.jsonParam("blocks")).contains("prompt_answer"),
                        WAIT);
        harness.probe().awaitBackgroundWork(WAIT);
        return prompt;
    }

    private void awaitPromptCount(int count) {
        harness.sim().awaitCalls("chat.postMessage", count, WAIT);
        harness.probe().awaitBackgroundWork(WAIT);
    }

    private void click(String user, RecordedCall prompt, String actionId) {
        harness.slack().clickButton(user, prompt, actionId);
    }

    /** Clicks the prompt's main button and returns the id of the modal it opens. */
    private String openModal(String user, RecordedCall prompt) {
        int before = harness.sim().calls("views.open").size();
        click(user, prompt, "prompt_answer");
        return harness.sim()
                .awaitCalls("views.open", before + 1, WAIT)
                .get(before)
                .response()
                .path("view")
                .path("id")
                .asText();
    }

    private HttpResponse<String> submit(String user, String viewId, String text) {
        return harness.slack().viewSubmission(user, viewId, Map.of("answer", Map.of("answer_input", text)));
    }

    private RecordedCall awaitUpdateOf(RecordedCall prompt) {
        String ts = prompt.response().path("ts").asText();
        return harness.sim().awaitCall("chat.update", call -> ts.equals(call.param("ts")), WAIT);
    }

    /** {@code count} user ids: the prefix and a five-digit number. */
    private static List<String> numberedUsers(String prefix, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> String.format("%s%05d", prefix, i))
                .toList();
    }

    private String metrics() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + harness.bot().port() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    @Test
    @DisplayName("`prompt learning` reaches each member who is not paused exactly once, by DM with buttons")
    void shouldPromptEachMemberOnce() {
        assertThat(harness.command(ALICE, STANDUP, "pause until 2026-12-07")).contains("Paused");

        assertThat(admin("prompt learning")).contains("Sending the learning prompt to the 5 people in #standup");
        awaitPromptCount(4);

        for (String user : List.of(ADMIN, LEAD, BOB, CHEN)) {
            assertThat(promptsTo(user)).as("prompts to %s", user).hasSize(1);
        }
        assertThat(harness.sim().dmsTo(ALICE)).isEmpty();
        RecordedCall prompt = promptsTo(BOB).get(0);
        assertThat(prompt.text())
                .contains("What did you learn this week?")
                .contains("Share a learning")
                .contains("Skip")
                .contains("#standup");
        assertThat(harness.sim().calls("conversations.open")).isEmpty();
    }

    @Test
    @DisplayName("Share a learning opens a modal; submitting posts it in #standup with attribution, records it and "
            + "updates the DM")
    void shouldShareLearningThroughModal() throws Exception {
        admin("prompt learning");
        RecordedCall prompt = awaitPromptTo(ALICE);
        String learning = "Our flaky checkout test was a timezone bug: pass a Clock, never call now()";

        String viewId = openModal(ALICE, prompt);
        assertThat(submit(ALICE, viewId, learning).statusCode()).isEqualTo(200);
        assertThat(submit(ALICE, viewId, learning).statusCode())
                .as("a double submit")
                .isEqualTo(200);

        RecordedCall posted =
                harness.sim().awaitCall("chat.postMessage", call -> STANDUP.equals(call.param("channel")), WAIT);
        harness.probe().awaitBackgroundWork(WAIT);
        assertThat(harness.sim().history(STANDUP)).hasSize(1);
        assertThat(posted.param("text")).isEqualTo("*:bulb: Learned this week* — <@" + ALICE + ">: " + learning);
        assertThat(awaitUpdateOf(prompt).text()).contains("Shared in #standup").contains(learning);
        List<SharedItem> recorded =
                new LearningRepository(harness.bot().database()).byUser(STANDUP, ALICE, Instant.EPOCH);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).text()).isEqualTo(learning);
        assertThat(recorded.get(0).messageTs())
                .isEqualTo(posted.response().path("ts").asText());
        assertThat(metrics())
                .contains("ownership_prompts_sent_total{kind=\"learning\"} 5.0")
                .contains("ownership_prompts_answered_total{kind=\"learning\"} 1.0");
    }

    @Test
    @DisplayName("the modal refuses an empty answer and one over 2,000 characters, inside the modal")
    void shouldValidateInModal() {
        admin("prompt learning");
        RecordedCall prompt = awaitPromptTo(ALICE);
        String viewId = openModal(ALICE, prompt);

        HttpResponse<String> empty = submit(ALICE, viewId, "   ");
        HttpResponse<String> tooLong = submit(ALICE, viewId, "x".repeat(2_001));

        assertThat(empty.body()).contains("\"response_action\":\"errors\"").contains("\"answer\"");
        assertThat(tooLong.body()).contains("\"response_action\":\"errors\"").contains("under 2000 characters");
        harness.probe().awaitBackgroundWork(WAIT);
        assertThat(harness.sim().history(STANDUP)).isEmpty();
        assertThat(harness.sim().calls("chat.update")).isEmpty();
    }

    @Test
    @DisplayName("Skip settles the prompt: the DM says so and its buttons are gone")
    void shouldSkip() throws Exception {
        admin("prompt impact");
        RecordedCall prompt = awaitPromptTo(CHEN);

        click(CHEN, prompt, "prompt_skip");

        assertThat(awaitUpdateOf(prompt).text()).contains("Skipped");
        String dm = prompt.response().path("channel").asText();
        String ts = prompt.response().path("ts").asText();
        assertThat(harness.sim().message(dm, ts).orElseThrow().blocks().toString())
                .doesNotContain("prompt_skip")
                .doesNotContain("prompt_answer");
        assertThat(metrics()).contains("ownership_prompts_skipped_total{kind=\"impact\"} 1.0");
    }

    @Nested
    @DisplayName("risks")
    class Risks {
        @BeforeEach
        void leads() {
            assertThat(admin("leads <@" + LEAD + "|lee>")).contains("Leads of #standup");
            harness.sim().clearCalls();
        }

        @Test
        @DisplayName("`risk TEXT` reaches only the team's leads, privately, with the person and the channel")
        void shouldSendRiskToLeadsOnly() {
            String risk = "The vendor retires the v1 API on Dec 15 and our billing sync still uses it";

            String answer = harness.command(ALICE, STANDUP, "risk " + risk);

            assertThat(answer).contains("Sent privately to <@" + LEAD + ">");
            List<RecordedCall> posts = harness.sim().calls("chat.postMessage");
            assertThat(posts).hasSize(1);
            assertThat(posts.get(0).param("channel")).isEqualTo(LEAD);
            assertThat(posts.get(0).text())
                    .contains(risk)
                    .contains("<@" + ALICE + ">")
                    .contains("<#" + STANDUP + ">");
            assertThat(harness.sim().history(STANDUP)).isEmpty();
            assertThat(new RiskRepository(harness.bot().database()).checkins(STANDUP, ALICE, Instant.EPOCH))
                    .extracting(RiskCheckin::hadRisk)
                    .containsExactly(true);
        }

        @Test
        @DisplayName("the risk prompt: Flag a risk goes to the leads, No risks this week counts the check-in")
        void shouldAnswerRiskPrompt() {
            admin("prompt risk");
            RecordedCall bobs = awaitPromptTo(BOB);
            RecordedCall chens = awaitPromptTo(CHEN);
            assertThat(bobs.text()).contains("Flag a risk").contains("No risks this week");

            submit(BOB, openModal(BOB, bobs), "Staging certs expire Friday and nobody owns the renewal");
            click(CHEN, chens, "prompt_no_risks");

            RecordedCall toLead = harness.sim()
                    .awaitCall(
                            "chat.postMessage",
                            call -> LEAD.equals(call.param("channel"))
                                    && call.text().contains("Staging certs"),
                            WAIT);
            assertThat(toLead.text()).contains("<@" + BOB + ">");
            assertThat(awaitUpdateOf(bobs).text()).contains("Sent privately to <@" + LEAD + ">");
            assertThat(awaitUpdateOf(chens).text()).contains("no risks this week");
            RiskRepository risks = new RiskRepository(harness.bot().database());
            assertThat(risks.checkins(STANDUP, CHEN, Instant.EPOCH))
                    .extracting(RiskCheckin::hadRisk)
                    .containsExactly(false);
            assertThat(risks.byUser(STANDUP, BOB, Instant.EPOCH)).hasSize(1);
            assertThat(harness.sim().history(STANDUP)).isEmpty();
        }

        @Test
        @DisplayName("without leads, a risk goes to the admin who set the team up")
        void shouldFallBackToWatcher() {
            admin("leads none");

            assertThat(harness.command(BOB, STANDUP, "risk Our on-call rota has a gap over the holidays"))
                    .contains("Sent privately to <@" + ADMIN + ">");
        }
    }

    @Nested
    @DisplayName("who may send a prompt")
    class SendingPrompts {
        @Test
        @DisplayName("a member who is neither admin nor lead is refused, and nothing is sent")
        void shouldRefuseMembers() {
            assertThat(harness.command(ALICE, STANDUP, "prompt learning"))
                    .contains("Only the people who look after #standup can send it a prompt");
            harness.probe().awaitBackgroundWork(WAIT);

            assertThat(harness.sim().calls("chat.postMessage")).isEmpty();
        }

        @Test
        @DisplayName("the team's lead may")
        void shouldAllowLeads() {
            admin("leads <@" + LEAD + "|lee>");

            assertThat(harness.command(LEAD, STANDUP, "prompt risk")).contains("Sending the risk prompt");
            awaitPromptTo(CHEN);
        }
    }

    @Test
    @DisplayName("`learned` typed in a DM goes to the one team the person is in; with two teams, it asks where")
    void shouldFindTheTeamOfLearned() {
        String dm = harness.sim().workspace().dmChannelOf(ALICE);

        assertThat(harness.command(ALICE, dm, "learned git bisect finds regressions in minutes"))
                .contains("Shared in #standup");
        assertThat(harness.sim().history(STANDUP)).hasSize(1);

        harness.sim().workspace().addChannel(SimChannel.publicChannel("C0PLATFORM", "platform", ADMIN, ALICE));
        assertThat(harness.command(ADMIN, "C0PLATFORM", "watch quiet")).contains("Now watching #platform");
        harness.probe().awaitBackgroundWork(WAIT);

        assertThat(harness.command(ALICE, dm, "learned something else"))
                .contains("several teams (#platform, #standup)")
                .contains("in your team's channel");
        assertThat(harness.sim().history(STANDUP)).hasSize(1);
    }

    @Nested
    @DisplayName("schedules")
    class Schedules {
        @Test
        @DisplayName("watching gives the defaults, which settings shows")
        void shouldShowDefaults() {
            assertThat(admin("settings"))
                    .contains("learning fri 15:00, risk mon 10:00, impact off")
                    .contains("Digest: mon 09:00 (Europe/Berlin)")
                    .contains("Prompted: 5 people");
        }

        @Test
        @DisplayName("admins change and turn off schedules; settings follows")
        void shouldChangeSchedules() {
            assertThat(admin("schedule learning mon,wed 11:30"))
                    .contains("The learning prompt of #standup goes out mon,wed 11:30");
            assertThat(admin("schedule risk off")).contains("Turned the risk prompt of #standup off");
            assertThat(admin("schedule impact off")).contains("already off");
            assertThat(admin("schedule digest fri 16:00"))
                    .contains("The digest of #standup goes to its leads fri 16:00");

            assertThat(admin("settings"))
                    .contains("learning mon,wed 11:30, risk off, impact off")
                    .contains("Digest: fri 16:00");
        }

        @Test
        @DisplayName("a prompt outside working hours is refused; one on days off is kept with a warning")
        void shouldExplainHoursAndDaysOff() {
            assertThat(admin("schedule learning fri 20:00")).contains("within the team's working hours");
            assertThat(admin("schedule learning sat 10:00")).contains("None of those days is a working day");

            assertThat(admin("settings")).contains("learning sat 10:00 (never: not a working day)");
        }

        @Test
        @DisplayName("a non-admin's `schedule` is refused, and nothing changes")
        void shouldRefuseNonAdmin() {
            assertThat(harness.command(ALICE, STANDUP, "schedule learning fri 16:00"))
                    .contains("Only the people who look after #standup")
                    .contains("who set up #standup")
                    .doesNotContain("OWNERSHIP_ADMINS");

            assertThat(admin("settings")).contains("learning fri 15:00");
        }
    }

    @Nested
    @DisplayName("scheduled prompts")
    class Scheduled {
        private void learningDueInBerlin() {
            harness.probe().prompts().sendDue(STANDUP, "learning", ZoneId.of("Europe/Berlin"), FRIDAY_BERLIN);
        }

        @Test
        @DisplayName("a restart between two runs never sends twice; the prompt missed meanwhile goes out once")
        void shouldNotDoubleSendAcrossRestart() {
            harness.clock().set(FRIDAY_BERLIN);
            learningDueInBerlin();
            assertThat(harness.sim().calls("chat.postMessage")).hasSize(3);

            harness.restart();
            awaitPromptTo(CHEN); // 23:00 on Friday in Tokyo: missed while the bot was down, still the same day
            learningDueInBerlin();
            harness.probe().prompts().catchUp();

            for (String user : List.of(ADMIN, LEAD, ALICE, CHEN)) {
                assertThat(promptsTo(user)).as("prompts to %s", user).hasSize(1);
            }
            assertThat(promptsTo(BOB)).as("09:00 in New York: not yet").isEmpty();
        }

        @Test
        @DisplayName("a prompt missed while the bot was down is skipped once the person's day is over")
        void shouldSkipMissedPromptNextDay() {
            harness.clock().set(Instant.parse("2026-11-28T08:00:00Z")); // Saturday everywhere

            harness.restart();
            harness.probe().prompts().catchUp();

            assertThat(harness.sim().calls("chat.postMessage")).isEmpty();
        }

        @Test
        @DisplayName("members follow the channel's join and leave events")
        void shouldFollowJoinsAndLeaves() {
            harness.sim().workspace().addUser(SimUser.person("U0DANA01", "dana", "Europe/Berlin"));
            harness.slack().memberJoined(STANDUP, "U0DANA01");
            harness.slack().memberLeft(STANDUP, ALICE);
            harness.probe().awaitBackgroundWork(WAIT);

            harness.clock().set(FRIDAY_BERLIN);
            learningDueInBerlin();

            assertThat(promptsTo("U0DANA01")).hasSize(1);
            assertThat(promptsTo(ALICE)).isEmpty();
        }

        @Test
        @DisplayName("joins and leaves missed while the bot was down are caught up at start")
        void shouldCatchUpMembersAtStart() {
            harness.sim().workspace().addUser(SimUser.person("U0DANA01", "dana", "Europe/Berlin"));
            harness.sim().workspace().join(STANDUP, "U0DANA01"); // no event: the bot was down
            harness.sim().workspace().leave(STANDUP, ALICE);

            harness.restart();
            harness.probe().prompts().catchUp();

            assertThat(new MemberRepository(harness.bot().database()).of(STANDUP))
                    .extracting(TeamMember::userId)
                    .contains("U0DANA01")
                    .doesNotContain(ALICE);
            harness.clock().set(FRIDAY_BERLIN);
            learningDueInBerlin();
            assertThat(promptsTo("U0DANA01")).hasSize(1);
            assertThat(promptsTo(ALICE)).isEmpty();
        }

        @Test
        @DisplayName("the daily refresh reads the workspace in pages of users.list, not each member by users.info")
        void shouldRefreshFromTheWorkspaceList() {
            List<String> many = numberedUsers("U0R", 450);
            for (String member : many) {
                harness.sim().workspace().addUser(SimUser.person(member, member.toLowerCase(), "Europe/Berlin"));
                harness.sim().workspace().join(STANDUP, member);
            }
            harness.sim().workspace().setTimezone(ALICE, "America/New_York"); // no event: only the refresh sees it
            harness.sim().clearCalls();

            harness.probe().prompts().refreshMembers();
            harness.probe().awaitBackgroundWork(WAIT);

            int people = harness.sim().workspace().users().size();
            assertThat(harness.sim().calls("users.list")).hasSize((people + 199) / 200);
            assertThat(harness.sim().calls("users.info")).isEmpty();
            assertThat(new MemberRepository(harness.bot().database()).of(STANDUP))
                    .extracting(TeamMember::userId)
                    .containsAll(many);
            assertThat(new MemberRepository(harness.bot().database()).of(STANDUP))
                    .filteredOn(member -> member.userId().equals(ALICE))
                    .extracting(TeamMember::timezone)
                    .containsExactly(ZoneId.of("America/New_York"));
        }

        @Test
        @DisplayName("a member's new timezone (user_change) is followed")
        void shouldFollowTimezoneChange() {
            harness.sim().workspace().setTimezone(ALICE, "America/New_York");
            harness.slack().userChange(ALICE);
            harness.probe().awaitBackgroundWork(WAIT);

            assertThat(new MemberRepository(harness.bot().database()).of(STANDUP))
                    .filteredOn(member -> member.userId().equals(ALICE))
                    .extracting(TeamMember::timezone)
                    .containsExactly(ZoneId.of("America/New_York"));
            harness.clock().set(FRIDAY_BERLIN);
            learningDueInBerlin();
            assertThat(promptsTo(ALICE)).isEmpty();
        }
    }

    @Test
    @DisplayName("a 429 in the middle of a fan-out to 300 members delays it but loses no one")
    void shouldWaitOutRateLimitMidFanOut() {
        List<String> many = numberedUsers("U0M", 300);
        String[] zones = {"Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney"};
        for (int i = 0; i < many.size(); i++) {
            harness.sim().workspace().addUser(SimUser.person(many.get(i), "m" + i, zones[i % zones.length]));
        }
        List<String> members = new ArrayList<>(many);
        members.add(ADMIN);
        harness.sim()
                .workspace()
                .addChannel(SimChannel.publicChannel("C0BIG0001", "big", members.toArray(String[]::new)));
        assertThat(harness.command(ADMIN, "C0BIG0001", "watch quiet")).contains("Now watching #big");
        harness.probe().awaitBackgroundWork(Duration.ofSeconds(60));
        harness.sim().faults().failNext("chat.postMessage", 150, Fault.delay(Duration.ZERO));
        harness.sim().faults().failNext("chat.postMessage", Fault.rateLimited(1));

        assertThat(harness.command(ADMIN, "C0BIG0001", "prompt learning")).contains("to the 301 people in #big");
        List<RecordedCall> posts = harness.sim().awaitCalls("chat.postMessage", 302, Duration.ofSeconds(60));
        harness.probe().awaitBackgroundWork(WAIT);

        assertThat(posts).hasSize(302);
        assertThat(posts)
                .extracting(RecordedCall::httpStatus)
                .filteredOn(status -> status == 429)
                .hasSize(1);
        assertThat(posts.get(150).httpStatus()).isEqualTo(429);
        assertThat(posts.get(151).param("channel")).isEqualTo(posts.get(150).param("channel"));
        for (String member : members) {
            assertThat(harness.sim().dmsTo(member)).as("DMs to %s", member).hasSize(1);
        }
    }
}
