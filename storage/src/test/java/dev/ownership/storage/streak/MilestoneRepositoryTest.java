package dev.ownership.storage.streak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.storage.Database;
import dev.ownership.storage.streak.MilestoneRepository.Claim;
import dev.ownership.storage.streak.MilestoneRepository.Milestone;
import dev.ownership.storage.testing.Rows;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("streak milestones")
class MilestoneRepositoryTest {
    private static final Instant RUN = Instant.parse("2026-11-02T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @TempDir
    Path directory;

    private Database database;
    private MilestoneRepository milestones;

    @BeforeEach
    void open() {
        database = Database.open(directory.resolve("o.db"));
        milestones = new MilestoneRepository(database);
        new Rows(database)
                .learning("C1", "U1", RUN.plusSeconds(86_400 * 29))
                .post("C1", "U2", "blocker_with_proposal", "proposed", RUN, RUN)
                .post("C1", "U1", "blocker_with_proposal", "proposed", RUN, RUN);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Milestone learning(int value, Instant runStart) {
        return new Milestone("C1", "U1", "learning", value, runStart);
    }

    @Test
    @DisplayName("a milestone is celebrated once per run; a new run can reach it again")
    void shouldClaimOncePerRun() {
        assertThat(milestones.claim(learning(3, RUN), TODAY, null, NOW)).isEqualTo(Claim.CELEBRATE);
        assertThat(milestones.claim(learning(3, RUN), TODAY.plusDays(1), null, NOW))
                .isEqualTo(Claim.ALREADY_CLAIMED);
        assertThat(milestones.claimed(learning(3, RUN), false)).isTrue();

        Instant laterRun = RUN.plusSeconds(86_400 * 28);
        assertThat(milestones.claimed(learning(3, laterRun), false)).isFalse();
        assertThat(milestones.claimed(learning(3, laterRun), true)).isTrue();
        assertThat(milestones.claim(learning(3, laterRun), TODAY.plusDays(1), null, NOW))
                .isEqualTo(Claim.CELEBRATE);
    }

    @Test
    @DisplayName("at most one celebration a day per person; the next is skipped, not queued")
    void shouldKeepTheDailyBudget() {
        assertThat(milestones.claim(learning(3, RUN), TODAY, null, NOW)).isEqualTo(Claim.CELEBRATE);
        Milestone other = new Milestone("C1", "U1", "ownership", 3, RUN);

        assertThat(milestones.claim(other, TODAY, null, NOW)).isEqualTo(Claim.SKIPPED);
        assertThat(milestones.claim(other, TODAY.plusDays(1), null, NOW)).isEqualTo(Claim.ALREADY_CLAIMED);
        assertThat(milestones.claim(new Milestone("C1", "U2", "ownership", 3, RUN), TODAY, null, NOW))
                .isEqualTo(Claim.CELEBRATE);
    }

    @Test
    @DisplayName("a skipped or failed celebration does not use the day's budget")
    void shouldNotCountSkippedOrFailed() {
        assertThat(milestones.claim(learning(3, RUN), TODAY, "paused", NOW)).isEqualTo(Claim.SKIPPED);
        assertThat(milestones.claim(learning(5, RUN), TODAY, null, NOW)).isEqualTo(Claim.CELEBRATE);
        milestones.markFailed(learning(5, RUN), "channel_not_found");

        assertThat(milestones.claim(learning(10, RUN), TODAY, null, NOW)).isEqualTo(Claim.CELEBRATE);
    }

    @Test
    @DisplayName("a milestone whose run is no longer recorded (erased, pruned) is not claimed")
    void shouldNotClaimWithoutFacts() {
        Milestone erased = new Milestone("C1", "U9", "learning", 3, RUN);

        assertThat(milestones.claim(erased, TODAY, null, NOW)).isEqualTo(Claim.NO_LONGER_EARNED);
        assertThat(milestones.claim(new Milestone("C1", "U1", "early_risk", 3, RUN), TODAY, null, NOW))
                .isEqualTo(Claim.NO_LONGER_EARNED);
        assertThat(milestones.claimed(erased, true)).isFalse();
    }

    @Test
    @DisplayName("concurrent claims of the same milestone celebrate it once")
    void shouldCelebrateOnceUnderConcurrency() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Claim> claims = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> claims.add(milestones.claim(learning(5, RUN), TODAY, null, NOW))));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(claims).filteredOn(claim -> claim == Claim.CELEBRATE).hasSize(1);
    }
}
