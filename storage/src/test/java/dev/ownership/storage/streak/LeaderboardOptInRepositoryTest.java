package dev.ownership.storage.streak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.storage.Database;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("leaderboard opt-ins")
class LeaderboardOptInRepositoryTest {
    @TempDir
    Path directory;

    private Database database;
    private LeaderboardOptInRepository optIns;

    @BeforeEach
    void open() {
        database = Database.open(directory.resolve("o.db"));
        optIns = new LeaderboardOptInRepository(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    @DisplayName("nobody is listed by default; people opt in and out again, idempotently")
    void shouldToggle() {
        assertThat(optIns.isShown("U1")).isFalse();

        optIns.setShown("U1", true, Instant.EPOCH);
        optIns.setShown("U1", true, Instant.EPOCH);
        assertThat(optIns.isShown("U1")).isTrue();
        assertThat(optIns.isShown("U2")).isFalse();

        optIns.setShown("U1", false, Instant.EPOCH);
        assertThat(optIns.isShown("U1")).isFalse();
    }
}
