package dev.ownership.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ownership.simulator.SlackRequests;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The morning burst: every member posts a standup once, a fifth of them a blocker without a next step and about one
 * in eleven a blocker with one; some authors then edit their post or reply in its thread (a next step that cancels
 * the nudge, or a teammate's reply), as signed Events API requests over several concurrent connections, at the times
 * planned. Each request's acknowledgement is timed.
 *
 * <p>Thread-safe: results are collected in concurrent collections.
 */
final class LargeOrgBurst {
    static final String NONE_1 = "*Yesterday:* finished the retry logic for the billing export\n*Today:* tests for the"
            + " importer\n*Blockers:* none";
    static final String NONE_2 = "Y: reviewed the cache PR\nT: pairing on the search index\nB: nothing blocking";
    static final String NONE_EDITED = "*Yesterday:* finished the retry logic for the billing export (and its docs)\n"
            + "*Today:* tests for the importer\n*Blockers:* none";
    static final String[] WITHOUT = {
        "*Yesterday:* api work on the ledger service\n*Today:* more tests\n*Blockers:* waiting on the platform team for"
                + " access to the staging database",
        "Yesterday: deploy pipeline cleanup. Today: the flaky integration suite. Blocked: CI has been red since this"
                + " morning and I can't merge anything",
        "*Today:* invoice PDFs\n*Blockers:* still waiting for design to decide on the new layout"
    };
    static final String[] WITH = {
        "*Yesterday:* api work on the ledger service\n*Today:* more tests\n*Blockers:* waiting on the platform team for"
                + " access to the staging database; I'll ask in #platform-help this morning and use the shared"
                + " read-only replica meanwhile",
        "Y: deploy pipeline cleanup. T: flaky suite. Blocker: CI is red, so I'm reverting the runner image bump myself"
                + " and will re-run the suite before lunch"
    };
    static final String OWN_NEXT_STEP = "Next step: I'll ping the platform on-call now and switch to the shared staging"
            + " account if they can't grant it by noon";
    static final String HELPER_REPLY = "I had the same thing last week, the access form is in the platform wiki";

    /** What a member posts. */
    enum Post {
        NONE,
        WITHOUT_NEXT_STEP,
        WITH_NEXT_STEP
    }

    /** A request of the burst. */
    enum Kind {
        POST,
        EDIT,
        OWN_REPLY,
        HELPER_REPLY
    }

    /**
     * One planned request.
     *
     * @param at when to send it, from the burst's start
     * @param member the member whose post it is about
     * @param actor who sends it (the author, or a teammate for a helper's reply)
     */
    record Action(Duration at, Kind kind, int member, int actor, String text) {}

    /** A request sent and how it was acknowledged. */
    record Sent(Action action, Instant sentAt, double ackMillis, int status) {}

    /** A member's post as sent: its channel and ts, and whether a nudge is owed for it. */
    record Posted(int member, String channel, String ts, Post post, boolean nudgeOwed) {}

    private final LargeOrgWorld world;
    private final SlackRequests slack;
    private final int connections;
    private final Map<Integer, Post> posts = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> cancelled = new ConcurrentHashMap<>();
    private final List<Action> plan = new ArrayList<>();
    private final List<Integer> probes = new ArrayList<>();
    private final Map<Integer, Posted> posted = new ConcurrentHashMap<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    LargeOrgBurst(LargeOrgWorld world, SlackRequests slack, int connections, Duration length, int probeCount) {
        this.world = world;
        this.slack = slack;
        this.connections = connections;
        SplittableRandom random = new SplittableRandom(20_261_203L);
        for (int member = 0; member < world.members(); member++) {
            double kind = random.nextDouble();
            Post post = kind < 0.20 ? Post.WITHOUT_NEXT_STEP : kind < 0.29 ? Post.WITH_NEXT_STEP : Post.NONE;
            posts.put(member, post);
            Duration at = Duration.ofNanos((long) (random.nextDouble() * length.toNanos()));
            double follow = random.nextDouble();
            boolean probe = post == Post.NONE && follow >= 0.03 && probes.size() < probeCount;
            if (probe) {
                probes.add(member);
                continue;
            }
            plan.add(new Action(at, Kind.POST, member, member, text(post, member)));
            if (post == Post.WITHOUT_NEXT_STEP && follow < 0.10) {
                plan.add(new Action(at.plusSeconds(20), Kind.EDIT, member, member, WITH[0]));
                cancelled.put(member, true);
            } else if (post == Post.WITHOUT_NEXT_STEP && follow < 0.20) {
                plan.add(new Action(at.plusSeconds(25), Kind.OWN_REPLY, member, member, OWN_NEXT_STEP));
                cancelled.put(member, true);
            } else if (post == Post.WITHOUT_NEXT_STEP && follow < 0.30) {
                int helper = member + LargeOrgWorld.TEAMS < world.members()
                        ? member + LargeOrgWorld.TEAMS
                        : member - LargeOrgWorld.TEAMS;
                if (helper >= 0) {
                    plan.add(new Action(at.plusSeconds(15), Kind.HELPER_REPLY, member, helper, HELPER_REPLY));
                }
            } else if (post == Post.NONE && follow < 0.03) {
                plan.add(new Action(at.plusSeconds(30), Kind.EDIT, member, member, NONE_EDITED));
            }
        }
        plan.sort(Comparator.comparing(Action::at));
    }

    private static String text(Post post, int member) {
        return switch (post) {
            case NONE -> member % 2 == 0 ? NONE_1 : NONE_2;
            case WITHOUT_NEXT_STEP -> WITHOUT[member % WITHOUT.length];
            case WITH_NEXT_STEP -> WITH[member % WITH.length];
        };
    }

    List<Integer> probes() {
        return probes;
    }

    List<Action> plan() {
        return plan;
    }

    /** Sends one probe post now, on the calling thread. */
    Sent sendProbe(int member) {
        return send(new Action(Duration.ZERO, Kind.POST, member, member, text(Post.NONE, member)), false);
    }

    /** Sends the planned requests at their times over {@link #connections} connections; returns when all are acked. */
    void run() throws InterruptedException {
        ExecutorService senders = Executors.newFixedThreadPool(connections);
        long start = System.nanoTime();
        try {
            for (Action action : plan) {
                long wait = start + action.at().toNanos() - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                senders.execute(() -> send(action, true));
            }
        } finally {
            senders.shutdown();
            senders.awaitTermination(10, TimeUnit.MINUTES);
        }
    }

    private Sent send(Action action, boolean counted) {
        String channel = LargeOrgWorld.channelId(LargeOrgWorld.teamOf(action.member()));
        String user = LargeOrgWorld.userId(action.actor());
        Instant at = Instant.now();
        long started;
        HttpResponse<String> response;
        try {
            if (action.kind() == Kind.POST) {
                ObjectNode envelope = slack.messageEnvelope(channel, user, action.text());
                String ts = envelope.path("event").path("ts").asText();
                Post post = posts.get(action.member());
                posted.put(
                        action.member(),
                        new Posted(
                                action.member(),
                                channel,
                                ts,
                                post,
                                post == Post.WITHOUT_NEXT_STEP && !cancelled.containsKey(action.member())));
                at = Instant.now();
                started = System.nanoTime();
                response = slack.sendEnvelope(envelope, 0, null);
            } else {
                Optional<Posted> parent = awaitPosted(action.member());
                if (parent.isEmpty()) {
                    return record(new Sent(action, at, Double.NaN, -2), counted);
                }
                started = System.nanoTime();
                response = switch (action.kind()) {
                    case EDIT ->
                        slack.editMessage(channel, parent.get().ts(), user, action.text())
                                .response();
                    default ->
                        slack.threadReply(channel, parent.get().ts(), user, action.text())
                                .response();
                };
            }
        } catch (RuntimeException failed) {
            return record(new Sent(action, at, Double.NaN, -1), counted);
        }
        double ackMillis = LargeOrgStats.nanosToMillis(System.nanoTime() - started);
        return record(new Sent(action, at, ackMillis, response.statusCode()), counted);
    }

    private Sent record(Sent result, boolean counted) {
        if (counted) {
            sent.add(result);
        }
        return result;
    }

    private Optional<Posted> awaitPosted(int member) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Posted parent = posted.get(member);
            if (parent != null) {
                return Optional.of(parent);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return Optional.empty();
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    Map<Integer, Posted> posted() {
        return Map.copyOf(posted);
    }
}
