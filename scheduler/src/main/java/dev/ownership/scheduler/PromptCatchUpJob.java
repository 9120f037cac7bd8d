package dev.ownership.scheduler;

import java.util.Objects;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Runs {@link PromptWork#catchUp} once, when the scheduler starts. */
@DisallowConcurrentExecution
final class PromptCatchUpJob implements Job {
    private final PromptWork work;

    PromptCatchUpJob(PromptWork work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    @Override
    public void execute(JobExecutionContext context) {
        work.catchUp();
    }
}
