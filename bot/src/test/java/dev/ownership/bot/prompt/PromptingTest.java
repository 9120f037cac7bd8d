package dev.ownership.bot.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.bot.ops.Metrics;
import dev.ownership.bot.pause.Pauses;
import dev.ownership.bot.pause.PersonalControls;
import dev.ownership.simulator.ManualClock;
import dev.ownership.storage.Database;
import dev.ownership.storage.pause.PauseRepository;
import dev.ownership.storage.pause.PersonalControlRepository;
import dev.ownership.storage.prompt.PromptDelivery;
import dev.ownership.storage.prompt.PromptDelivery.Key;
import dev.ownership.storage.prompt.PromptDeliveryRepository;
import dev.ownership.storage.prompt.PromptFanOut;
import dev.ownership.storage.prompt.PromptFanOutRepository;
import dev.ownership.storage.prompt.ScheduleRepository;
import dev.ownership.storage.workspace.MemberRepository;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamMember;
import dev.ownership.storage.workspace.TeamRepository;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prompt work as the scheduler calls it, without Quartz: a manual clock, a real SQLite file, and fakes for
 * Slack. Team #standup works mon-fri and has the default schedules (learning Fridays 15:00, risk Mondays 10:00).
 */
@DisplayName("prompt work")
class PromptingTest {
    private static final String TEAM = "C0STANDUP";
    private static final String ALICE = "U0ALICE";
    private static final String ANNA = "U0ANNA";
    private static final String BOB = "U0BOB";
    private static final String CHEN = "U0CHEN";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** Monday 2026-11-23, 10:00 in Berlin: the team is watched. */
    private static final Instant WATCHED = Instant.parse("2026-11-23T09:00:00Z");
    /** Friday 2026-11-27, 15:00 in Berlin. */
    private static final Instant FRIDAY_BERLIN = Instant.parse("2026-11-27T14:00:00Z");
    /** Friday 2026-11-27, 15:00 in New York. */
    private static final Instant FRIDAY_NEW_YORK = Instant.parse("2026-11-27T20:00:00Z");

    @TempDir
    Path directory;

    private final ManualClock clock = new ManualClock(WATCHED);
    private final FakeWorkspace workspace = new FakeWorkspace();
    private final FakeMessenger messenger = new FakeMessenger();
    private final AtomicInteger rebuilds = new AtomicInteger();
    private Database database;
    private TeamRepository teams;
    private MemberRepository members;
    private PromptDeliveryRepository deliveries;
    private Pauses pauses;
    private PersonalControls controls;
    private TeamMembership membership;
    private Prompting prompting;

    @BeforeEach
    void setUp() {
        database = Database.open(directory.resolve("o.db"));
        teams = new TeamRepository(database);
        members = new MemberRepository(database);
        deliveries = new PromptDeliveryRepository(database);
        ScheduleRepository schedules = new ScheduleRepository(database);
        pauses = new Pauses(new PauseRepository(database), clock);
        membership = new TeamMembership(teams, members, workspace, rebuilds::incrementAndGet, clock);
        controls = new PersonalControls(pauses, new PersonalControlRepository(database), clock);
        PromptSender sender = new PromptSender(deliveries, controls, messenger, clock, new Metrics());
        prompting = new Prompting(
                teams,
                schedules,
                members,
                membership,
                sender,
                new PromptFanOutRepository(database),
                Runnable::run,
                clock);

        workspace
                .person(ALICE, "Europe/Berlin")
                .person(ANNA, "Europe/Berlin")
                .person(BOB, "America/New_York")
                .person(CHEN, "Asia/Tokyo")
                .bot("U0BOT");
        workspace.channel(TEAM, ALICE, ANNA, BOB, CHEN, "U0BOT");
        teams.watch(TEAM, "T1", "standup", BERLIN, ALICE, WATCHED);
        schedules.addMissing(PromptSchedules.defaults(TEAM));
        membership.sync(TEAM, false);
        rebuilds.set(0);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private void at(Instant instant) {
        clock.set(instant);
    }

    private void learningDue(ZoneId zone, Instant scheduledAt) {
        prompting.sendDue(TEAM, "learning", zone, scheduledAt);
    }

    private static Key learning(String userId, String date) {
        return new Key(TEAM, "learning", userId, date);
    }

    @Nested
    @DisplayName("when a prompt's trigger fires")
    class Scheduled {
        @Test
        @DisplayName("the members living in the trigger's timezone get it, once, however often it fires")
        void shouldPromptMembersOfTheZoneOnce() {
            at(FRIDAY_BERLIN);
            learningDue(BERLIN, FRIDAY_BERLIN);
            learningDue(BERLIN, FRIDAY_BERLIN);

            assertThat(messenger.promptedUsers()).containsExactly(ALICE, ANNA);
            assertThat(messenger.prompts.get(0).type()).isEqualTo(PromptType.LEARNING);
            assertThat(messenger.prompts.get(0).occurrence()).isEqualTo("2026-11-27");
            assertThat(deliveries
                            .find(learning(ALICE, "2026-11-27"))
                            .orElseThrow()
                            .state())
                    .isEqualTo(PromptDelivery.State.SENT);

            at(FRIDAY_NEW_YORK);
            learningDue(NEW_YORK, FRIDAY_NEW_YORK);

            assertThat(messenger.promptedUsers()).containsExactly(ALICE, ANNA, BOB);
        }

        @Test
        @DisplayName("a trigger that fires after the day ended where the members live sends nothing")
        void shouldSkipWhenTheLocalDayIsOver() {
            Instant fridayTokyo = Instant.parse("2026-11-27T06:00:00Z");
            at(Instant.parse("2026-11-27T15:30:00Z")); // 00:30 on Saturday in Tokyo

            learningDue(TOKYO, fridayTokyo);

            assertThat(messenger.prompts).isEmpty();
        }

        @Test
        @DisplayName("nothing goes out on a day that stopped being a working day")
        void shouldFollowWorkdays() {
            teams.setWorkdays(TEAM, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.THURSDAY));
            at(FRIDAY_BERLIN);

            learningDue(BERLIN, FRIDAY_BERLIN);

            assertThat(messenger.prompts).isEmpty();
        }

        @Test
        @DisplayName("paused people are skipped, and prompted again the week they are back")
        void shouldSkipPausedPeople() {
            pauses.pause(ALICE, BERLIN, LocalDate.of(2026, 11, 30));
            at(FRIDAY_BERLIN);
            learningDue(BERLIN, FRIDAY_BERLIN);
            assertThat(messenger.promptedUsers()).containsExactly(ANNA);

            Instant nextFriday = FRIDAY_BERLIN.plus(Duration.ofDays(7));
            at(nextFriday);
            learningDue(BERLIN, nextFriday);

            assertThat(messenger.promptedUsers()).containsExactly(ANNA, ALICE, ANNA);
        }

        @Test
        @DisplayName("people who turned prompts off are skipped until they turn them on again; nudges stay theirs")
        void shouldSkipPeopleWithPromptsOff() {
            controls.setPrompts(ALICE, false);
            at(FRIDAY_BERLIN);
            learningDue(BERLIN, FRIDAY_BERLIN);
            assertThat(messenger.promptedUsers()).containsExactly(ANNA);
            assertThat(controls.whyNoNudge(ALICE, BERLIN)).isEmpty();

            controls.setPrompts(ALICE, true);
            Instant nextFriday = FRIDAY_BERLIN.plus(Duration.ofDays(7));
            at(nextFriday);
            learningDue(BERLIN, nextFriday);

            assertThat(messenger.promptedUsers()).containsExactly(ANNA, ALICE, ANNA);
        }

        @Test
        @DisplayName("one person's refused DM never stops the rest, and is not retried")
        void shouldIsolateFailures() {
            messenger.refuse(ALICE, "account_inactive");
            at(FRIDAY_BERLIN);

            learningDue(BERLIN, FRIDAY_BERLIN);
            prompting.catchUp();

            assertThat(messenger.promptedUsers())
                    .as("Alice once, not again on catch-up; Chen's 15:00 in Tokyo has passed")
                    .containsExactly(ALICE, ANNA, CHEN);
            PromptDelivery failed =
                    deliveries.find(learning(ALICE, "2026-11-27")).orElseThrow();
            assertThat(failed.state()).isEqualTo(PromptDelivery.State.FAILED);
            assertThat(failed.reason()).isEqualTo("account_inactive");
            assertThat(deliveries
                            .find(learning(ANNA, "2026-11-27"))
                            .orElseThrow()
                            .state())
                    .isEqualTo(PromptDelivery.State.SENT);
        }

        @Test
        @DisplayName("a fan-out stopped because the bot is stopping leaves the rest to the catch-up after the restart")
        void shouldLeaveTheRestWhenStopping() {
            messenger.interruptAfter(1);
            at(FRIDAY_BERLIN);

            learningDue(BERLIN, FRIDAY_BERLIN);

            assertThat(Thread.interrupted()).isTrue();
            assertThat(messenger.promptedUsers()).containsExactly(ALICE);
            assertThat(deliveries.find(learning(ANNA, "2026-11-27"))).isEmpty();
            prompting.catchUp();
            assertThat(messenger.promptedUsers()).containsExactly(ALICE, ANNA, CHEN);
        }

        @Test
        @DisplayName("someone who joined after the prompt's time is not owed it")
        void shouldNotPromptLateJoiners() {
            workspace.person("U0NEW", "Europe/Berlin");
            at(FRIDAY_BERLIN.plus(Duration.ofMinutes(30)));
            membership.joined(TEAM, "U0NEW");

            learningDue(BERLIN, FRIDAY_BERLIN);
            prompting.catchUp();

            assertThat(messenger.promptedUsers()).doesNotContain("U0NEW").containsExactly(ALICE, ANNA, CHEN);
        }
    }

    @Nested
    @DisplayName("when a person moves timezone")
    class Moving {
        private void move(String userId, String zone) {
            workspace.person(userId, zone);
            membership.personChanged(userId);
        }

        @Test
        @DisplayName("before the prompt, they get it at the scheduled time where they are now, and the triggers follow")
        void shouldPromptInNewTimezone() {
            at(Instant.parse("2026-11-26T12:00:00Z"));
            move(ALICE, "America/New_York");

            at(FRIDAY_BERLIN);
            learningDue(BERLIN, FRIDAY_BERLIN);
            at(FRIDAY_NEW_YORK);
            learningDue(NEW_YORK, FRIDAY_NEW_YORK);

            assertThat(messenger.promptedUsers()).containsExactly(ANNA, ALICE, BOB);
            assertThat(rebuilds).hasValue(1);
            assertThat(members.of(TEAM))
                    .filteredOn(member -> member.userId().equals(ALICE))
                    .extracting(TeamMember::timezone)
                    .containsExactly(NEW_YORK);
        }

        @Test
        @DisplayName("after getting the day's prompt, they do not get it again in the new timezone that day")
        void shouldNotPromptTwiceTheSameLocalDay() {
            at(FRIDAY_BERLIN);
            learningDue(BERLIN, FRIDAY_BERLIN);
            at(FRIDAY_BERLIN.plus(Duration.ofHours(2)));
            move(ALICE, "America/New_York");

            at(FRIDAY_NEW_YORK);
            learningDue(NEW_YORK, FRIDAY_NEW_YORK);

            assertThat(messenger.promptedUsers()).containsExactly(ALICE, ANNA, BOB);
        }
    }

    @Nested
    @DisplayName("catching up after downtime")
    class CatchingUp {
        @Test
        @DisplayName("sends once the prompts of today whose time has passed where each member lives")
        void shouldSendMissedPromptsOfToday() {
            at(Instant.parse("2026-11-27T21:00:00Z")); // Friday 22:00 Berlin, 16:00 New York, Saturday 06:00 Tokyo

            prompting.catchUp();
            prompting.catchUp();

            assertThat(messenger.promptedUsers()).containsExactly(ALICE, ANNA, BOB);
        }

        @Test
        @DisplayName("leaves the prompts whose time has not come yet to their triggers")
        void shouldNotSendEarly() {
            at(Instant.parse("2026-11-27T10:00:00Z")); // Friday 11:00 Berlin, 05:00 New York, 19:00 Tokyo

            prompting.catchUp();

            assertThat(messenger.promptedUsers()).containsExactly(CHEN);
        }

        @Test
        @DisplayName("skips a prompt whose local day is over")
        void shouldSkipYesterdaysPrompt() {
            at(Instant.parse("2026-11-28T09:00:00Z")); // Saturday everywhere

            prompting.catchUp();

            assertThat(messenger.prompts).isEmpty();
        }

        @Test
        @DisplayName("settles a delivery a crash interrupted as failed, never sending it again")
        void shouldSettleInterruptedDeliveries() {
            Key interrupted = learning(ALICE, "2026-11-27");
            deliveries.claim(interrupted, FRIDAY_BERLIN);
            at(FRIDAY_BERLIN.plus(Duration.ofMinutes(10)));

            prompting.catchUp();

            assertThat(messenger.promptedUsers()).containsExactly(ANNA, CHEN);
            assertThat(deliveries.find(interrupted).orElseThrow().reason()).isEqualTo("interrupted");
        }

        @Test
        @DisplayName("owes nothing for the time before the team was watched")
        void shouldNotOweBeforeWatch() {
            // Monday 11:00 in Berlin and 19:00 in Tokyo: their 10:00 risk check-ins came before the watch.
            at(WATCHED.plus(Duration.ofHours(1)));

            prompting.catchUp();

            assertThat(messenger.prompts).isEmpty();
        }
    }

    @Test
    @DisplayName(
            "sending now reaches every member in every timezone except the paused, with a new occurrence each time")
    void shouldSendNow() {
        pauses.pause(CHEN, TOKYO, null);
        Team team = teams.find(TEAM).orElseThrow();

        int count = prompting.sendNow(team, PromptType.RISK);
        clock.advance(Duration.ofSeconds(1));
        prompting.sendNow(team, PromptType.RISK);

        assertThat(count).isEqualTo(4);
        assertThat(messenger.promptedUsers()).containsExactly(ALICE, ANNA, BOB, ALICE, ANNA, BOB);
        assertThat(messenger.prompts.get(0).occurrence()).isEqualTo("now-" + WATCHED.toEpochMilli());
    }

    @Nested
    @DisplayName("a prompt sent now and cut short")
    class CutShort {
        private Team team() {
            return teams.find(TEAM).orElseThrow();
        }

        private Key now(String userId) {
            return new Key(TEAM, "learning", userId, "now-" + WATCHED.toEpochMilli());
        }

        @Test
        @DisplayName("by a stop is finished by the catch-up after the restart, once per person")
        void shouldFinishAfterStop() {
            messenger.interruptAfter(1);

            prompting.sendNow(team(), PromptType.LEARNING);

            assertThat(Thread.interrupted()).isTrue();
            assertThat(messenger.promptedUsers()).containsExactly(ALICE);
            clock.advance(Duration.ofMinutes(1));
            prompting.catchUp();
            prompting.catchUp();
            assertThat(messenger.promptedUsers()).containsExactly(ALICE, ANNA, BOB, CHEN);
            assertThat(messenger.prompts)
                    .extracting(PromptDm::occurrence)
                    .containsOnly(now(ALICE).occurrence());
            assertThat(new PromptFanOutRepository(database).unfinished()).isEmpty();
        }

        @Test
        @DisplayName("by a crash while one DM was being sent: the others get it, that one is never sent again")
        void shouldNotResendTheDmInFlight() {
            PromptFanOutRepository fanOuts = new PromptFanOutRepository(database);
            fanOuts.start(new PromptFanOut(TEAM, "learning", now(ALICE).occurrence(), WATCHED));
            deliveries.claim(now(ALICE), WATCHED);
            deliveries.markSent(now(ALICE), "DALICE", "1.1", WATCHED);
            deliveries.claim(now(ANNA), WATCHED); // the crash came before Slack's answer

            clock.advance(Duration.ofMinutes(1));
            prompting.catchUp();

            assertThat(messenger.promptedUsers()).containsExactly(BOB, CHEN);
            assertThat(deliveries.find(now(ANNA)).orElseThrow().state()).isEqualTo(PromptDelivery.State.SENDING);
            assertThat(fanOuts.unfinished()).isEmpty();
        }

        @Test
        @DisplayName("is not finished for people whose day it no longer is")
        void shouldNotFinishTheNextDay() {
            messenger.interruptAfter(1);
            prompting.sendNow(team(), PromptType.LEARNING);
            assertThat(Thread.interrupted()).isTrue();

            at(Instant.parse("2026-11-23T20:00:00Z")); // 21:00 in Berlin and 15:00 in New York, Tuesday in Tokyo
            prompting.catchUp();

            assertThat(messenger.prompts)
                    .filteredOn(prompt -> prompt.type() == PromptType.LEARNING)
                    .extracting(PromptDm::userId)
                    .containsExactly(ALICE, ANNA, BOB);
            assertThat(new PromptFanOutRepository(database).unfinished()).isEmpty();
        }
    }

    @Nested
    @DisplayName("team members")
    class Members {
        @Test
        @DisplayName("are the channel's humans, each with their timezone; bots are left out")
        void shouldKeepHumansOnly() {
            assertThat(members.of(TEAM))
                    .extracting(TeamMember::userId, TeamMember::timezone)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(ALICE, BERLIN),
                            org.assertj.core.groups.Tuple.tuple(ANNA, BERLIN),
                            org.assertj.core.groups.Tuple.tuple(BOB, NEW_YORK),
                            org.assertj.core.groups.Tuple.tuple(CHEN, TOKYO));
        }

        @Test
        @DisplayName("follow joins, leaves and deactivations, rebuilding the triggers only on a change")
        void shouldFollowTheChannel() {
            workspace.person("U0NEW", "Australia/Sydney");
            membership.joined(TEAM, "U0NEW");
            membership.joined(TEAM, "U0NEW");
            membership.left(TEAM, BOB);
            workspace.deactivate(ANNA);
            membership.personChanged(ANNA);

            assertThat(members.of(TEAM)).extracting(TeamMember::userId).containsExactly(ALICE, CHEN, "U0NEW");
            assertThat(rebuilds).hasValue(3);
        }

        @Test
        @DisplayName("a daily refresh catches what the events missed")
        void shouldRefreshDaily() {
            workspace.leave(TEAM, BOB);
            workspace.person(CHEN, "Asia/Seoul");

            prompting.refreshMembers();

            assertThat(members.of(TEAM))
                    .extracting(TeamMember::userId, TeamMember::timezone)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(ALICE, BERLIN),
                            org.assertj.core.groups.Tuple.tuple(ANNA, BERLIN),
                            org.assertj.core.groups.Tuple.tuple(CHEN, ZoneId.of("Asia/Seoul")));
        }

        @Test
        @DisplayName("when Slack will not list the workspace, the refresh follows who left and keeps what it knew")
        void shouldFollowOnlyMembershipWithoutTheList() {
            workspace.refuseToListEveryone();
            workspace.leave(TEAM, BOB);
            workspace.person(CHEN, "Asia/Seoul");

            prompting.refreshMembers();

            assertThat(members.of(TEAM))
                    .extracting(TeamMember::userId, TeamMember::timezone)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(ALICE, BERLIN),
                            org.assertj.core.groups.Tuple.tuple(ANNA, BERLIN),
                            org.assertj.core.groups.Tuple.tuple(CHEN, TOKYO));
        }
    }
}
