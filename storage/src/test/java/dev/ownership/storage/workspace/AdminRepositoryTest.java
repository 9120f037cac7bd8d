package dev.ownership.storage.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.storage.Database;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Ownership admins and introductions")
class AdminRepositoryTest {
    @TempDir
    Path directory;

    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(directory.resolve("o.db"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    @DisplayName("admins are added once, listed in order and removed")
    void shouldAddListAndRemove() {
        AdminRepository admins = new AdminRepository(database);

        assertThat(admins.add("U2", "U0", Instant.ofEpochSecond(2))).isTrue();
        assertThat(admins.add("U1", "U0", Instant.ofEpochSecond(1))).isTrue();
        assertThat(admins.add("U1", "U9", Instant.ofEpochSecond(3))).isFalse();
        assertThat(admins.all()).containsExactly("U1", "U2");
        assertThat(admins.contains("U2")).isTrue();

        assertThat(admins.remove("U2")).isTrue();
        assertThat(admins.remove("U2")).isFalse();
        assertThat(admins.contains("U2")).isFalse();
        assertThat(admins.all()).containsExactly("U1");
    }

    @Test
    @DisplayName("an introduction is claimed once per person and channel")
    void shouldClaimIntroductionsOnce() {
        IntroductionRepository introductions = new IntroductionRepository(database);

        assertThat(introductions.claim("C1", "U1", Instant.EPOCH)).isTrue();
        assertThat(introductions.claim("C1", "U1", Instant.EPOCH)).isFalse();
        assertThat(introductions.claim("C2", "U1", Instant.EPOCH)).isTrue();
        assertThat(introductions.claim("C1", "U2", Instant.EPOCH)).isTrue();
    }
}
