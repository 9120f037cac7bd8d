package dev.ownership.storage.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.storage.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("team members")
class MemberRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @TempDir
    Path directory;

    private Database database;
    private TeamRepository teams;
    private MemberRepository members;

    @BeforeEach
    void open() {
        database = Database.open(directory.resolve("o.db"));
        teams = new TeamRepository(database);
        members = new MemberRepository(database);
        teams.watch("C1", "T1", "standup", BERLIN, "U0ADMIN", NOW);
        teams.watch("C2", "T1", "platform", BERLIN, "U0ADMIN", NOW);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    @DisplayName("saving tells whether anything changed, and keeps the first join time")
    void shouldSaveOnce() {
        assertThat(members.save("C1", "U1", BERLIN, NOW)).isTrue();
        assertThat(members.save("C1", "U1", BERLIN, NOW.plusSeconds(60))).isFalse();
        assertThat(members.save("C1", "U1", NEW_YORK, NOW.plusSeconds(120))).isTrue();

        assertThat(members.of("C1")).containsExactly(new TeamMember("C1", "U1", NEW_YORK, NOW));
    }

    @Test
    @DisplayName("removing a member tells whether they were one")
    void shouldRemove() {
        members.save("C1", "U1", BERLIN, NOW);

        assertThat(members.remove("C1", "U1")).isTrue();
        assertThat(members.remove("C1", "U1")).isFalse();
        assertThat(members.of("C1")).isEmpty();
    }

    @Test
    @DisplayName("a person's watched teams exclude the ones no longer watched")
    void shouldListWatchedTeams() {
        members.save("C1", "U1", BERLIN, NOW);
        members.save("C2", "U1", BERLIN, NOW);
        assertThat(members.watchedTeamsOf("U1")).containsExactly("C2", "C1");

        teams.unwatch("C2");

        assertThat(members.watchedTeamsOf("U1")).containsExactly("C1");
        assertThat(members.teamsOf("U1")).containsExactly("C1", "C2");
        assertThat(members.watchedTeamsOf("U2")).isEmpty();
    }
}
