package dev.ownership.benchmarks;

import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.listeners.JobListenerSupport;

/**
 * A Java agent that {@link LargeOrgDriver} starts the bot with to see how long each of its Quartz jobs runs: the
 * due-work tick above all, which has no metric of its own. It waits for the bot's scheduler to be created, adds a job
 * listener, and appends one line per finished job to the file named by the agent's argument:
 * {@code <job> <fired epoch ms> <scheduled fire epoch ms> <run time ms> <trigger>}.
 *
 * <p>It only observes: no class is changed, and the listener does one short write per job. Thread-safe.
 */
public final class LargeOrgTickAgent {
    private LargeOrgTickAgent() {}

    /** Starts a daemon thread that attaches the listener once the scheduler exists. */
    public static void premain(String file) {
        Thread attaching = new Thread(() -> attach(file), "largeorg-tick-agent");
        attaching.setDaemon(true);
        attaching.start();
    }

    private static void attach(String file) {
        PrintWriter out;
        try {
            out = new PrintWriter(new FileWriter(file, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            while (true) {
                Collection<Scheduler> schedulers =
                        SchedulerRepository.getInstance().lookupAll();
                if (!schedulers.isEmpty()) {
                    for (Scheduler scheduler : schedulers) {
                        scheduler.getListenerManager().addJobListener(new Recorder(out));
                    }
                    return;
                }
                Thread.sleep(1);
            }
        } catch (SchedulerException e) {
            out.println("error " + e);
            out.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes a line for every job that finished. */
    private static final class Recorder extends JobListenerSupport {
        private final PrintWriter out;

        Recorder(PrintWriter out) {
            this.out = out;
        }

        @Override
        public String getName() {
            return "largeorg-ticks";
        }

        @Override
        public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
            String line = context.getJobDetail().getKey().getName() + " "
                    + context.getFireTime().getTime() + " "
                    + (context.getScheduledFireTime() == null
                            ? 0
                            : context.getScheduledFireTime().getTime())
                    + " " + context.getJobRunTime() + " "
                    + context.getTrigger().getKey().getName().replace(' ', '_');
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }
    }
}
