package dev.ownership.storage.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.storage.Database;
import dev.ownership.storage.ProcessedEventRepository;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("teams")
class TeamRepositoryTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path directory;

    private Database database;
    private TeamRepository teams;

    @BeforeEach
    void open() {
        database = Database.open(directory.resolve("o.db"));
        teams = new TeamRepository(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    @DisplayName("a newly watched channel gets the default working days and hours")
    void shouldWatchWithDefaults() {
        TeamRepository.WatchResult result = teams.watch("C1", "T1", "standup", BERLIN, "UADMIN", NOW);

        assertThat(result.newlyWatched()).isTrue();
        Team team = result.team();
        assertThat(team.watched()).isTrue();
        assertThat(team.timezone()).isEqualTo(BERLIN);
        assertThat(team.workdays())
                .containsExactlyInAnyOrderElementsOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        assertThat(team.workStart()).isEqualTo(LocalTime.of(9, 0));
        assertThat(team.workEnd()).isEqualTo(LocalTime.of(18, 0));
        assertThat(team.leads()).isEmpty();
    }

    @Test
    @DisplayName("watching an already watched channel changes nothing")
    void shouldReportAlreadyWatched() {
        teams.watch("C1", "T1", "standup", BERLIN, "UADMIN", NOW);
        TeamRepository.WatchResult again =
                teams.watch("C1", "T1", "standup", ZoneId.of("UTC"), "UOTHER", NOW.plusSeconds(60));

        assertThat(again.newlyWatched()).isFalse();
        assertThat(again.team().watchedBy()).isEqualTo("UADMIN");
        assertThat(again.team().timezone()).isEqualTo(BERLIN);
    }

    @Test
    @DisplayName("unwatching keeps the settings for a later watch")
    void shouldKeepSettingsAcrossUnwatch() {
        teams.watch("C1", "T1", "standup", BERLIN, "UADMIN", NOW);
        teams.setLeads("C1", List.of("ULEAD", "UANNA"));
        teams.setHours("C1", LocalTime.of(8, 30), LocalTime.of(17, 0));

        assertThat(teams.unwatch("C1")).isTrue();
        assertThat(teams.unwatch("C1")).isFalse();
        assertThat(teams.watched()).isEmpty();

        Team rewatched = teams.watch("C1", "T1", "standup-renamed", BERLIN, "UOTHER", NOW)
                .team();
        assertThat(rewatched.leads()).containsExactly("UANNA", "ULEAD");
        assertThat(rewatched.workStart()).isEqualTo(LocalTime.of(8, 30));
        assertThat(rewatched.channelName()).isEqualTo("standup-renamed");
        assertThat(rewatched.watchedBy()).isEqualTo("UOTHER");
    }

    @Test
    @DisplayName("whether a channel is watched follows watch and unwatch, also through another repository")
    void shouldAnswerIsWatchedFromFreshData() {
        TeamRepository other = new TeamRepository(database);
        assertThat(teams.isWatched("C1")).isFalse();

        other.watch("C1", "T1", "standup", BERLIN, "UADMIN", NOW);
        assertThat(teams.isWatched("C1")).isTrue();
        assertThat(teams.isWatched("C2")).isFalse();

        new ProcessedEventRepository(database).markProcessed("Ev1", "message", NOW); // an ack-path write
        assertThat(teams.isWatched("C1")).isTrue();

        other.unwatch("C1");
        assertThat(teams.isWatched("C1")).isFalse();
        teams.watch("C2", "T1", "standup-two", BERLIN, "UADMIN", NOW);
        assertThat(teams.isWatched("C2")).isTrue();
    }

    @Test
    @DisplayName("leads are replaced, not appended, and found by lead")
    void shouldReplaceLeads() {
        teams.watch("C1", "T1", "standup", BERLIN, "UADMIN", NOW);
        teams.setLeads("C1", List.of("U1", "U2"));
        teams.setLeads("C1", List.of("U3"));

        assertThat(teams.find("C1").orElseThrow().leads()).containsExactly("U3");
        assertThat(teams.ledBy("U3")).extracting(Team::channelId).containsExactly("C1");
        assertThat(teams.ledBy("U1")).isEmpty();
    }

    @Test
    @DisplayName("working days and timezone are stored")
    void shouldStoreWorkdaysAndTimezone() {
        teams.watch("C1", "T1", "standup", BERLIN, "UADMIN", NOW);
        teams.setWorkdays("C1", EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY));
        teams.setTimezone("C1", ZoneId.of("Asia/Tokyo"));

        Team team = teams.find("C1").orElseThrow();
        assertThat(team.workdays()).containsExactlyInAnyOrder(DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
        assertThat(team.timezone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    }
}
