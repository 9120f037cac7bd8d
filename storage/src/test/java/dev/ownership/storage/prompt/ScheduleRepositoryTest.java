package dev.ownership.storage.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.storage.Database;
import dev.ownership.storage.workspace.MemberRepository;
import dev.ownership.storage.workspace.TeamRepository;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("team schedules")
class ScheduleRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @TempDir
    Path directory;

    private Database database;
    private TeamRepository teams;
    private MemberRepository members;
    private ScheduleRepository schedules;

    @BeforeEach
    void open() {
        database = Database.open(directory.resolve("o.db"));
        teams = new TeamRepository(database);
        members = new MemberRepository(database);
        schedules = new ScheduleRepository(database);
        teams.watch("C1", "T1", "standup", BERLIN, "U0ADMIN", NOW);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static TeamSchedule schedule(String kind, DayOfWeek day, String at, boolean enabled) {
        return new TeamSchedule("C1", kind, Set.of(day), LocalTime.parse(at), enabled);
    }

    @Test
    @DisplayName("adding missing schedules keeps the ones already stored, also when turned off")
    void shouldAddOnlyMissing() {
        schedules.save(schedule("learning", DayOfWeek.THURSDAY, "11:30", false));

        int added = schedules.addMissing(List.of(
                schedule("learning", DayOfWeek.FRIDAY, "15:00", true),
                schedule("risk", DayOfWeek.MONDAY, "10:00", true)));

        assertThat(added).isEqualTo(1);
        assertThat(schedules.forTeam("C1"))
                .containsExactly(
                        schedule("learning", DayOfWeek.THURSDAY, "11:30", false),
                        schedule("risk", DayOfWeek.MONDAY, "10:00", true));
        assertThat(schedules.addMissing(List.of(schedule("risk", DayOfWeek.TUESDAY, "09:00", true))))
                .isZero();
    }

    @Test
    @DisplayName("saving replaces the schedule of the same kind, days in week order")
    void shouldReplace() {
        schedules.save(schedule("learning", DayOfWeek.FRIDAY, "15:00", true));
        TeamSchedule changed = new TeamSchedule(
                "C1", "learning", Set.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY), LocalTime.of(9, 5), true);

        schedules.save(changed);

        assertThat(schedules.find("C1", "learning")).contains(changed);
        assertThat(schedules.find("C1", "impact")).isEmpty();
    }

    @Test
    @DisplayName("prompt slots: each enabled prompt of a watched team once per member timezone")
    void shouldListPromptSlots() {
        teams.setWorkdays("C1", Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        schedules.save(schedule("learning", DayOfWeek.FRIDAY, "15:00", true));
        schedules.save(schedule("impact", DayOfWeek.FRIDAY, "16:00", false));
        schedules.save(schedule("digest", DayOfWeek.MONDAY, "09:00", true));
        members.save("C1", "U1", BERLIN, NOW);
        members.save("C1", "U2", BERLIN, NOW);
        members.save("C1", "U3", TOKYO, NOW);

        assertThat(schedules.promptSlots())
                .containsExactly(
                        new PromptSlot(
                                "C1",
                                "learning",
                                Set.of(DayOfWeek.FRIDAY),
                                LocalTime.of(15, 0),
                                Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                                TOKYO),
                        new PromptSlot(
                                "C1",
                                "learning",
                                Set.of(DayOfWeek.FRIDAY),
                                LocalTime.of(15, 0),
                                Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                                BERLIN));
    }

    @Test
    @DisplayName("an unwatched team has no prompt slots")
    void shouldSkipUnwatchedTeams() {
        schedules.save(schedule("learning", DayOfWeek.FRIDAY, "15:00", true));
        members.save("C1", "U1", BERLIN, NOW);

        teams.unwatch("C1");

        assertThat(schedules.promptSlots()).isEmpty();
    }
}
