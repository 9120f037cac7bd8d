package dev.ownership.scheduler;

import java.time.ZoneId;
import java.util.Objects;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;

/**
 * Fires one team's prompt for the members in one timezone. Runs concurrently for different triggers: teams do not
 * wait for each other.
 */
final class PromptJob implements Job {
    static final String CHANNEL = "channelId";
    static final String KIND = "kind";
    static final String ZONE = "zone";

    private final PromptWork work;

    PromptJob(PromptWork work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        work.sendDue(
                data.getString(CHANNEL),
                data.getString(KIND),
                ZoneId.of(data.getString(ZONE)),
                context.getScheduledFireTime().toInstant());
    }
}
