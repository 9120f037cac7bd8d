package dev.ownership.scheduler;

/** Housekeeping the bot does once a day: pruning records past their retention, refreshing caches. */
@FunctionalInterface
public interface Maintenance {
    /** Runs the daily housekeeping; must not throw for one bad record. */
    void runDaily();
}
