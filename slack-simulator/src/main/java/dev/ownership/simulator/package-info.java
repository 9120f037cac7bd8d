/**
 * A Slack workspace of our own on loopback, used by the bot's end-to-end tests, its {@code demo} command and its
 * benchmarks. It knows nothing of the bot: it plays Slack, as Slack documents itself.
 *
 * <p>{@link dev.ownership.simulator.SlackSimulator} serves the Web API methods the bot calls with Slack-shaped
 * responses, keeps a small workspace model (users, channels, messages, views), records every call for assertions and
 * can inject faults and Slack's rate-limit tiers. {@link dev.ownership.simulator.SlackRequests} plays Slack's side
 * towards the bot: signed Events API deliveries, slash commands and interactivity payloads, over HTTP or over the
 * simulated Socket Mode connection ({@link dev.ownership.simulator.SocketModeServer}).
 *
 * <p>A typical end-to-end test:
 *
 * <pre>{@code
 * try (SlackSimulator sim = SlackSimulator.start(clock)) {
 *     sim.workspace().addUser(SimUser.person("U0ANNA", "anna", "Europe/Berlin"));
 *     sim.workspace().addChannel(SimChannel.publicChannel("C0STANDUP", "standup", "U0ANNA", SlackSimulator.BOT_USER_ID));
 *     // start the bot with SLACK_API_URL=sim.apiUrl(), SLACK_BOT_TOKEN=SlackSimulator.BOT_TOKEN
 *     SlackRequests slack = new SlackRequests(botEventsUrl, signingSecret, sim, Clock.systemUTC());
 *
 *     slack.message("C0STANDUP", "U0ANNA", "Blocked on the staging DB");
 *
 *     RecordedCall nudge = sim.awaitCall("chat.postMessage",
 *             call -> call.text().contains("next step"), Duration.ofSeconds(5));
 *     assertThat(sim.dmsTo("U0ANNA")).containsExactly(nudge);
 * }
 * }</pre>
 */
package dev.ownership.simulator;
