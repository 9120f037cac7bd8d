package dev.ownership.scheduler;

import java.util.Objects;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Runs {@link DueWork} on every tick; never two at once. */
@DisallowConcurrentExecution
final class DueWorkJob implements Job {
    private final DueWork work;

    DueWorkJob(DueWork work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    @Override
    public void execute(JobExecutionContext context) {
        work.runDue();
    }
}
