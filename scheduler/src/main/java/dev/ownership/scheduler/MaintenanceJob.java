package dev.ownership.scheduler;

import java.util.Objects;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Runs the daily {@link Maintenance}. */
@DisallowConcurrentExecution
final class MaintenanceJob implements Job {
    private final Maintenance maintenance;

    MaintenanceJob(Maintenance maintenance) {
        this.maintenance = Objects.requireNonNull(maintenance, "maintenance");
    }

    @Override
    public void execute(JobExecutionContext context) {
        maintenance.runDaily();
    }
}
