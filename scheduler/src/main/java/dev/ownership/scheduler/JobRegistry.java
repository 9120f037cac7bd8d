package dev.ownership.scheduler;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** A {@link JobFactory} that gives each job its dependencies through its constructor. */
final class JobRegistry implements JobFactory {
    private final Map<Class<? extends Job>, Supplier<? extends Job>> factories = new ConcurrentHashMap<>();

    JobRegistry(Map<Class<? extends Job>, Supplier<? extends Job>> factories) {
        this.factories.putAll(factories);
    }

    /** Adds the factory of another job, before the scheduler starts. */
    <T extends Job> void register(Class<T> jobClass, Supplier<T> factory) {
        factories.put(jobClass, factory);
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws org.quartz.SchedulerException {
        Class<? extends Job> jobClass = bundle.getJobDetail().getJobClass();
        Supplier<? extends Job> factory = factories.get(jobClass);
        if (factory == null) {
            throw new org.quartz.SchedulerException("No factory for job " + jobClass.getName());
        }
        return Objects.requireNonNull(factory.get(), jobClass.getName());
    }
}
