package dev.ownership.storage.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.storage.Database;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("prompt fan-outs")
class PromptFanOutRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-11-27T14:00:00Z");
    private static final PromptFanOut LEARNING = new PromptFanOut("C1", "learning", "now-" + NOW.toEpochMilli(), NOW);
    private static final PromptFanOut RISK =
            new PromptFanOut("C1", "risk", "now-" + NOW.plusSeconds(1).toEpochMilli(), NOW.plusSeconds(1));

    @TempDir
    Path directory;

    private Database database;
    private PromptFanOutRepository fanOuts;

    @BeforeEach
    void open() {
        database = Database.open(directory.resolve("o.db"));
        fanOuts = new PromptFanOutRepository(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    @DisplayName("lists the fan-outs started and not finished, oldest first, each once")
    void shouldListUnfinished() {
        fanOuts.start(RISK);
        fanOuts.start(LEARNING);
        fanOuts.start(LEARNING);

        assertThat(fanOuts.unfinished()).containsExactly(LEARNING, RISK);

        fanOuts.finish(LEARNING);

        assertThat(fanOuts.unfinished()).containsExactly(RISK);
    }

    @Test
    @DisplayName("survive closing and reopening the file")
    void shouldSurviveReopening() {
        fanOuts.start(LEARNING);
        database.close();

        database = Database.open(directory.resolve("o.db"));

        assertThat(new PromptFanOutRepository(database).unfinished()).containsExactly(LEARNING);
    }
}
