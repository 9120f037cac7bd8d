package dev.ownership.storage.pause;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.storage.Database;
import dev.ownership.storage.pause.PersonalControlRepository.Controls;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("personal controls")
class PersonalControlRepositoryTest {
    @TempDir
    Path directory;

    private Database database;
    private PersonalControlRepository controls;

    @BeforeEach
    void open() {
        database = Database.open(directory.resolve("o.db"));
        controls = new PersonalControlRepository(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    @DisplayName("everything is on for someone who never changed anything")
    void shouldDefaultToOn() {
        assertThat(controls.controls("U1")).isEqualTo(Controls.DEFAULTS);
    }

    @Test
    @DisplayName("nudges and prompts switch each on its own")
    void shouldSwitchEachOnItsOwn() {
        controls.setNudges("U1", false, Instant.EPOCH);
        assertThat(controls.controls("U1")).isEqualTo(new Controls(false, true));

        controls.setPrompts("U1", false, Instant.EPOCH);
        assertThat(controls.controls("U1")).isEqualTo(new Controls(false, false));

        controls.setNudges("U1", true, Instant.EPOCH);
        assertThat(controls.controls("U1")).isEqualTo(new Controls(true, false));
        assertThat(controls.controls("U2")).isEqualTo(Controls.DEFAULTS);
    }
}
