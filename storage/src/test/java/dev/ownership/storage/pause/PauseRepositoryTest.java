package dev.ownership.storage.pause;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.storage.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("pauses")
class PauseRepositoryTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path directory;

    private Database database;
    private PauseRepository pauses;

    @BeforeEach
    void open() {
        database = Database.open(directory.resolve("o.db"));
        pauses = new PauseRepository(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    @DisplayName("a pause until a date ends on that date")
    void shouldEndOnUntilDate() {
        pauses.pause("U1", TODAY, TODAY.plusDays(7), Instant.EPOCH);

        assertThat(pauses.activeOn("U1", TODAY)).isPresent();
        assertThat(pauses.activeOn("U1", TODAY.plusDays(6))).isPresent();
        assertThat(pauses.activeOn("U1", TODAY.plusDays(7))).isEmpty();
        assertThat(pauses.activeOn("U2", TODAY)).isEmpty();
    }

    @Test
    @DisplayName("an open pause lasts until resume, and its history stays")
    void shouldKeepHistoryAfterResume() {
        pauses.pause("U1", TODAY, null, Instant.EPOCH);
        assertThat(pauses.activeOn("U1", TODAY.plusDays(100))).isPresent();

        assertThat(pauses.resume("U1", TODAY.plusDays(10))).isTrue();

        assertThat(pauses.activeOn("U1", TODAY.plusDays(10))).isEmpty();
        assertThat(pauses.activeOn("U1", TODAY.plusDays(3))).isPresent();
        assertThat(pauses.periods("U1")).hasSize(1);
        assertThat(pauses.resume("U1", TODAY.plusDays(11))).isFalse();
    }

    @Test
    @DisplayName("resuming on the first day removes the pause entirely")
    void shouldRemoveSameDayPause() {
        pauses.pause("U1", TODAY, null, Instant.EPOCH);

        assertThat(pauses.resume("U1", TODAY)).isTrue();
        assertThat(pauses.periods("U1")).isEmpty();
    }

    @Test
    @DisplayName("a new pause replaces the one in force")
    void shouldReplaceActivePause() {
        pauses.pause("U1", TODAY, TODAY.plusDays(30), Instant.EPOCH);
        pauses.pause("U1", TODAY.plusDays(2), TODAY.plusDays(5), Instant.EPOCH);

        assertThat(pauses.activeOn("U1", TODAY.plusDays(1))).isPresent();
        assertThat(pauses.activeOn("U1", TODAY.plusDays(6))).isEmpty();
    }
}
