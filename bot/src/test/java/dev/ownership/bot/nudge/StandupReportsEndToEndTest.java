package dev.ownership.bot.nudge;

import static dev.ownership.bot.BotHarness.ADMIN;
import static dev.ownership.bot.BotHarness.ALICE;
import static dev.ownership.bot.BotHarness.BOB;
import static dev.ownership.bot.BotHarness.STANDUP;
import static dev.ownership.bot.BotHarness.WAIT;
import static dev.ownership.simulator.BotReport.answer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.bot.BotHarness;
import dev.ownership.bot.config.Config;
import dev.ownership.simulator.ActionSource;
import dev.ownership.simulator.BotReport;
import dev.ownership.simulator.EventDelivery;
import dev.ownership.simulator.Fault;
import dev.ownership.simulator.RecordedCall;
import dev.ownership.simulator.SimMessage;
import dev.ownership.simulator.SimUser;
import dev.ownership.simulator.SlackSimulator;
import dev.ownership.storage.nudge.FirstVerdict;
import dev.ownership.storage.nudge.PostLabel;
import dev.ownership.storage.nudge.StandupPost;
import dev.ownership.storage.nudge.StandupRepository;
import dev.ownership.storage.testing.Rows;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("reports of the standup bot a team already uses, end to end through the simulator")
class StandupReportsEndToEndTest {
    private static final String GEEKBOT = "U0GEEKBT";
    private static final String DAILYBOT = "U0DAILYB";
    private static final Duration GRACE = Duration.ofMinutes(10);
    private static final List<BotReport.Answer> BLOCKED = List.of(
            answer("What did you do yesterday?", "Finished the export job"),
            answer("What will you do today?", "Billing retries"),
            answer("Anything blocking your progress?", "Waiting on a review of my PR #412"));
    private static final List<BotReport.Answer> NOTHING_BLOCKING = List.of(
            answer("What did you do yesterday?", "Finished the export job"),
            answer("What will you do today?", "Billing retries"),
            answer("Anything blocking your progress?", "N/A"));

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    @BeforeEach
    void teamWithGeekbot() {
        harness.sim()
                .workspace()
                .addUser(SimUser.person(GEEKBOT, "geekbot", "UTC")
                        .withRealName("Geekbot")
                        .asBot());
        harness.sim()
                .workspace()
                .addUser(SimUser.person(DAILYBOT, "dailybot", "UTC")
                        .withRealName("DailyBot")
                        .asBot());
        harness.watchStandup();
    }

    /** The three shapes, each naming Alice its own way: her id on the first line, her real name, her display name. */
    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(
                        "a mention on the first line, answers as attachments",
                        shape(a -> BotReport.mentioning(ALICE, a))),
                Arguments.of(
                        "the attachment's author_name, answers as fields",
                        shape(a -> BotReport.authoredBy("Alice", a))),
                Arguments.of(
                        "posted as the person (username), answers in the text",
                        shape(a -> BotReport.postedAs("alice", a))));
    }

    private static Function<List<BotReport.Answer>, BotReport> shape(Function<List<BotReport.Answer>, BotReport> f) {
        return f;
    }

    private String command(String user, String text) {
        return harness.command(user, STANDUP, text);
    }

    private void readGeekbot() {
        assertThat(command(ADMIN, "settings reports from <@" + GEEKBOT + "|geekbot>"))
                .contains("From now on I read <@" + GEEKBOT + ">'s posts in #standup");
    }

    private EventDelivery report(String bot, BotReport report) {
        EventDelivery delivery = harness.slack().botReport(STANDUP, bot, report);
        assertThat(delivery.status()).isEqualTo(200);
        harness.probe().awaitBackgroundWork(WAIT);
        return delivery;
    }

    private void afterGrace() {
        harness.advance(GRACE.plusMinutes(1));
    }

    private Optional<StandupPost> recorded(EventDelivery report) {
        return new StandupRepository(harness.bot().database()).find(STANDUP, report.ts());
    }

    /** How many of the report's rows wait for their person: recorded at the ack, not yet attributed. */
    private int waiting(EventDelivery report) {
        return harness.bot().database().read(connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT count(*) FROM report_arrivals WHERE channel_id = ? AND ts = ?")) {
                statement.setString(1, STANDUP);
                statement.setString(2, report.ts());
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    private List<RecordedCall> botPosts() {
        return harness.sim().calls("chat.postMessage");
    }

    @Nested
    @DisplayName("with the team's standup bot named")
    class Named {
        @BeforeEach
        void named() {
            readGeekbot();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.ownership.bot.nudge.StandupReportsEndToEndTest#shapes")
        @DisplayName("a report with a blocker and no next step nudges the person it reports for, linking the report")
        void shouldNudgeReportedPerson(String shape, Function<List<BotReport.Answer>, BotReport> reportOf) {
            EventDelivery delivery = report(GEEKBOT, reportOf.apply(BLOCKED));
            assertThat(recorded(delivery)).hasValueSatisfying(post -> {
                assertThat(post.userId()).isEqualTo(ALICE);
                assertThat(post.isBlocker()).isTrue();
            });

            afterGrace();
            RecordedCall nudge =
                    harness.sim().awaitCall("chat.postMessage", call -> ALICE.equals(call.param("channel")), WAIT);

            RecordedCall permalink = harness.sim().calls("chat.getPermalink").get(0);
            assertThat(permalink.param("channel")).isEqualTo(STANDUP);
            assertThat(permalink.param("message_ts")).isEqualTo(delivery.ts());
            assertThat(nudge.jsonParam("blocks").toString())
                    .contains(permalink.response().get("permalink").asText())
                    .contains("Ask one named reviewer directly");
            assertThat(nudge.text()).doesNotContain("PR #412").doesNotContain("Billing retries");
            assertThat(harness.sim().dmsTo(ALICE)).hasSize(1);
            assertThat(botPosts())
                    .allSatisfy(call -> assertThat(call.param("channel")).isNotEqualTo(STANDUP));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.ownership.bot.nudge.StandupReportsEndToEndTest#shapes")
        @DisplayName("a report whose blockers answer is \"N/A\" is recorded for the person and nudges nobody")
        void shouldNotNudgeNothingBlocking(String shape, Function<List<BotReport.Answer>, BotReport> reportOf) {
            EventDelivery delivery = report(GEEKBOT, reportOf.apply(NOTHING_BLOCKING));

            assertThat(recorded(delivery)).hasValueSatisfying(post -> {
                assertThat(post.userId()).isEqualTo(ALICE);
                assertThat(post.isBlocker()).isFalse();
            });
            afterGrace();
            harness.advance(Duration.ofHours(1));
            assertThat(botPosts()).isEmpty();
        }

        @Test
        @DisplayName("a report is recorded before its ack; the person it names is found after the ack")
        void shouldRecordBeforeAck() {
            harness.sim().faults().failNext("conversations.members", Fault.delay(Duration.ofSeconds(2)));

            EventDelivery delivery = harness.slack().botReport(STANDUP, GEEKBOT, BotReport.mentioning(ALICE, BLOCKED));

            assertThat(delivery.status()).isEqualTo(200);
            assertThat(waiting(delivery)).as("its verdict, recorded by the ack").isEqualTo(1);
            assertThat(recorded(delivery))
                    .as("no person's post until attributed")
                    .isEmpty();
            harness.probe().awaitBackgroundWork(WAIT);
            assertThat(waiting(delivery)).isZero();
            assertThat(recorded(delivery))
                    .hasValueSatisfying(post -> assertThat(post.userId()).isEqualTo(ALICE));
        }

        @Test
        @DisplayName("a report a crash left before its person was found is forgotten at the next start, never nudged")
        void shouldForgetInterruptedReports() {
            harness.sim().faults().failAlways("conversations.members", Fault.serverError(503));
            EventDelivery delivery = harness.slack().botReport(STANDUP, GEEKBOT, BotReport.mentioning(ALICE, BLOCKED));
            assertThat(waiting(delivery)).isEqualTo(1);
            harness.probe().awaitBackgroundWork(WAIT);
            harness.sim().faults().clear("conversations.members");
            assertThat(waiting(delivery))
                    .as("a lookup that failed names nobody")
                    .isZero();

            new StandupRepository(harness.bot().database())
                    .recordArrival(
                            STANDUP,
                            "1800000000.000100",
                            harness.clock().instant(),
                            new FirstVerdict(
                                    PostLabel.BLOCKER_WITHOUT_PROPOSAL,
                                    null,
                                    List.of(),
                                    StandupPost.State.PENDING,
                                    harness.clock().instant().plus(GRACE),
                                    null),
                            harness.clock().instant());
            harness.advance(Duration.ofMinutes(6));
            harness.restart();

            assertThat(new Rows(harness.bot().database()).count("report_arrivals"))
                    .isZero();
            harness.advance(GRACE);
            assertThat(botPosts()).isEmpty();
        }

        @Test
        @DisplayName("the person's own next step in the report's thread cancels the nudge, as for their own post")
        void shouldCancelOnPersonsThreadReply() {
            EventDelivery delivery = report(GEEKBOT, BotReport.mentioning(ALICE, BLOCKED));
            harness.slack()
                    .threadReply(STANDUP, delivery.ts(), ALICE, "I'll ask <@U0LEAD01> to review it at 2pm today");
            afterGrace();
            harness.advance(Duration.ofHours(1));

            assertThat(botPosts()).isEmpty();
            assertThat(recorded(delivery))
                    .hasValueSatisfying(post -> assertThat(post.state()).isEqualTo(StandupPost.State.PROPOSED));
        }

        @Test
        @DisplayName("an edited report is judged again as its person's: an added blocker is nudged")
        void shouldJudgeEditedReport() {
            EventDelivery delivery = report(GEEKBOT, BotReport.authoredBy("Alice", NOTHING_BLOCKING));
            assertThat(harness.slack()
                            .editBotReport(STANDUP, delivery.ts(), GEEKBOT, BotReport.authoredBy("Alice", BLOCKED))
                            .status())
                    .isEqualTo(200);
            harness.probe().awaitBackgroundWork(WAIT);
            afterGrace();

            harness.sim().awaitCall("chat.postMessage", call -> ALICE.equals(call.param("channel")), WAIT);
            assertThat(harness.sim().dmsTo(ALICE)).hasSize(1);
        }

        @Test
        @DisplayName("a name that is nobody in the channel is skipped, never guessed")
        void shouldSkipUnknownName() {
            EventDelivery byName = report(GEEKBOT, BotReport.postedAs("Zed Unknown", BLOCKED));
            EventDelivery byId = report(GEEKBOT, BotReport.mentioning("U0NOBODY", BLOCKED));
            afterGrace();
            harness.advance(Duration.ofHours(1));

            assertThat(recorded(byName)).isEmpty();
            assertThat(recorded(byId)).isEmpty();
            assertThat(waiting(byName) + waiting(byId))
                    .as("nothing of them kept")
                    .isZero();
            assertThat(botPosts()).isEmpty();
        }

        @Test
        @DisplayName("a name two members share is skipped, never guessed")
        void shouldSkipAmbiguousName() {
            harness.sim()
                    .workspace()
                    .addUser(SimUser.person(BOB, "bob", "America/New_York").withRealName("Alice"));
            assertThat(harness.slack().userChange(BOB).status()).isEqualTo(200);
            harness.probe().awaitBackgroundWork(WAIT);
            EventDelivery delivery = report(GEEKBOT, BotReport.authoredBy("Alice", BLOCKED));
            afterGrace();
            harness.advance(Duration.ofHours(1));

            assertThat(recorded(delivery)).isEmpty();
            assertThat(botPosts()).isEmpty();
        }

        @Test
        @DisplayName("a first line mentioning two people, or a post with no answers, is no report")
        void shouldSkipAmbiguousOrEmptyPosts() {
            EventDelivery two = report(
                    GEEKBOT, BotReport.plain("<@" + ALICE + "> and <@" + BOB + ">: blocked on the review of #412"));
            EventDelivery reminder = report(GEEKBOT, BotReport.plain("<@" + ALICE + "> hasn't reported yet"));
            afterGrace();

            assertThat(recorded(two)).isEmpty();
            assertThat(recorded(reminder)).isEmpty();
            assertThat(botPosts()).isEmpty();
        }

        @Test
        @DisplayName("another bot's reports stay ignored")
        void shouldIgnoreOtherBots() {
            EventDelivery other = report(DAILYBOT, BotReport.mentioning(ALICE, BLOCKED));
            harness.slack().botMessage(STANDUP, "<@" + ALICE + "> posted an update\nBlockers: waiting on CI");
            harness.probe().awaitBackgroundWork(WAIT);
            afterGrace();
            harness.advance(Duration.ofHours(1));

            assertThat(recorded(other)).isEmpty();
            assertThat(botPosts()).isEmpty();
        }

        @Test
        @DisplayName("forget-me erases the person's reports with the rest of their records")
        void shouldForgetReports() {
            EventDelivery delivery = report(GEEKBOT, BotReport.mentioning(ALICE, NOTHING_BLOCKING));
            assertThat(recorded(delivery)).isPresent();

            assertThat(command(ALICE, "forget-me")).contains("Erase everything I store about you?");
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
            harness.sim().awaitCalls("response_url", before + 1, WAIT);

            assertThat(recorded(delivery)).isEmpty();
        }

        @Test
        @DisplayName("retention prunes old reports with the rest of the records")
        void shouldPruneOldReports() {
            harness.restartWith(Config.OWNERSHIP_RETENTION, "P30D");
            EventDelivery delivery = report(GEEKBOT, BotReport.mentioning(ALICE, NOTHING_BLOCKING));
            assertThat(recorded(delivery)).isPresent();
            harness.clock().set(harness.clock().instant().plus(Duration.ofDays(31)));

            harness.bot().runDailyMaintenance();

            assertThat(recorded(delivery)).isEmpty();
            assertThat(command(ADMIN, "settings")).contains("Standup bot reports: read from @" + GEEKBOT);
        }

        @Test
        @DisplayName("`settings` shows the bot; `settings reports off` stops reading it")
        void shouldShowAndStop() {
            assertThat(command(ADMIN, "settings")).contains("Standup bot reports: read from @" + GEEKBOT);

            assertThat(command(ADMIN, "settings reports off"))
                    .contains("I'll no longer read <@" + GEEKBOT + ">'s reports in #standup");
            EventDelivery delivery = report(GEEKBOT, BotReport.mentioning(ALICE, BLOCKED));
            afterGrace();

            assertThat(recorded(delivery)).isEmpty();
            assertThat(botPosts()).isEmpty();
            assertThat(command(ADMIN, "settings")).contains("Standup bot reports: off");
            assertThat(command(ADMIN, "settings reports off")).contains("I'm not reading a standup bot's reports");
        }

        @Test
        @DisplayName("the setting persists across a restart")
        void shouldPersistAcrossRestart() {
            harness.restart();
            assertThat(command(ADMIN, "settings")).contains("Standup bot reports: read from @" + GEEKBOT);

            report(GEEKBOT, BotReport.mentioning(ALICE, BLOCKED));
            afterGrace();

            harness.sim().awaitCall("chat.postMessage", call -> ALICE.equals(call.param("channel")), WAIT);
            assertThat(harness.sim().dmsTo(ALICE)).hasSize(1);
        }
    }

    @Nested
    @DisplayName("naming the bot")
    class Naming {
        @Test
        @DisplayName("is refused for someone who is not a team admin, and changes nothing")
        void shouldRefuseNonAdmin() {
            assertThat(command(ALICE, "settings reports from <@" + GEEKBOT + "|geekbot>"))
                    .contains("ask")
                    .doesNotContain("From now on");
            EventDelivery delivery = report(GEEKBOT, BotReport.mentioning(ALICE, BLOCKED));
            afterGrace();

            assertThat(recorded(delivery)).isEmpty();
            assertThat(botPosts()).isEmpty();
            assertThat(command(ADMIN, "settings")).contains("Standup bot reports: off");
        }

        @Test
        @DisplayName("refuses a person, Ownership itself, and a name Slack sent no id for")
        void shouldRefuseWhatIsNotAStandupBot() {
            assertThat(command(ADMIN, "settings reports from <@" + BOB + "|bob>"))
                    .contains("<@" + BOB + "> is a person, not a bot")
                    .contains("Nothing changed");
            assertThat(command(ADMIN, "settings reports from <@" + SlackSimulator.BOT_USER_ID + "|ownership>"))
                    .contains("That's me");
            assertThat(command(ADMIN, "settings reports from @geekbot")).contains("Mention it with `@`");
            assertThat(command(ADMIN, "settings reports geekbot"))
                    .contains("settings reports from @geekbot [#channel]");
            assertThat(command(ADMIN, "settings")).contains("Standup bot reports: off");
        }

        @Test
        @DisplayName("before it is named, the bot's reports are ignored like any bot's")
        void shouldIgnoreBeforeNamed() {
            EventDelivery delivery = report(GEEKBOT, BotReport.mentioning(ALICE, BLOCKED));
            afterGrace();

            assertThat(recorded(delivery)).isEmpty();
            assertThat(botPosts()).isEmpty();
        }
    }
}
