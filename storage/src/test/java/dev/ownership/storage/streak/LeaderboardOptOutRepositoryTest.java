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

@DisplayName("leaderboard opt-outs")
class LeaderboardOptOutRepositoryTest {
    @TempDir
    Path directory;

    private Database database;
    private LeaderboardOptOutRepository optOuts;

    @BeforeEach
    void open() {
        database = Database.open(directory.resolve("o.db"));
        optOuts = new LeaderboardOptOutRepository(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    @DisplayName("people are shown by default, can hide and show themselves again, idempotently")
    void shouldToggle() {
        assertThat(optOuts.isShown("U1")).isTrue();

        optOuts.setShown("U1", false, Instant.EPOCH);
        optOuts.setShown("U1", false, Instant.EPOCH);
        assertThat(optOuts.isShown("U1")).isFalse();
        assertThat(optOuts.isShown("U2")).isTrue();

        optOuts.setShown("U1", true, Instant.EPOCH);
        assertThat(optOuts.isShown("U1")).isTrue();
    }
}
