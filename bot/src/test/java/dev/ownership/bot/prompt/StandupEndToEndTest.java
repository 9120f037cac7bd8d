package dev.ownership.bot.prompt;

import static dev.ownership.bot.BotHarness.ADMIN;
import static dev.ownership.bot.BotHarness.ALICE;
import static dev.ownership.bot.BotHarness.BOB;
import static dev.ownership.bot.BotHarness.CHEN;
import static dev.ownership.bot.BotHarness.LEAD;
import static dev.ownership.bot.BotHarness.STANDUP;
import static dev.ownership.bot.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ownership.bot.BotHarness;
import dev.ownership.simulator.RecordedCall;
import dev.ownership.simulator.SimMessage;
import dev.ownership.simulator.SlackSimulator;
import dev.ownership.storage.nudge.StandupPost;
import dev.ownership.storage.nudge.StandupPost.State;
import dev.ownership.storage.nudge.StandupRepository;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The standup the bot runs for a team that has none, through the Slack simulator and the real bot: #standup's
 * admin, lead and alice live in Berlin, bob in New York, chen in Tokyo. The standup runs Monday to Friday at 09:30
 * in each member's own time; the scheduler's trigger is stood in for by {@code sendDue}, the clock is manual.
 */
@DisplayName("the standup run by the bot, end to end through the simulator")
class StandupEndToEndTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Tuesday 2026-11-24, 09:30 in Berlin. */
    private static final Instant TUESDAY_BERLIN = Instant.parse("2026-11-24T08:30:00Z");
    /** Tuesday 2026-11-24, 09:30 in New York. */
    private static final Instant TUESDAY_NEW_YORK = Instant.parse("2026-11-24T14:30:00Z");

    private static final String BLOCKED = "Waiting on the security team for access to the prod database";
    private static final String WITH_STEP =
            BLOCKED + ". I'll ask @sam in #security to grant it today, and use " + "staging meanwhile";

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    @BeforeEach
    void watchAndSchedule() {
        harness.watchStandup();
        harness.probe().awaitBackgroundWork(WAIT);
        assertThat(admin("schedule standup mon-fri 09:30")).contains("The standup of #standup runs");
        harness.sim().clearCalls();
    }

    private String admin(String text) {
        return harness.command(ADMIN, STANDUP, text);
    }

    /** The scheduler's trigger for the members in {@code zone}, at {@code at}. */
    private void standupDue(ZoneId zone, Instant at) {
        harness.clock().set(at);
        harness.probe().prompts().sendDue(STANDUP, "standup", zone, at);
        harness.probe().awaitBackgroundWork(WAIT);
    }

    private List<RecordedCall> dmsWith(String user, String actionId) {
        return harness.sim().dmsTo(user).stream()
                .filter(call -> String.valueOf(call.jsonParam("blocks")).contains(actionId))
                .toList();
    }

    private RecordedCall standupDmTo(String user) {
        List<RecordedCall> dms = dmsWith(user, "standup_answer");
        assertThat(dms).as("standup DMs to %s", user).isNotEmpty();
        return dms.get(0);
    }

    private List<RecordedCall> remindersTo(String user) {
        return harness.sim().dmsTo(user).stream()
                .filter(call -> call.text().contains("still open today"))
                .toList();
    }

    private List<RecordedCall> nudgesTo(String user) {
        return dmsWith(user, "nudge_add_step");
    }

    /** Clicks {@code actionId} on {@code message} and returns the modal it opens. */
    private String openModal(String user, RecordedCall message, String actionId) {
        int before = harness.sim().calls("views.open").size();
        assertThat(harness.slack().clickButton(user, message, actionId).statusCode())
                .isEqualTo(200);
        return harness.sim()
                .awaitCalls("views.open", before + 1, WAIT)
                .get(before)
                .response()
                .path("view")
                .path("id")
                .asText();
    }

    private HttpResponse<String> submit(String user, String viewId, String... answers) {
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        for (int i = 0; i < answers.length; i++) {
            values.put("q" + i, Map.of("answer", answers[i]));
        }
        HttpResponse<String> response = harness.slack().viewSubmission(user, viewId, values);
        harness.probe().awaitBackgroundWork(WAIT);
        return response;
    }

    /** Alice answers her standup of Tuesday; returns the answers' post in #standup. */
    private SimMessage aliceAnswers(String blockers) {
        String viewId = openModal(ALICE, standupDmTo(ALICE), "standup_answer");
        assertThat(submit(ALICE, viewId, "Fixed the login bug", "Work on the billing export", blockers)
                        .statusCode())
                .isEqualTo(200);
        List<SimMessage> history = harness.sim().history(STANDUP);
        assertThat(history).hasSize(1);
        return history.get(0);
    }

    private StandupPost recorded(SimMessage post) {
        return new StandupRepository(harness.bot().database())
                .find(STANDUP, post.ts())
                .orElseThrow();
    }

    private RecordedCall lastUpdateOf(RecordedCall dm) {
        String ts = dm.response().path("ts").asText();
        List<RecordedCall> updates = harness.sim().calls("chat.update").stream()
                .filter(call -> ts.equals(call.param("ts")))
                .toList();
        assertThat(updates).as("updates of the DM").isNotEmpty();
        return updates.get(updates.size() - 1);
    }

    @Test
    @DisplayName("the DM reaches each member at 09:30 in their own timezone, with the team's questions")
    void shouldDmEachMemberAtTheirLocalTime() {
        standupDue(BERLIN, TUESDAY_BERLIN);

        for (String user : List.of(ADMIN, LEAD, ALICE)) {
            assertThat(dmsWith(user, "standup_answer"))
                    .as("standup DMs to %s", user)
                    .hasSize(1);
        }
        assertThat(harness.sim().dmsTo(BOB)).isEmpty();
        assertThat(harness.sim().dmsTo(CHEN)).isEmpty();
        assertThat(standupDmTo(ALICE).text())
                .contains("What did you do yesterday?")
                .contains("What will you do today?")
                .contains("Anything blocking you?")
                .contains("Write my standup")
                .contains("Skip today");

        standupDue(NEW_YORK, TUESDAY_NEW_YORK);
        assertThat(dmsWith(BOB, "standup_answer")).hasSize(1);
        assertThat(dmsWith(ALICE, "standup_answer")).as("Berlin's not again").hasSize(1);
        harness.probe().prompts().catchUp();
        harness.probe().awaitBackgroundWork(WAIT);
        assertThat(dmsWith(BOB, "standup_answer"))
                .as("the catch-up sends nothing twice")
                .hasSize(1);
    }

    @Test
    @DisplayName("the modal has one input per question; the answers are posted in #standup in the person's name and "
            + "recorded without their text")
    void shouldPostAnswersWithAttribution() throws Exception {
        standupDue(BERLIN, TUESDAY_BERLIN);
        String viewId = openModal(ALICE, standupDmTo(ALICE), "standup_answer");
        assertThat(harness.sim().view(viewId).orElseThrow().readableText())
                .contains("What did you do yesterday?")
                .contains("Anything blocking you?");

        submit(ALICE, viewId, "Fixed the login bug", "Work on the billing export", "nothing");
        submit(ALICE, viewId, "Fixed the login bug", "Work on the billing export", "nothing");

        List<SimMessage> history = harness.sim().history(STANDUP);
        assertThat(history).as("a double submit posts once").hasSize(1);
        SimMessage post = history.get(0);
        assertThat(post.user()).isEqualTo(SlackSimulator.BOT_USER_ID);
        assertThat(post.text())
                .startsWith("*<@" + ALICE + ">'s standup*")
                .contains("*What did you do yesterday?*\nFixed the login bug")
                .contains("*Anything blocking you?*\nnothing")
                .doesNotContainIgnoringCase("nudge");
        StandupPost recorded = recorded(post);
        assertThat(recorded.userId()).isEqualTo(ALICE);
        assertThat(recorded.state()).isEqualTo(State.CLEAR);
        assertThat(lastUpdateOf(standupDmTo(ALICE)).text()).contains("Posted your standup in #standup");
        assertThat(storedCellsContaining("billing export"))
                .as("answers are never stored")
                .isEmpty();
    }

    @Test
    @DisplayName("an empty answer is refused inside the modal, and nothing is posted")
    void shouldRefuseEmptyAnswers() {
        standupDue(BERLIN, TUESDAY_BERLIN);
        String viewId = openModal(ALICE, standupDmTo(ALICE), "standup_answer");

        HttpResponse<String> response = submit(ALICE, viewId, "Fixed the login bug", "  ", "nothing");

        assertThat(response.body()).contains("\"response_action\":\"errors\"").contains("\"q1\"");
        assertThat(harness.sim().history(STANDUP)).isEmpty();
    }

    @Nested
    @DisplayName("the answers are judged like a standup post")
    class Judged {
        @Test
        @DisplayName("a blocker without a next step is nudged after the grace period, not before")
        void shouldNudgeAfterGrace() {
            standupDue(BERLIN, TUESDAY_BERLIN);
            SimMessage post = aliceAnswers(BLOCKED);
            assertThat(recorded(post).state()).isEqualTo(State.PENDING);

            harness.advance(Duration.ofMinutes(5));
            assertThat(nudgesTo(ALICE)).isEmpty();

            harness.advance(Duration.ofMinutes(6));
            harness.sim()
                    .awaitCall(
                            "chat.postMessage",
                            call -> String.valueOf(call.jsonParam("blocks")).contains("nudge_add_step"),
                            WAIT);
            assertThat(nudgesTo(ALICE)).hasSize(1);
        }

        @Test
        @DisplayName("a blocker with a next step is not nudged")
        void shouldNotNudgeWithNextStep() {
            standupDue(BERLIN, TUESDAY_BERLIN);
            SimMessage post = aliceAnswers(WITH_STEP);

            harness.advance(Duration.ofMinutes(11));

            assertThat(recorded(post).state()).isEqualTo(State.PROPOSED);
            assertThat(nudgesTo(ALICE)).isEmpty();
        }

        @Test
        @DisplayName("the bot's own post echoed back as a message event is neither recorded twice nor judged as the "
                + "bot's; the author's thread reply with a next step cancels the nudge")
        void shouldCountTheAuthorsThreadReply() {
            standupDue(BERLIN, TUESDAY_BERLIN);
            SimMessage post = aliceAnswers(BLOCKED);
            ObjectNode echo = JsonNodeFactory.instance
                    .objectNode()
                    .put("type", "message")
                    .put("channel", STANDUP)
                    .put("user", SlackSimulator.BOT_USER_ID)
                    .put("bot_id", SlackSimulator.BOT_ID)
                    .put("text", post.text())
                    .put("ts", post.ts())
                    .put("event_ts", post.ts())
                    .put("channel_type", "channel");
            assertThat(harness.slack().event(echo).status()).isEqualTo(200);
            assertThat(recorded(post).userId()).isEqualTo(ALICE);
            assertThat(recorded(post).state()).isEqualTo(State.PENDING);

            harness.slack().threadReply(STANDUP, post.ts(), BOB, "I can ask them too");
            harness.slack()
                    .threadReply(STANDUP, post.ts(), ALICE, "I'll ask @sam in #security to grant it after lunch");
            harness.advance(Duration.ofMinutes(11));

            assertThat(recorded(post).state()).isEqualTo(State.PROPOSED);
            assertThat(nudgesTo(ALICE)).isEmpty();
        }
    }

    @Nested
    @DisplayName("the same-day edit")
    class Edit {
        @Test
        @DisplayName("opens the modal filled from the post in Slack, updates the post, and a next step added cancels "
                + "the nudge")
        void shouldEditAndCancelTheNudge() {
            standupDue(BERLIN, TUESDAY_BERLIN);
            SimMessage post = aliceAnswers(BLOCKED);
            RecordedCall confirmation = lastUpdateOf(standupDmTo(ALICE));

            String viewId = openModal(ALICE, confirmation, "standup_edit");
            assertThat(harness.sim().calls("conversations.history")).isNotEmpty();
            String modal = harness.sim().viewJson(viewId).orElseThrow().toString();
            assertThat(modal).contains("Fixed the login bug").contains(BLOCKED);

            submit(ALICE, viewId, "Fixed the login bug", "Work on the billing export", WITH_STEP);

            SimMessage edited = harness.sim().message(STANDUP, post.ts()).orElseThrow();
            assertThat(edited.text()).contains("I'll ask @sam");
            assertThat(harness.sim().history(STANDUP)).hasSize(1);
            assertThat(recorded(post).state()).isEqualTo(State.PROPOSED);
            harness.advance(Duration.ofMinutes(11));
            assertThat(nudgesTo(ALICE)).isEmpty();
        }

        @Test
        @DisplayName("is refused the next day: no modal opens")
        void shouldRefuseTheNextDay() {
            standupDue(BERLIN, TUESDAY_BERLIN);
            aliceAnswers("nothing");
            RecordedCall confirmation = lastUpdateOf(standupDmTo(ALICE));
            harness.clock().set(Instant.parse("2026-11-25T08:00:00Z"));

            harness.slack().clickButton(ALICE, confirmation, "standup_edit");
            harness.probe().awaitBackgroundWork(WAIT);

            assertThat(harness.sim().calls("views.open")).hasSize(1);
        }
    }

    @Nested
    @DisplayName("the reminder")
    class Reminder {
        @Test
        @DisplayName("goes once, two hours after the standup, to whoever has not answered; not to who answered")
        void shouldRemindOnce() {
            standupDue(BERLIN, TUESDAY_BERLIN);
            aliceAnswers("nothing");

            harness.advance(Duration.ofMinutes(119));
            assertThat(remindersTo(LEAD)).isEmpty();
            harness.advance(Duration.ofMinutes(2));
            harness.advance(Duration.ofMinutes(30));

            assertThat(remindersTo(LEAD)).hasSize(1);
            assertThat(remindersTo(ADMIN)).hasSize(1);
            assertThat(remindersTo(ALICE)).isEmpty();
            assertThat(remindersTo(LEAD).get(0).text())
                    .contains("Remind me in 1 h")
                    .contains("Skip today");
            assertThat(harness.metrics()).contains("ownership_standup_reminders_total{outcome=\"sent\"} 2.0");
        }

        @Test
        @DisplayName("\"Remind me in 1 h\" sends one more an hour later, without offering it again")
        void shouldRemindAgainInAnHour() {
            standupDue(BERLIN, TUESDAY_BERLIN);
            harness.advance(Duration.ofMinutes(121));
            RecordedCall reminder = remindersTo(LEAD).get(0);

            harness.slack().clickButton(LEAD, reminder, "standup_snooze");
            harness.probe().awaitBackgroundWork(WAIT);
            assertThat(lastUpdateOf(reminder).text()).contains("I'll remind you at 12:31");

            harness.advance(Duration.ofMinutes(59));
            assertThat(remindersTo(LEAD)).hasSize(1);
            harness.advance(Duration.ofMinutes(2));
            assertThat(remindersTo(LEAD)).hasSize(2);
            assertThat(remindersTo(LEAD).get(1).text()).doesNotContain("Remind me in 1 h");
            harness.advance(Duration.ofHours(2));
            assertThat(remindersTo(LEAD)).hasSize(2);
        }

        @Test
        @DisplayName("\"Skip today\" means no reminder, and the digest counts it as skipped, not missing")
        void shouldSkipAndCountParticipation() {
            standupDue(BERLIN, TUESDAY_BERLIN);
            aliceAnswers("nothing");
            harness.slack().clickButton(LEAD, standupDmTo(LEAD), "standup_skip");
            harness.probe().awaitBackgroundWork(WAIT);
            assertThat(lastUpdateOf(standupDmTo(LEAD)).text()).contains("Skipped today's standup");

            harness.advance(Duration.ofHours(3));

            assertThat(remindersTo(LEAD)).isEmpty();
            assertThat(remindersTo(ADMIN)).hasSize(1);
            assertThat(admin("digest"))
                    .contains("Standups I ran:* 3 asked (one per person and day): 1 answered, 1 skipped, 1 unanswered")
                    .contains("1 person took part");
        }

        @Test
        @DisplayName("`remind off` sends none")
        void shouldNotRemindWhenOff() {
            assertThat(admin("schedule standup-reminder off")).contains("No reminder");
            standupDue(BERLIN, TUESDAY_BERLIN);

            harness.advance(Duration.ofHours(4));

            assertThat(remindersTo(LEAD)).isEmpty();
        }
    }

    @Test
    @DisplayName("paused people get no standup, and none goes out on the weekend")
    void shouldSkipPausedPeopleAndWeekends() {
        assertThat(harness.command(ALICE, STANDUP, "pause until 2026-11-30")).contains("Paused");

        standupDue(BERLIN, TUESDAY_BERLIN);
        assertThat(dmsWith(ALICE, "standup_answer")).isEmpty();
        assertThat(dmsWith(LEAD, "standup_answer")).hasSize(1);

        standupDue(BERLIN, Instant.parse("2026-11-28T08:30:00Z"));
        harness.probe().prompts().catchUp();
        harness.probe().awaitBackgroundWork(WAIT);
        assertThat(dmsWith(LEAD, "standup_answer")).as("nothing on Saturday").hasSize(1);
    }

    @Nested
    @DisplayName("the commands")
    class Commands {
        @Test
        @DisplayName("`settings questions` changes what the next DM asks; `default` restores it")
        void shouldChangeQuestions() {
            assertThat(admin("settings questions What shipped? | What's next? | What's in your way?"))
                    .contains("1. What shipped?")
                    .contains("3. What's in your way?");

            standupDue(BERLIN, TUESDAY_BERLIN);
            assertThat(standupDmTo(ALICE).text()).contains("What shipped?").doesNotContain("yesterday");
            String viewId = openModal(ALICE, standupDmTo(ALICE), "standup_answer");
            assertThat(harness.sim().view(viewId).orElseThrow().readableText()).contains("What's in your way?");

            assertThat(admin("settings questions default")).contains("What did you do yesterday?");
        }

        @Test
        @DisplayName("bad questions, times and reminders get one clear line and change nothing")
        void shouldRefuseBadInput() {
            assertThat(admin("settings questions A | B | C | D | E | F")).contains("at most 5 questions");
            assertThat(admin("settings questions " + "x".repeat(151))).contains("Question 1 is 151 characters");
            assertThat(admin("settings questions A || B")).contains("Question 2 is empty");
            assertThat(admin("schedule standup mon-fri 25:00")).contains("isn't a time");
            assertThat(admin("schedule standup mon-fri 07:00")).contains("within the team's working hours");
            assertThat(admin("schedule standup mon-fri 10:00 remind 09:00")).contains("must come after the standup");
            assertThat(harness.command(ALICE, STANDUP, "schedule standup off")).doesNotContain("stop running");
            assertThat(admin("settings"))
                    .contains("Standup run by me: mon-fri 09:30")
                    .contains("reminder 11:30")
                    .contains("What did you do yesterday?");
        }

        @Test
        @DisplayName("`schedule standup … remind HH:MM` sets the reminder; `schedule standup off` stops the standup")
        void shouldSetReminderAndStop() {
            assertThat(admin("schedule standup mon-fri 09:30 remind 10:00")).contains("One reminder at 10:00");
            standupDue(BERLIN, TUESDAY_BERLIN);
            harness.advance(Duration.ofMinutes(31));
            assertThat(remindersTo(LEAD)).hasSize(1);

            assertThat(admin("schedule standup off")).contains("stop running the standup of #standup");
            harness.sim().clearCalls();
            standupDue(BERLIN, Instant.parse("2026-11-25T08:30:00Z"));
            assertThat(dmsWith(LEAD, "standup_answer")).isEmpty();
        }
    }

    /** Every stored cell (any table) whose text contains {@code needle}, as {@code table.column}. */
    private List<String> storedCellsContaining(String needle) throws Exception {
        List<String> cells = new ArrayList<>();
        try (var connection = java.sql.DriverManager.getConnection(
                        "jdbc:sqlite:" + harness.directory().resolve("ownership.db"));
                var tables = connection
                        .createStatement()
                        .executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            for (String table : names) {
                try (ResultSet rows = connection.createStatement().executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            String value = rows.getString(i);
                            if (value != null && value.contains(needle)) {
                                cells.add(table + "." + rows.getMetaData().getColumnName(i));
                            }
                        }
                    }
                }
            }
        }
        return cells;
    }
}
