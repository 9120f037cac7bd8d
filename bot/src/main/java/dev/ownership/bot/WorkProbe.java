package dev.ownership.bot;

import dev.ownership.scheduler.PromptWork;
import java.time.Duration;

/**
 * What the demo, the tests and the benchmarks wait on instead of sleeping, and the prompt work they run with their
 * manual clock (Quartz fires on real time). Nothing in production calls it.
 */
public interface WorkProbe {
    /**
     * Waits until a complete pass of the due work (nudges, digests) has run after this call.
     *
     * @throws IllegalStateException if no pass completes within {@code timeout}
     */
    void awaitDueWorkPass(Duration timeout);

    /** Waits until the work handed on after acknowledging Slack (answers, fan-outs, membership changes) is done. */
    void awaitBackgroundWork(Duration timeout);

    /** The scheduled prompts' work, which Quartz calls at each member's local time. */
    PromptWork prompts();
}
