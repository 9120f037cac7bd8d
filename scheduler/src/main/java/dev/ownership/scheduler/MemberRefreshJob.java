package dev.ownership.scheduler;

import java.util.Objects;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Runs the daily {@link PromptWork#refreshMembers}. */
@DisallowConcurrentExecution
final class MemberRefreshJob implements Job {
    private final PromptWork work;

    MemberRefreshJob(PromptWork work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    @Override
    public void execute(JobExecutionContext context) {
        work.refreshMembers();
    }
}
