package dev.ownership.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.storage.Database;
import dev.ownership.storage.prompt.ScheduleRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("scheduler")
class OwnershipSchedulerTest {
    @Test
    @DisplayName("runs due work on every tick once started, and stops on close")
    void shouldTickDueWork() throws Exception {
        CountDownLatch ticks = new CountDownLatch(3);
        AtomicInteger maintenanceRuns = new AtomicInteger();
        OwnershipScheduler scheduler = new OwnershipScheduler(
                ticks::countDown,
                maintenanceRuns::incrementAndGet,
                Duration.ofMillis(50),
                LocalTime.of(3, 0),
                ZoneOffset.UTC);
        assertThat(scheduler.isRunning()).isFalse();

        scheduler.start();
        assertThat(scheduler.isRunning()).isTrue();
        assertThat(ticks.await(10, TimeUnit.SECONDS)).isTrue();

        scheduler.close();
        assertThat(scheduler.isRunning()).isFalse();
    }

    @Test
    @DisplayName("with prompts, starting runs one catch-up pass for prompts missed while the bot was down")
    void shouldCatchUpPromptsAtStart(@TempDir Path directory) throws Exception {
        CountDownLatch catchUps = new CountDownLatch(1);
        PromptWork work = new PromptWork() {
            @Override
            public void sendDue(String channelId, String kind, ZoneId zone, Instant scheduledAt) {}

            @Override
            public void catchUp() {
                catchUps.countDown();
            }

            @Override
            public void refreshMembers() {}
        };
        try (Database database = Database.open(directory.resolve("o.db"))) {
            OwnershipScheduler scheduler = new OwnershipScheduler(
                    () -> {}, () -> {}, Duration.ofSeconds(1), LocalTime.of(3, 0), ZoneOffset.UTC);
            scheduler.schedulePrompts(new PromptTimetable(new ScheduleRepository(database)), work);
            try {
                scheduler.start();
                assertThat(catchUps.await(10, TimeUnit.SECONDS)).isTrue();
            } finally {
                scheduler.close();
            }
        }
    }

    @Test
    @DisplayName("a failing job does not stop later ticks")
    void shouldSurviveFailingWork() throws Exception {
        CountDownLatch ticks = new CountDownLatch(3);
        OwnershipScheduler scheduler = new OwnershipScheduler(
                () -> {
                    ticks.countDown();
                    throw new IllegalStateException("boom");
                },
                () -> {},
                Duration.ofMillis(50),
                LocalTime.of(3, 0),
                ZoneOffset.UTC);
        try {
            scheduler.start();
            assertThat(ticks.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            scheduler.close();
        }
    }
}
