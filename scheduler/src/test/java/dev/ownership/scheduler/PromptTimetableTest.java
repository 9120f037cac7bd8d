package dev.ownership.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.storage.Database;
import dev.ownership.storage.prompt.ScheduleRepository;
import dev.ownership.storage.prompt.TeamSchedule;
import dev.ownership.storage.workspace.MemberRepository;
import dev.ownership.storage.workspace.TeamRepository;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronExpression;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;

@DisplayName("prompt triggers built from the stored schedules")
class PromptTimetableTest {
    private static final Instant WATCHED = Instant.parse("2026-01-05T09:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    @TempDir
    Path directory;

    private Database database;
    private TeamRepository teams;
    private MemberRepository members;
    private ScheduleRepository schedules;
    private PromptTimetable timetable;
    private Scheduler quartz;

    @BeforeEach
    void open() throws Exception {
        database = Database.open(directory.resolve("o.db"));
        teams = new TeamRepository(database);
        members = new MemberRepository(database);
        schedules = new ScheduleRepository(database);
        timetable = new PromptTimetable(schedules);
        teams.watch("C1", "T1", "standup", BERLIN, "U0ADMIN", WATCHED);
        schedules.save(new TeamSchedule("C1", "learning", Set.of(DayOfWeek.FRIDAY), LocalTime.of(15, 0), true));
        schedules.save(new TeamSchedule(
                "C1", "risk", Set.of(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), LocalTime.of(10, 0), true));
        schedules.save(new TeamSchedule("C1", "impact", Set.of(DayOfWeek.FRIDAY), LocalTime.of(16, 0), false));
        schedules.save(new TeamSchedule("C1", "digest", Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), true));
        members.save("C1", "U0ALICE", BERLIN, WATCHED);
        members.save("C1", "U0ANNA", BERLIN, WATCHED);
        members.save("C1", "U0SAM", SYDNEY, WATCHED);
        quartz = standbyQuartz();
    }

    @AfterEach
    void close() throws Exception {
        quartz.shutdown();
        database.close();
    }

    private static Scheduler standbyQuartz() throws org.quartz.SchedulerException {
        Properties properties = new Properties();
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "timetable-test-" + System.nanoTime());
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.threadPool.threadCount", "1");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        return new StdSchedulerFactory(properties).getScheduler();
    }

    private List<String> quartzKeys() throws org.quartz.SchedulerException {
        List<String> keys = new ArrayList<>();
        for (TriggerKey key : quartz.getTriggerKeys(GroupMatcher.triggerGroupEquals(PromptTimetable.GROUP))) {
            keys.add(key.getName());
        }
        keys.sort(String::compareTo);
        return keys;
    }

    private CronTrigger quartzTrigger(String name) throws org.quartz.SchedulerException {
        return (CronTrigger) quartz.getTrigger(TriggerKey.triggerKey(name, PromptTimetable.GROUP));
    }

    /** When the trigger's schedule fires after {@code after}, whatever the trigger's own start time. */
    private static Instant fireAfter(CronTrigger trigger, String after) throws ParseException {
        CronExpression expression = new CronExpression(trigger.getCronExpression());
        expression.setTimeZone(trigger.getTimeZone());
        return expression.getNextValidTimeAfter(Date.from(Instant.parse(after))).toInstant();
    }

    @Test
    @DisplayName("one cron trigger per team, enabled prompt and member timezone, on working days, in that timezone")
    void shouldBuildTriggersFromStoredSchedules() throws Exception {
        timetable.attach(quartz);

        assertThat(quartzKeys())
                .containsExactly(
                        "C1/learning/Australia/Sydney",
                        "C1/learning/Europe/Berlin",
                        "C1/risk/Australia/Sydney",
                        "C1/risk/Europe/Berlin");
        CronTrigger berlinLearning = quartzTrigger("C1/learning/Europe/Berlin");
        assertThat(berlinLearning.getCronExpression()).isEqualTo("0 0 15 ? * FRI");
        assertThat(berlinLearning.getTimeZone().getID()).isEqualTo("Europe/Berlin");
        assertThat(berlinLearning.getJobDataMap().getString(PromptJob.CHANNEL)).isEqualTo("C1");
        assertThat(berlinLearning.getJobDataMap().getString(PromptJob.KIND)).isEqualTo("learning");
        assertThat(berlinLearning.getJobKey()).isEqualTo(PromptTimetable.JOB);
        assertThat(quartzTrigger("C1/risk/Europe/Berlin").getCronExpression())
                .as("Saturday is not a working day")
                .isEqualTo("0 0 10 ? * MON");
    }

    @Test
    @DisplayName("the triggers fire at local time across daylight-saving changes in both hemispheres")
    void shouldFireAcrossDaylightSaving() throws Exception {
        timetable.attach(quartz);

        CronTrigger berlin = quartzTrigger("C1/learning/Europe/Berlin");
        assertThat(fireAfter(berlin, "2026-03-23T00:00:00Z")).isEqualTo(Instant.parse("2026-03-27T14:00:00Z"));
        assertThat(fireAfter(berlin, "2026-03-28T00:00:00Z")).isEqualTo(Instant.parse("2026-04-03T13:00:00Z"));
        assertThat(fireAfter(berlin, "2026-10-24T00:00:00Z")).isEqualTo(Instant.parse("2026-10-30T14:00:00Z"));
        CronTrigger sydney = quartzTrigger("C1/risk/Australia/Sydney");
        assertThat(fireAfter(sydney, "2026-03-25T00:00:00Z")).isEqualTo(Instant.parse("2026-03-29T23:00:00Z"));
        assertThat(fireAfter(sydney, "2026-03-29T23:00:00Z")).isEqualTo(Instant.parse("2026-04-06T00:00:00Z"));
        assertThat(fireAfter(sydney, "2026-09-27T00:00:00Z")).isEqualTo(Instant.parse("2026-09-28T00:00:00Z"));
        assertThat(fireAfter(sydney, "2026-09-28T00:00:00Z")).isEqualTo(Instant.parse("2026-10-04T23:00:00Z"));
    }

    @Test
    @DisplayName("a person moving timezone moves their trigger; a zone nobody lives in any more loses its own")
    void shouldFollowMemberMovingTimezone() throws Exception {
        timetable.attach(quartz);
        CronTrigger kept = quartzTrigger("C1/learning/Europe/Berlin");

        members.save("C1", "U0SAM", ZoneId.of("America/New_York"), WATCHED);
        timetable.rebuild();

        assertThat(quartzKeys())
                .containsExactly(
                        "C1/learning/America/New_York",
                        "C1/learning/Europe/Berlin",
                        "C1/risk/America/New_York",
                        "C1/risk/Europe/Berlin");
        assertThat(fireAfter(quartzTrigger("C1/learning/America/New_York"), "2026-11-23T00:00:00Z"))
                .isEqualTo(Instant.parse("2026-11-27T20:00:00Z"));
        assertThat(quartzTrigger("C1/learning/Europe/Berlin").getStartTime())
                .as("an unchanged trigger is left in place")
                .isEqualTo(kept.getStartTime());
    }

    @Test
    @DisplayName("changed schedules and working days, turned-off prompts and unwatched teams are followed")
    void shouldFollowChanges() throws Exception {
        timetable.attach(quartz);

        schedules.save(new TeamSchedule("C1", "learning", Set.of(DayOfWeek.THURSDAY), LocalTime.of(11, 30), true));
        schedules.save(new TeamSchedule("C1", "risk", Set.of(DayOfWeek.MONDAY), LocalTime.of(10, 0), false));
        teams.setWorkdays("C1", Set.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.THURSDAY));
        timetable.rebuild();

        assertThat(quartzKeys()).containsExactly("C1/learning/Australia/Sydney", "C1/learning/Europe/Berlin");
        assertThat(quartzTrigger("C1/learning/Europe/Berlin").getCronExpression())
                .isEqualTo("0 30 11 ? * THU");

        teams.unwatch("C1");
        timetable.rebuild();

        assertThat(quartzKeys()).isEmpty();
    }

    @Test
    @DisplayName("rebuilding before the scheduler starts does nothing; starting builds the triggers")
    void shouldWaitForStart() throws Exception {
        timetable.rebuild();
        assertThat(quartzKeys()).isEmpty();

        timetable.attach(quartz);

        assertThat(quartzKeys()).hasSize(4);
    }
}
