package dev.ownership.bot.streak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.storage.Database;
import dev.ownership.storage.pause.PauseRepository;
import dev.ownership.storage.streak.ActivityRepository;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Streaks are derived from the recorded facts, never counted up: replaying generated histories through the real
 * database, the streaks seen after each fact arrived must equal the streaks recomputed from scratch, from the final
 * history, for that same moment. Late next steps, open windows, pauses and resumes, week ends in several timezones
 * all occur in the histories.
 */
@DisplayName("streak › recomputed from scratch equals the value seen as facts arrived")
class StreakRecomputationTest {
    private static final String USER = "U0GEN0001";
    private static final String CHANNEL = "C0GEN0001";
    private static final Duration GRACE = Duration.ofMinutes(10);
    private static final List<String> ZONES =
            List.of("Europe/Berlin", "Asia/Tokyo", "America/New_York", "Asia/Kolkata", "Pacific/Auckland");

    @TempDir
    Path directory;

    private Database database;
    private StreakService streaks;
    private PauseRepository pauses;
    private int posts;

    @BeforeEach
    void open() {
        database = Database.open(directory.resolve("o.db"));
        pauses = new PauseRepository(database);
        streaks = new StreakService(
                new TeamRepository(database),
                new ActivityRepository(database),
                pauses,
                GRACE,
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        database.close();
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 30);
    }

    @ParameterizedTest(name = "history #{0}")
    @MethodSource("seeds")
    @DisplayName("for every moment of a generated history")
    void shouldRecomputeToTheValuesSeen(long seed) {
        Random random = new Random(seed);
        ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
        Instant now = Instant.parse("2026-09-01T08:00:00Z").plus(Duration.ofMinutes(random.nextInt(10_000)));
        Team team = new TeamRepository(database)
                .watch(CHANNEL, "T1", "standup", zone, "U0ADMIN", now)
                .team();
        List<Observation> seen = new ArrayList<>();
        for (int step = 0; step < 120; step++) {
            now = now.plus(Duration.ofMinutes(30 + random.nextInt(40 * 60)));
            act(random, now, zone);
            seen.add(new Observation(now, streaks.streaks(team, USER, now)));
        }

        for (Observation observation : seen) {
            assertThat(streaks.streaks(team, USER, observation.at()))
                    .as("seed %d, %s, at %s", seed, zone, observation.at())
                    .isEqualTo(observation.streaks());
        }
        assertThat(seen.stream().mapToInt(o -> o.streaks().get(0).best()).max().orElse(0))
                .as("the history exercises the ownership streak")
                .isPositive();
    }

    private void act(Random random, Instant now, ZoneId zone) {
        int roll = random.nextInt(100);
        if (roll < 25) {
            post(now, "blocker_without_proposal", null);
        } else if (roll < 35) {
            post(now, "blocker_with_proposal", now);
        } else if (roll < 50) {
            proposeAnOpenBlocker(random, now);
        } else if (roll < 65) {
            sql(
                    "INSERT INTO learnings (channel_id, user_id, text, created_at, source) VALUES (?, ?, 'x', ?, 'command')",
                    now);
        } else if (roll < 75) {
            sql("INSERT INTO risk_checkins (channel_id, user_id, checked_at, had_risk) VALUES (?, ?, ?, 0)", now);
        } else if (roll < 80) {
            LocalDate today = now.atZone(zone).toLocalDate();
            pauses.pause(USER, today, random.nextBoolean() ? null : today.plusDays(1 + random.nextInt(20)), now);
        } else if (roll < 86) {
            pauses.resume(USER, now.atZone(zone).toLocalDate());
        } else {
            post(now, "none", null);
        }
    }

    private void post(Instant at, String label, Instant proposedAt) {
        String state = label.equals("none") ? "clear" : proposedAt == null ? "pending" : "proposed";
        database.write(connection -> {
            try (var statement = connection.prepareStatement(
                    "INSERT INTO standup_posts (channel_id, ts, user_id, posted_at, label, state, proposed_at, "
                            + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                statement.setString(1, CHANNEL);
                statement.setString(2, at.getEpochSecond() + "." + String.format("%06d", ++posts));
                statement.setString(3, USER);
                statement.setLong(4, at.toEpochMilli());
                statement.setString(5, label);
                statement.setString(6, state);
                statement.setObject(7, proposedAt == null ? null : proposedAt.toEpochMilli());
                statement.setLong(8, at.toEpochMilli());
                statement.executeUpdate();
            }
        });
    }

    /** A next step for one of the blockers without one, in time or late, as a thread reply or the nudge adds it. */
    private void proposeAnOpenBlocker(Random random, Instant now) {
        database.write(connection -> {
            try (var statement = connection.prepareStatement(
                    """
                    UPDATE standup_posts SET state = 'proposed', proposed_at = ?
                     WHERE rowid = (SELECT rowid FROM standup_posts WHERE proposed_at IS NULL AND label <> 'none'
                                     ORDER BY posted_at DESC LIMIT 1 OFFSET ?)
                    """)) {
                statement.setLong(1, now.toEpochMilli());
                statement.setInt(2, random.nextInt(2));
                statement.executeUpdate();
            }
        });
    }

    private void sql(String sql, Instant at) {
        database.write(connection -> {
            try (var statement = connection.prepareStatement(sql)) {
                statement.setString(1, CHANNEL);
                statement.setString(2, USER);
                statement.setLong(3, at.toEpochMilli());
                statement.executeUpdate();
            }
        });
    }

    private record Observation(Instant at, List<Streak> streaks) {}
}
