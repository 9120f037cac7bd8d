package dev.ownership.bot.streak;

import static dev.ownership.bot.BotHarness.ADMIN;
import static dev.ownership.bot.BotHarness.ALICE;
import static dev.ownership.bot.BotHarness.BOB;
import static dev.ownership.bot.BotHarness.CHEN;
import static dev.ownership.bot.BotHarness.LEAD;
import static dev.ownership.bot.BotHarness.MONDAY_MORNING;
import static dev.ownership.bot.BotHarness.STANDUP;
import static dev.ownership.bot.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.bot.BotHarness;
import dev.ownership.simulator.RecordedCall;
import dev.ownership.storage.testing.Rows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("streaks, me and team, end to end through the simulator")
class ProgressEndToEndTest {
    static final String PROPOSED_REVIEW =
            "Blockers: waiting on review of #412 - <@U0LEAD01> could you review it today?";
    static final String PROPOSED_ACCESS = "Blocked: no access to the prod logs bucket. I filed an access request with "
            + "IT and will pair with <@U0BOB001> meanwhile";
    static final String PROPOSED_LIMITER = "Today: finishing the rate limiter. Blocked on review of #413 - <@U0LEAD01> "
            + "could you take a look before 3pm?";
    static final String UNPROPOSED = "*Yesterday:* finished the export job\n*Today:* billing retries\n*Blockers:* "
            + "waiting on a review of my PR #412";

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    private Rows facts;

    @BeforeEach
    void watch() {
        harness.watchStandup();
        facts = new Rows(harness.bot().database());
        // The history these tests write reaches back a month: the team was watched before it.
        harness.bot().database().write(connection -> {
            try (var statement = connection.prepareStatement("UPDATE teams SET watched_at = ?")) {
                statement.setLong(1, MONDAY_MORNING.minus(Duration.ofDays(60)).toEpochMilli());
                statement.executeUpdate();
            }
        });
    }

    @Test
    @DisplayName("weeks before the team was watched are not shown, and a streak not begun reads as a start")
    void shouldLeaveOutWeeksBeforeWatch() {
        harness.bot().database().write(connection -> {
            try (var statement = connection.prepareStatement("UPDATE teams SET watched_at = ?")) {
                statement.setLong(1, MONDAY_MORNING.toEpochMilli());
                statement.executeUpdate();
            }
        });
        facts.learning(STANDUP, ALICE, daysAgo(8));

        String me = harness.command(ALICE, STANDUP, "me");

        assertThat(me)
                .contains("_This week:_ a quiet week")
                .doesNotContain("Week of 16 Nov")
                .contains("*Ownership*: starts with your next blocker that comes with a next step")
                .doesNotContain("0 blockers in a row");
        assertThat(harness.command(ALICE, STANDUP, "team"))
                .contains("*#standup: this week*")
                .doesNotContain("Week of");
    }

    private void post(String user, String text) {
        assertThat(harness.slack().message(STANDUP, user, text).status()).isEqualTo(200);
    }

    private static Instant daysAgo(int days) {
        return MONDAY_MORNING.minus(Duration.ofDays(days));
    }

    @Nested
    @DisplayName("/ownership me")
    class Me {
        @Test
        @DisplayName("shows your streaks and your last four weeks, privately")
        void shouldShowStreaksAndWeeks() {
            post(ALICE, PROPOSED_REVIEW);
            post(ALICE, UNPROPOSED);
            facts.learning(STANDUP, ALICE, daysAgo(4))
                    .learning(STANDUP, ALICE, MONDAY_MORNING.minusSeconds(120))
                    .riskCheckin(STANDUP, ALICE, MONDAY_MORNING.minusSeconds(60), false)
                    .prompt(STANDUP, ALICE, MONDAY_MORNING.minusSeconds(300), MONDAY_MORNING.minusSeconds(120));

            String me = harness.command(ALICE, STANDUP, "me");

            assertThat(me)
                    .contains("*#standup*")
                    .contains("*Ownership*: 1 blocker in a row with a next step · best 1")
                    .contains("*Learning*: 2 weeks in a row sharing a learning · best 2")
                    .contains("*Early risk*: 1 week in a row answering the risk check-in")
                    .contains("2/3 to the next milestone")
                    .contains("This week: 2 blockers, 1 with a next step · 1 learning · 1 risk check-in · "
                            + "1 of 1 prompt answered\n")
                    .contains("Week of 16 Nov: 1 learning\n")
                    .contains("Week of 2 Nov: a quiet week")
                    .doesNotContain("0 risks")
                    .doesNotContain("0 learnings");
            RecordedCall answer = harness.sim().calls("response_url").get(0);
            assertThat(answer.param("response_type")).isEqualTo("ephemeral");
            assertThat(harness.sim().history(STANDUP)).hasSize(2);
        }

        @Test
        @DisplayName("the empty command is the same as me, and works anywhere, e.g. in a DM")
        void shouldWorkAnywhere() {
            post(ALICE, PROPOSED_REVIEW);

            String me = harness.command(ALICE, harness.sim().workspace().dmChannelOf(ALICE), "");

            assertThat(me).contains("*#standup*").contains("1 blocker in a row with a next step");
        }

        @Test
        @DisplayName("before you took part anywhere, it says how to start")
        void shouldExplainWithoutTeams() {
            harness.sim().workspace().addUser(dev.ownership.simulator.SimUser.person("U0DAVE01", "dave", "UTC"));

            assertThat(harness.command("U0DAVE01", "D0DAVE01", "me"))
                    .contains("I haven't seen you in a standup channel");
        }

        @Test
        @DisplayName("shows a pause, which holds the weekly streaks")
        void shouldShowPause() {
            facts.learning(STANDUP, ALICE, MONDAY_MORNING);
            harness.command(ALICE, STANDUP, "pause until 2026-12-07");

            assertThat(harness.command(ALICE, STANDUP, "me"))
                    .contains("You're paused until 2026-12-07")
                    .contains("1 week in a row sharing a learning");
        }
    }

    @Nested
    @DisplayName("/ownership team")
    class TeamTrend {
        private final List<String> everyone = List.of(ADMIN, LEAD, ALICE, BOB, CHEN);

        @BeforeEach
        void activity() {
            post(ALICE, PROPOSED_REVIEW);
            post(BOB, UNPROPOSED);
            facts.learning(STANDUP, CHEN, MONDAY_MORNING.minusSeconds(30)).riskCheckin(STANDUP, BOB, daysAgo(5), true);
        }

        /** The answer as Slack received it, mentions unrendered. */
        private String rawAnswer() {
            List<RecordedCall> answers = harness.sim().calls("response_url");
            return answers.get(answers.size() - 1).params().toString();
        }

        @Test
        @DisplayName("shows the weekly trend as aggregates, and no names without the leaderboard setting")
        void shouldShowAggregatesOnly() {
            String team = harness.command(BOB, STANDUP, "team");
            String raw = rawAnswer();

            assertThat(team)
                    .contains("*#standup: the last 4 weeks*")
                    .contains("This week: 2 blockers (50% with a next step) · 1 learning · 0 risks flagged early · "
                            + "3 of 5 members active")
                    .contains("Week of 16 Nov: 0 blockers · 0 learnings · 1 risk flagged early · 1 of 5 members active")
                    .contains("No leaderboard")
                    .doesNotContain("@U");
            assertThat(raw).contains("the last 4 weeks").doesNotContain("<@");
            everyone.forEach(id -> assertThat(raw).doesNotContain(id));
            assertThat(team).doesNotContain("alice").doesNotContain("bob").doesNotContain("chen");
        }

        @Test
        @DisplayName("counts members when membership is recorded")
        void shouldCountMembers() {
            everyone.forEach(id -> facts.member(STANDUP, id, MONDAY_MORNING));

            assertThat(harness.command(BOB, STANDUP, "team")).contains("3 of 5 members active");
        }

        @Test
        @DisplayName("with the leaderboard on, lists people by streak, never paused ones")
        void shouldListLeaderboardWithoutPausedPeople() {
            harness.command(ADMIN, STANDUP, "settings leaderboard on");
            for (String person : List.of(ALICE, BOB, CHEN)) {
                assertThat(harness.command(person, STANDUP, "leaderboard join")).contains("You're on the leaderboard");
            }
            harness.command(CHEN, STANDUP, "pause");

            String team = harness.command(BOB, STANDUP, "team");

            assertThat(team)
                    .contains("*Leaderboard*")
                    .contains("1. @" + ALICE + " 1 · 0 · 0")
                    .contains("2. @" + BOB + " 0 · 0 · 1")
                    .doesNotContain(CHEN);
            assertThat(rawAnswer()).contains("<@" + ALICE + ">");
        }

        @Test
        @DisplayName("the leaderboard ranks nobody who did not join it, and leaving takes a person off")
        void shouldRankOnlyWhoJoined() {
            harness.command(ADMIN, STANDUP, "settings leaderboard on");
            assertThat(harness.command(BOB, STANDUP, "team"))
                    .doesNotContain(ALICE)
                    .doesNotContain(BOB);

            harness.command(ALICE, STANDUP, "leaderboard join");
            assertThat(harness.command(BOB, STANDUP, "team"))
                    .contains("1. @" + ALICE)
                    .doesNotContain(BOB);

            assertThat(harness.command(ALICE, STANDUP, "leaderboard leave")).contains("You're off the leaderboard");
            assertThat(harness.command(BOB, STANDUP, "team")).doesNotContain(ALICE);
        }

        @Test
        @DisplayName("names the team's channel from elsewhere, and refuses channels it does not watch")
        void shouldResolveChannel() {
            String dm = harness.sim().workspace().dmChannelOf(BOB);

            assertThat(harness.command(BOB, dm, "team <#" + STANDUP + "|standup>"))
                    .contains("*#standup: the last 4 weeks*");
            assertThat(harness.command(BOB, dm, "team")).contains("I'm not watching");
        }
    }

    @Nested
    @DisplayName("milestones")
    class Milestones {
        /** Waits for the person's App Home to be published showing {@code text}. */
        private RecordedCall awaitHome(String user, String text) {
            return harness.sim()
                    .awaitCall(
                            "views.publish",
                            call -> user.equals(call.param("user_id"))
                                    && call.text().contains(text),
                            WAIT);
        }

        private List<RecordedCall> celebrationsTo(String user) {
            return harness.sim().dmsTo(user).stream()
                    .filter(call -> call.text().contains(":tada:"))
                    .toList();
        }

        @Test
        @DisplayName("reaching 3 blockers in a row with a next step earns one short DM, once")
        void shouldCelebrateOnce() {
            post(ALICE, PROPOSED_REVIEW);
            post(ALICE, PROPOSED_ACCESS);
            post(ALICE, PROPOSED_LIMITER);

            RecordedCall celebration = harness.sim()
                    .awaitCall("chat.postMessage", call -> call.text().contains(":tada:"), WAIT);
            post(ALICE, PROPOSED_REVIEW.replace("#412", "#414"));
            awaitHome(ALICE, "4 blockers in a row");

            assertThat(celebration.text()).contains("3 blockers in a row with a next step* in #standup");
            assertThat(celebrationsTo(ALICE)).hasSize(1);
        }

        @Test
        @DisplayName("count against the daily budget: a second one the same day is skipped, not sent later")
        void shouldSkipOverBudget() {
            facts.learning(STANDUP, ALICE, daysAgo(14))
                    .learning(STANDUP, ALICE, daysAgo(7))
                    .learning(STANDUP, ALICE, MONDAY_MORNING);
            harness.slack().appHomeOpened(ALICE);
            harness.sim().awaitCall("chat.postMessage", call -> call.text().contains("3 weeks in a row"), WAIT);

            post(ALICE, PROPOSED_REVIEW);
            post(ALICE, PROPOSED_ACCESS);
            post(ALICE, PROPOSED_LIMITER);
            awaitHome(ALICE, "3 blockers in a row");
            harness.advance(Duration.ofDays(1));
            harness.slack().appHomeOpened(ALICE);
            harness.sim()
                    .awaitCall(
                            "views.publish",
                            call -> ALICE.equals(call.param("user_id"))
                                    && call.at().isAfter(MONDAY_MORNING),
                            WAIT);

            assertThat(celebrationsTo(ALICE)).hasSize(1);
            assertThat(facts.count("streak_milestones")).isEqualTo(2);
        }

        @Test
        @DisplayName("paused people are not celebrated")
        void shouldNotCelebratePaused() {
            harness.command(ALICE, STANDUP, "pause");
            facts.learning(STANDUP, ALICE, daysAgo(14))
                    .learning(STANDUP, ALICE, daysAgo(7))
                    .learning(STANDUP, ALICE, MONDAY_MORNING.minusSeconds(60));
            harness.slack().appHomeOpened(ALICE);
            awaitHome(ALICE, "3 weeks in a row sharing a learning");

            assertThat(celebrationsTo(ALICE)).isEmpty();
            assertThat(facts.count("streak_milestones")).isEqualTo(1);
        }
    }
}
