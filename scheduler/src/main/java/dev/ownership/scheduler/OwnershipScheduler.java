package dev.ownership.scheduler;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's Quartz scheduler: the frequent tick for due work, the daily maintenance, and the scheduled prompts.
 *
 * <p>Quartz keeps its jobs in memory: what must happen exactly once is recorded in the database by the work
 * itself, so a restart loses nothing and repeats nothing. Thread-safe.
 */
public final class OwnershipScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OwnershipScheduler.class);
    private static final String GROUP = "ownership";

    private static final LocalTime MEMBER_REFRESH_AT = LocalTime.of(2, 30);

    private final Scheduler quartz;
    private final JobRegistry jobs;
    private final Duration tick;
    private final LocalTime maintenanceAt;
    private final ZoneId maintenanceZone;
    private PromptTimetable prompts;

    /**
     * Builds the scheduler without starting it.
     *
     * @param dueWork run every {@code tick}
     * @param maintenance run daily at {@code maintenanceAt} in {@code maintenanceZone}
     */
    public OwnershipScheduler(
            DueWork dueWork, Maintenance maintenance, Duration tick, LocalTime maintenanceAt, ZoneId maintenanceZone) {
        Objects.requireNonNull(dueWork, "dueWork");
        Objects.requireNonNull(maintenance, "maintenance");
        this.tick = Objects.requireNonNull(tick, "tick");
        this.maintenanceAt = Objects.requireNonNull(maintenanceAt, "maintenanceAt");
        this.maintenanceZone = Objects.requireNonNull(maintenanceZone, "maintenanceZone");
        try {
            StdSchedulerFactory factory = new StdSchedulerFactory(quartzProperties());
            this.quartz = factory.getScheduler();
            this.jobs = new JobRegistry(Map.of(
                    DueWorkJob.class, () -> new DueWorkJob(dueWork),
                    MaintenanceJob.class, () -> new MaintenanceJob(maintenance)));
            quartz.setJobFactory(jobs);
        } catch (org.quartz.SchedulerException e) {
            throw new SchedulingException("Cannot create the Quartz scheduler", e);
        }
    }

    /**
     * Adds the scheduled prompts; call before {@link #start}. Starting then builds the prompt triggers from
     * {@code timetable}, runs one catch-up pass for prompts missed while the bot was down, and schedules a daily
     * refresh of the teams' members and timezones at 02:30 UTC.
     */
    public void schedulePrompts(PromptTimetable timetable, PromptWork work) {
        Objects.requireNonNull(work, "work");
        this.prompts = Objects.requireNonNull(timetable, "timetable");
        jobs.register(PromptJob.class, () -> new PromptJob(work));
        jobs.register(PromptCatchUpJob.class, () -> new PromptCatchUpJob(work));
        jobs.register(MemberRefreshJob.class, () -> new MemberRefreshJob(work));
    }

    /** Schedules the jobs and starts firing them. */
    public void start() {
        try {
            quartz.scheduleJob(job(DueWorkJob.class, "due-work"), dueWorkTrigger());
            quartz.scheduleJob(job(MaintenanceJob.class, "maintenance"), maintenanceTrigger());
            if (prompts != null) {
                startPrompts();
            }
            quartz.start();
            log.info(
                    "Scheduler started: due work every {}, maintenance daily at {} {}",
                    tick,
                    maintenanceAt,
                    maintenanceZone);
        } catch (org.quartz.SchedulerException e) {
            throw new SchedulingException("Cannot start the Quartz scheduler", e);
        }
    }

    /** Whether the scheduler has started and not shut down. */
    public boolean isRunning() {
        try {
            return quartz.isStarted() && !quartz.isShutdown() && !quartz.isInStandbyMode();
        } catch (org.quartz.SchedulerException e) {
            return false;
        }
    }

    /**
     * Stops firing every job that talks to Slack, for good: the due-work tick, the prompts (present and future
     * triggers alike), the catch-up and the member refresh. Only the daily maintenance, which works on the database
     * alone, keeps running; {@link #isRunning} stays true. Jobs already running finish on their own.
     */
    public void pauseAllButMaintenance() {
        try {
            quartz.pauseAll();
            quartz.resumeTrigger(TriggerKey.triggerKey("maintenance", GROUP));
            log.info("Scheduler paused: only the daily maintenance still runs");
        } catch (org.quartz.SchedulerException e) {
            throw new SchedulingException("Cannot pause the Quartz scheduler", e);
        }
    }

    /** Stops firing, waits for running jobs to finish, and releases Quartz's threads. */
    @Override
    public void close() {
        try {
            if (!quartz.isShutdown()) {
                quartz.shutdown(true);
            }
        } catch (org.quartz.SchedulerException e) {
            log.warn("Quartz did not shut down cleanly: {}", e.getMessage());
        }
    }

    private void startPrompts() throws org.quartz.SchedulerException {
        prompts.attach(quartz);
        quartz.scheduleJob(
                job(PromptCatchUpJob.class, "prompt-catch-up"),
                TriggerBuilder.newTrigger()
                        .withIdentity("prompt-catch-up", GROUP)
                        .startNow()
                        .build());
        quartz.scheduleJob(
                job(MemberRefreshJob.class, "member-refresh"),
                TriggerBuilder.newTrigger()
                        .withIdentity("member-refresh", GROUP)
                        .withSchedule(CronScheduleBuilder.dailyAtHourAndMinute(
                                        MEMBER_REFRESH_AT.getHour(), MEMBER_REFRESH_AT.getMinute())
                                .inTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC))
                                .withMisfireHandlingInstructionFireAndProceed())
                        .build());
    }

    private Trigger dueWorkTrigger() {
        return TriggerBuilder.newTrigger()
                .withIdentity("due-work", GROUP)
                .startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(tick.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    private Trigger maintenanceTrigger() {
        return TriggerBuilder.newTrigger()
                .withIdentity("maintenance", GROUP)
                .withSchedule(
                        CronScheduleBuilder.dailyAtHourAndMinute(maintenanceAt.getHour(), maintenanceAt.getMinute())
                                .inTimeZone(TimeZone.getTimeZone(maintenanceZone))
                                .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    private static JobDetail job(Class<? extends org.quartz.Job> type, String name) {
        return JobBuilder.newJob(type).withIdentity(name, GROUP).build();
    }

    private static Properties quartzProperties() {
        Properties properties = new Properties();
        properties.setProperty(
                StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "ownership-" + System.identityHashCode(properties));
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        // Prompt fan-outs can hold a thread for minutes while Slack rate-limits them; the tick must still get one.
        properties.setProperty("org.quartz.threadPool.threadCount", "8");
        properties.setProperty("org.quartz.scheduler.interruptJobsOnShutdownWithWait", "true");
        properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        return properties;
    }
}
