package dev.ownership.bot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.simulator.ManualClock;
import dev.ownership.storage.Database;
import dev.ownership.storage.digest.DigestRepository;
import dev.ownership.storage.nudge.FirstVerdict;
import dev.ownership.storage.nudge.PostCategory;
import dev.ownership.storage.nudge.PostLabel;
import dev.ownership.storage.nudge.StandupPost.ProposalVia;
import dev.ownership.storage.nudge.StandupPost.State;
import dev.ownership.storage.nudge.StandupRepository;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("digest composition")
class DigestComposerTest {
    private static final String CHANNEL = "C0TEAM001";
    private static final LocalDate WEEK = LocalDate.of(2026, 11, 16);

    @TempDir
    Path directory;

    private Database database;
    private StandupRepository posts;
    private TeamRepository teams;
    private ManualClock clock;
    private DigestComposer composer;
    private final AtomicInteger sequence = new AtomicInteger();

    @BeforeEach
    void open() {
        database = Database.open(directory.resolve("o.db"));
        posts = new StandupRepository(database);
        teams = new TeamRepository(database);
        clock = new ManualClock(Instant.parse("2026-11-16T00:00:00Z"));
        composer = new DigestComposer(posts, new DigestRepository(database), (c, f, t) -> List.of(), clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Team team(ZoneId zone) {
        return teams.watch(CHANNEL, "T1", "standup", zone, "U0ADMIN1", Instant.parse("2026-01-01T00:00:00Z"))
                .team();
    }

    private String blocker(String user, Instant at, State state) {
        String ts = (at.getEpochSecond()) + "." + String.format("%06d", sequence.incrementAndGet());
        posts.record(
                CHANNEL,
                ts,
                user,
                at,
                new FirstVerdict(
                        state == State.PROPOSED ? PostLabel.BLOCKER_WITH_PROPOSAL : PostLabel.BLOCKER_WITHOUT_PROPOSAL,
                        PostCategory.REVIEW_PENDING,
                        List.of("cue"),
                        state == State.PROPOSED ? State.PROPOSED : State.PENDING,
                        at.plus(Duration.ofMinutes(10)),
                        state == State.PROPOSED ? ProposalVia.AT_ONCE : null),
                at);
        return ts;
    }

    private void learning(String user, Instant at, String text) {
        database.write(connection -> {
            try (var statement = connection.prepareStatement(
                    "INSERT INTO learnings (channel_id, user_id, text, created_at, message_ts, source) VALUES (?, ?, ?, ?, ?, 'command')")) {
                statement.setString(1, CHANNEL);
                statement.setString(2, user);
                statement.setString(3, text);
                statement.setLong(4, at.toEpochMilli());
                statement.setString(5, "9.000" + sequence.incrementAndGet());
                statement.executeUpdate();
            }
        });
    }

    @Nested
    @DisplayName("weeks are the team's weeks")
    class WeekBoundaries {
        @Test
        @DisplayName("in Tokyo, Sunday 23:30 belongs to the week ending and Monday 00:30 to the next")
        void shouldUseTeamTimezoneInTokyo() {
            Team team = team(ZoneId.of("Asia/Tokyo"));
            blocker("U1", Instant.parse("2026-11-22T14:30:00Z"), State.PENDING); // Sun 23:30 Tokyo
            blocker("U1", Instant.parse("2026-11-22T15:30:00Z"), State.PENDING); // Mon 00:30 Tokyo

            assertThat(composer.compose(team, WEEK).blockers().raised()).isEqualTo(1);
            assertThat(composer.compose(team, WEEK.plusWeeks(1)).blockers().raised())
                    .isEqualTo(1);
        }

        @Test
        @DisplayName("in Los Angeles, Monday 07:00 UTC is still the previous Sunday")
        void shouldUseTeamTimezoneInLosAngeles() {
            Team team = team(ZoneId.of("America/Los_Angeles"));
            blocker("U1", Instant.parse("2026-11-23T07:00:00Z"), State.PENDING); // Sun 23:00 LA

            assertThat(composer.compose(team, WEEK).blockers().raised()).isEqualTo(1);
            assertThat(composer.compose(team, WEEK.plusWeeks(1)).blockers().raised())
                    .isZero();
        }
    }

    @Test
    @DisplayName("counts blockers by how their next step came, nudges, dismissals and those still open after 24 hours")
    void shouldCountBlockers() {
        Team team = team(ZoneId.of("Europe/Berlin"));
        Instant monday = Instant.parse("2026-11-16T09:00:00Z");
        blocker("U1", monday, State.PROPOSED);
        String nudged = blocker("U2", monday.plusSeconds(60), State.PENDING);
        posts.claim(CHANNEL, nudged, "U2", LocalDate.of(2026, 11, 16), 1, monday.plusSeconds(700));
        posts.markNudged(CHANNEL, nudged, "D1", "1.1", monday.plusSeconds(700));
        posts.markProposed(CHANNEL, nudged, ProposalVia.NUDGE, "ask lee", monday.plusSeconds(900));
        String threaded = blocker("U3", monday.plusSeconds(120), State.PENDING);
        posts.markProposed(CHANNEL, threaded, ProposalVia.THREAD, null, monday.plusSeconds(300));
        String dismissed = blocker("U4", monday.plusSeconds(180), State.PENDING);
        posts.dismiss(CHANNEL, dismissed, monday.plusSeconds(1_000));
        blocker("U5", monday.plusSeconds(240), State.PENDING);
        blocker("U6", Instant.parse("2026-11-22T20:00:00Z"), State.PENDING); // Sunday evening: not 24h old yet
        clock.set(Instant.parse("2026-11-23T08:00:00Z"));

        Digest digest = composer.compose(team, WEEK);

        Digest.WeekFigures week = digest.blockers();
        assertThat(week.raised()).isEqualTo(5);
        assertThat(week.proposedAtOnce()).isEqualTo(1);
        assertThat(week.proposedAfterNudge()).isEqualTo(1);
        assertThat(week.proposedInThread()).isEqualTo(1);
        assertThat(week.nudgesSent()).isEqualTo(1);
        assertThat(week.dismissed()).isEqualTo(1);
        assertThat(week.proposalShare()).isEqualTo(0.6);
        assertThat(digest.stillOpen()).extracting(Digest.OpenBlocker::userId).containsExactly("U5");
        assertThat(digest.complete()).isTrue();
    }

    @Test
    @DisplayName("the trend covers this week and the four before it, oldest first")
    void shouldComputeTrend() {
        Team team = team(ZoneId.of("Europe/Berlin"));
        for (int weeksAgo = 0; weeksAgo < 5; weeksAgo++) {
            Instant day = WEEK.minusWeeks(weeksAgo)
                    .atTime(10, 0)
                    .atZone(team.timezone())
                    .toInstant();
            for (int i = 0; i <= weeksAgo; i++) {
                blocker("U" + i, day.plusSeconds(i), i == 0 ? State.PROPOSED : State.PENDING);
            }
        }

        List<Digest.WeekFigures> trend = composer.compose(team, WEEK).trend();

        assertThat(trend)
                .extracting(Digest.WeekFigures::weekStart)
                .containsExactly(WEEK.minusWeeks(4), WEEK.minusWeeks(3), WEEK.minusWeeks(2), WEEK.minusWeeks(1), WEEK);
        assertThat(trend).extracting(Digest.WeekFigures::raised).containsExactly(5, 4, 3, 2, 1);
        assertThat(trend).extracting(Digest.WeekFigures::proposalShare).containsExactly(0.2, 0.25, 1.0 / 3, 0.5, 1.0);
    }

    @Test
    @DisplayName("an empty week reads as a quiet week, and a week in progress is marked as partial")
    void shouldComposeEmptyWeek() {
        Team team = team(ZoneId.of("Europe/Berlin"));
        clock.set(Instant.parse("2026-11-24T12:00:00Z"));

        Digest digest = composer.compose(team, LocalDate.of(2026, 11, 23));

        assertThat(digest.isEmpty()).isTrue();
        assertThat(digest.complete()).isFalse();
        assertThat(digest.trend()).allSatisfy(week -> assertThat(week.raised()).isZero());
    }

    @Test
    @DisplayName("includes the learnings of the week only, with their authors")
    void shouldIncludeLearningsOfTheWeek() {
        Team team = team(ZoneId.of("Europe/Berlin"));
        learning("U1", Instant.parse("2026-11-15T12:00:00Z"), "last week");
        learning("U2", Instant.parse("2026-11-18T12:00:00Z"), "git bisect finds regressions fast");

        Digest digest = composer.compose(team, WEEK);

        assertThat(digest.learnings()).singleElement().satisfies(item -> {
            assertThat(item.userId()).isEqualTo("U2");
            assertThat(item.text()).isEqualTo("git bisect finds regressions fast");
        });
    }
}
