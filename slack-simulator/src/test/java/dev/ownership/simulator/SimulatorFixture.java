package dev.ownership.simulator;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A simulator with a small workspace and an SDK client pointed at it, for the simulator's own tests. */
final class SimulatorFixture implements AutoCloseable {
    static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    static final String ANNA = "U0ANNA";
    static final String BEN = "U0BEN";
    static final String CARL = "U0CARL";
    static final String STANDUP = "C0STANDUP";
    static final String RANDOM = "C0RANDOM";
    static final String LEADS = "C0LEADS";

    final SlackSimulator sim;
    final Slack slack;
    final MethodsClient client;

    private SimulatorFixture(Clock clock, Integer readTimeoutMillis) {
        sim = SlackSimulator.start(clock);
        sim.workspace().addUser(SimUser.person(ANNA, "anna", "Europe/Berlin").asAdmin());
        sim.workspace().addUser(SimUser.person(BEN, "ben", "America/New_York"));
        sim.workspace().addUser(SimUser.person(CARL, "carl", "Asia/Kolkata"));
        sim.workspace().addChannel(SimChannel.publicChannel(STANDUP, "standup", ANNA, BEN, SlackSimulator.BOT_USER_ID));
        sim.workspace().addChannel(SimChannel.publicChannel(RANDOM, "random", ANNA, BEN, CARL));
        sim.workspace().addChannel(SimChannel.privateChannel(LEADS, "leads", ANNA));
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(sim.apiUrl());
        config.setStatsEnabled(false);
        config.getMethodsConfig().setStatsEnabled(false);
        if (readTimeoutMillis != null) {
            config.setHttpClientReadTimeoutMillis(readTimeoutMillis);
        }
        slack = Slack.getInstance(config);
        client = slack.methods(SlackSimulator.BOT_TOKEN);
    }

    /** At 2023-11-14T22:13:20Z, a frozen clock. */
    static SimulatorFixture frozen() {
        return new SimulatorFixture(Clock.fixed(NOW, ZoneOffset.UTC), null);
    }

    static SimulatorFixture at(Instant instant) {
        return new SimulatorFixture(Clock.fixed(instant, ZoneOffset.UTC), null);
    }

    static SimulatorFixture withReadTimeout(int millis) {
        return new SimulatorFixture(Clock.fixed(NOW, ZoneOffset.UTC), millis);
    }

    MethodsClient client(String token) {
        return slack.methods(token);
    }

    @Override
    public void close() throws Exception {
        slack.close();
        sim.close();
    }
}
