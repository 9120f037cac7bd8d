package dev.ownership.scheduler;

import dev.ownership.storage.prompt.PromptSlot;
import dev.ownership.storage.prompt.ScheduleRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prompt triggers, built from the teams' schedules in the database: one cron trigger per team, prompt kind and
 * timezone its members live in, firing at the scheduled local time on the days that are both scheduled and working
 * days, in that timezone.
 *
 * <p>The database is the source of truth. {@link #rebuild} compares the triggers Quartz holds with the ones the
 * stored schedules call for and changes only the difference, so a trigger about to fire is never dropped and
 * re-added by an unrelated change. Until the scheduler starts, rebuilding does nothing (starting builds them).
 * Thread-safe.
 */
public final class PromptTimetable implements PromptTriggers {
    static final String GROUP = "prompts";
    static final JobKey JOB = JobKey.jobKey("prompt", GROUP);
    private static final Logger log = LoggerFactory.getLogger(PromptTimetable.class);

    private final ScheduleRepository schedules;
    private Scheduler quartz;

    public PromptTimetable(ScheduleRepository schedules) {
        this.schedules = Objects.requireNonNull(schedules, "schedules");
    }

    /** The triggers the stored schedules call for now, by key. */
    public List<CronTrigger> triggers() {
        List<CronTrigger> triggers = new ArrayList<>();
        for (PromptSlot slot : schedules.promptSlots()) {
            PromptCalendar calendar = PromptCalendar.of(slot.days(), slot.workdays(), slot.at());
            if (!calendar.isEmpty()) {
                triggers.add(trigger(slot, calendar));
            }
        }
        return triggers;
    }

    @Override
    public synchronized void rebuild() {
        if (quartz == null) {
            return;
        }
        try {
            replaceTriggers();
        } catch (org.quartz.SchedulerException e) {
            throw new SchedulingException("Cannot rebuild the prompt triggers", e);
        }
    }

    /** Adds the prompt job to {@code scheduler} and builds the triggers; called once, when the scheduler starts. */
    synchronized void attach(Scheduler scheduler) throws org.quartz.SchedulerException {
        scheduler.addJob(
                JobBuilder.newJob(PromptJob.class)
                        .withIdentity(JOB)
                        .storeDurably()
                        .build(),
                false);
        this.quartz = scheduler;
        replaceTriggers();
    }

    private void replaceTriggers() throws org.quartz.SchedulerException {
        Map<TriggerKey, CronTrigger> wanted = new HashMap<>();
        triggers().forEach(trigger -> wanted.put(trigger.getKey(), trigger));
        int removed = 0;
        int added = 0;
        for (TriggerKey key : quartz.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
            if (!wanted.containsKey(key)) {
                quartz.unscheduleJob(key);
                removed++;
            }
        }
        for (CronTrigger trigger : wanted.values()) {
            Trigger current = quartz.getTrigger(trigger.getKey());
            if (current == null) {
                quartz.scheduleJob(trigger);
                added++;
            } else if (!sameSchedule(current, trigger)) {
                quartz.rescheduleJob(trigger.getKey(), trigger);
                added++;
            }
        }
        if (removed + added > 0) {
            log.info(
                    "Prompt triggers rebuilt: {} in place, {} added or changed, {} removed",
                    wanted.size(),
                    added,
                    removed);
        }
    }

    private static boolean sameSchedule(Trigger current, CronTrigger wanted) {
        return current instanceof CronTrigger cron
                && cron.getCronExpression().equals(wanted.getCronExpression())
                && cron.getTimeZone().getID().equals(wanted.getTimeZone().getID());
    }

    private static CronTrigger trigger(PromptSlot slot, PromptCalendar calendar) {
        String zone = slot.zone().getId();
        return TriggerBuilder.newTrigger()
                .withIdentity(slot.channelId() + "/" + slot.kind() + "/" + zone, GROUP)
                .forJob(JOB)
                .usingJobData(PromptJob.CHANNEL, slot.channelId())
                .usingJobData(PromptJob.KIND, slot.kind())
                .usingJobData(PromptJob.ZONE, zone)
                .withSchedule(CronScheduleBuilder.cronSchedule(calendar.cronExpression())
                        .inTimeZone(TimeZone.getTimeZone(slot.zone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
