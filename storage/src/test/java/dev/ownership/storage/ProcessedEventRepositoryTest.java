package dev.ownership.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("processed events")
class ProcessedEventRepositoryTest {
    @TempDir
    Path directory;

    @Test
    @DisplayName("an event id is new once, even when delivered concurrently")
    void shouldAcceptEachEventIdOnce() throws Exception {
        try (Database database = Database.open(directory.resolve("o.db"))) {
            ProcessedEventRepository events = new ProcessedEventRepository(database);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            var futures = IntStream.range(0, 32)
                    .mapToObj(i -> pool.submit(() -> events.markProcessed("Ev42", "message", Instant.EPOCH)))
                    .toList();
            long firsts = 0;
            for (Future<Boolean> future : futures) {
                if (future.get(10, TimeUnit.SECONDS)) {
                    firsts++;
                }
            }
            pool.shutdown();
            assertThat(firsts).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("pruning forgets only old ids")
    void shouldPruneOldIds() {
        try (Database database = Database.open(directory.resolve("o.db"))) {
            ProcessedEventRepository events = new ProcessedEventRepository(database);
            events.markProcessed("old", "message", Instant.parse("2026-01-01T00:00:00Z"));
            events.markProcessed("new", "message", Instant.parse("2026-06-01T00:00:00Z"));

            assertThat(events.pruneBefore(Instant.parse("2026-03-01T00:00:00Z")))
                    .isEqualTo(1);
            assertThat(events.markProcessed("old", "message", Instant.EPOCH)).isTrue();
            assertThat(events.markProcessed("new", "message", Instant.EPOCH)).isFalse();
        }
    }
}
