package dev.ownership.scheduler;

/** The prompt triggers, rebuilt from the database whenever schedules, working days, members or timezones change. */
@FunctionalInterface
public interface PromptTriggers {
    /** Brings the triggers in line with what is stored now. */
    void rebuild();
}
