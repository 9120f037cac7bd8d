package dev.ownership.scheduler;

import java.time.ZoneId;
import java.util.Objects;
import org.quartz.InterruptableJob;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;

/**
 * Fires one team's prompt for the members in one timezone. Runs concurrently for different triggers: teams do not
 * wait for each other. When the scheduler shuts down, the thread sending is interrupted, so that a long fan-out
 * stops and leaves the rest to the catch-up after the restart.
 */
final class PromptJob implements InterruptableJob {
    static final String CHANNEL = "channelId";
    static final String KIND = "kind";
    static final String ZONE = "zone";

    private final PromptWork work;
    private volatile Thread running;

    PromptJob(PromptWork work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        running = Thread.currentThread();
        try {
            work.sendDue(
                    data.getString(CHANNEL),
                    data.getString(KIND),
                    ZoneId.of(data.getString(ZONE)),
                    context.getScheduledFireTime().toInstant());
        } finally {
            running = null;
        }
    }

    @Override
    public void interrupt() {
        Thread thread = running;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
