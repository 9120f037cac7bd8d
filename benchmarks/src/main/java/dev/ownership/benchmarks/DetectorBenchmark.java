package dev.ownership.benchmarks;

import dev.ownership.bot.detection.BlockerDetector;
import dev.ownership.bot.detection.Classification;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Blocker detection on typical standup messages: throughput (messages per second on one thread) and the latency
 * distribution per message (p50, p99 with {@link Mode#SampleTime}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DetectorBenchmark -wi 2 -i 3 -f 1 -t 1}.
 */
@State(Scope.Thread)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class DetectorBenchmark {

    /** A mix of the formats and lengths teams post: bot reports, terse lines, bullets, mrkdwn, long paragraphs. */
    static final List<String> TYPICAL_MESSAGES = List.of(
            "*Yesterday:*\n• Finished the retry logic for the webhook consumer\n• Paired with <@U02ABCD12> on the "
                    + "flaky date test\n*Today:*\n• Ship the consumer behind a flag\n*Blockers:*\nNone",
            "*Yesterday:* wrapped up the CSV export\n*Today:* starting on the import side\n*Blockers:* "
                    + "<https://github.com/acme/ledger/pull/1187|#1187> has been sitting without a review since Tuesday",
            "Y: on-call handover, closed 3 alerts\nT: dashboards for the queue lag\nB: n/a",
            "Can't get into the prod read replica — my IAM role doesn't have the `rds-db:connect` permission. "
                    + "Stuck until someone grants it",
            "Staging has been down since this morning so I can't verify the onboarding fix. Going to spin up a "
                    + "preview env with `make preview` and test there instead.",
            "*What did you do yesterday?*\nStarted the refund screen\n*What will you do today?*\nContinue with "
                    + "refund screen\n*Anything blocking your progress?*\nNot clear if partial refunds are in scope "
                    + "for v1 or not, the ticket says both things",
            "Fixed the P0 blocker bug in checkout (empty cart crash). Release candidate is green again :tada:",
            "Waiting on <!subteam^S05DATA|@data-eng> for the new events schema. I'll draft the backfill against "
                    + "the current schema today and adapt it once theirs arrives.",
            "memory leak in the worker is back. heap grows to 4GB in ~2h and the pod gets OOMKilled. tried heap "
                    + "dumps, can't make sense of them. any ideas?",
            "no blockers, yesterday finish the login screen, today start registration screen",
            "hi team, i am not able to login to the grafana since the sso change, getting \"user not in allowed "
                    + "group\". so i cannot check the latency graphs for my task",
            "*Blockers:*\n1. staging is down — I'll check with <@U02OPS> after standup\n2. no access to the prod "
                    + "Sentry project, nobody answered my request",
            "&gt; Blockers: waiting on legal\n^ that was last week's update, legal signed off on Monday. Today "
                    + "I'm on the consent banner copy.",
            "Good morning! Yesterday I closed the remaining accessibility tickets and paired with Lena on the "
                    + "colour tokens. Today I want to start the dark mode for the dashboard, but honestly I can't "
                    + "really start until the design team finalises the token names, and they haven't replied since "
                    + "last week.",
            ":coffee: Y — closed the search relevancy epic\n:dart: T — kickoff for the billing revamp\n"
                    + ":no_entry: B — none :tada:",
            "PR for the pagination fix is up since Monday with no reviewer. I'll bring it to the review rotation "
                    + "in today's sync and ask <@U02ZED> directly if nobody picks it up by lunch.");

    private BlockerDetector detector;
    private int next;

    @Setup
    public void buildDetector() {
        detector = BlockerDetector.withDefaultLexicon();
    }

    private String nextMessage() {
        String message = TYPICAL_MESSAGES.get(next);
        next = (next + 1) % TYPICAL_MESSAGES.size();
        return message;
    }

    /** Messages classified per second by one thread. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Classification throughput() {
        return detector.classify(nextMessage());
    }

    /** Time to classify one message, sampled, for percentiles. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Classification latency() {
        return detector.classify(nextMessage());
    }
}
