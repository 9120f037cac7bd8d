package dev.ownership.bot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.bot.ops.Metrics;
import dev.ownership.simulator.ManualClock;
import dev.ownership.storage.Database;
import dev.ownership.storage.digest.DigestRepository;
import dev.ownership.storage.nudge.StandupRepository;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("when a digest is due")
class DigestScheduleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path directory;

    private Database database;
    private ManualClock clock;
    private DigestService service;
    private TeamRepository teams;

    @BeforeEach
    void open() {
        database = Database.open(directory.resolve("o.db"));
        teams = new TeamRepository(database);
        clock = new ManualClock(Instant.parse("2026-11-23T07:55:00Z"));
        DigestRepository digests = new DigestRepository(database);
        DigestComposer composer =
                new DigestComposer(new StandupRepository(database), digests, (c, f, t) -> List.of(), clock);
        service = new DigestService(
                teams,
                digests,
                composer,
                new DigestMessenger() {
                    @Override
                    public Delivery send(String recipientId, Digest digest, byte[] chartPng) {
                        return Delivery.sent("D1", "1.0");
                    }

                    @Override
                    public void sendPreview(String recipientId, Digest digest) {}
                },
                clock,
                new Metrics());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Team watchedNow() {
        return teams.watch("C1", "T1", "standup", BERLIN, "U0ADMIN1", clock.instant())
                .team();
    }

    @Test
    @DisplayName("a team watched just before Monday 09:00 gets no digest of the week before it existed")
    void shouldSkipWeekBeforeWatching() {
        Team team = watchedNow();
        clock.set(Instant.parse("2026-11-23T08:30:00Z"));

        assertThat(service.dueWeek(team)).isEmpty();
    }

    @Test
    @DisplayName("the Monday 09:00 digest covers the week just ended, in the team's timezone")
    void shouldCoverWeekJustEnded() {
        Team team = watchedNow();
        clock.set(Instant.parse("2026-11-30T07:59:00Z"));
        assertThat(service.dueWeek(team)).isEmpty();

        clock.set(Instant.parse("2026-11-30T08:00:00Z"));
        assertThat(service.dueWeek(team)).contains(LocalDate.of(2026, 11, 23));

        clock.set(Instant.parse("2026-12-03T12:00:00Z"));
        assertThat(service.dueWeek(team)).contains(LocalDate.of(2026, 11, 23));
    }
}
