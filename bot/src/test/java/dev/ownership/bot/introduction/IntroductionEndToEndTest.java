package dev.ownership.bot.introduction;

import static dev.ownership.bot.BotHarness.ADMIN;
import static dev.ownership.bot.BotHarness.ALICE;
import static dev.ownership.bot.BotHarness.LEAD;
import static dev.ownership.bot.BotHarness.STANDUP;
import static dev.ownership.bot.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.bot.BotHarness;
import dev.ownership.simulator.RecordedCall;
import dev.ownership.simulator.SimUser;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("the introduction, end to end through the simulator")
class IntroductionEndToEndTest {
    private static final String DANA = "U0DANA001";

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    @Test
    @DisplayName("watch posts one short introduction in the channel: what I do, what is private, what leads see")
    void shouldIntroduceOnWatch() {
        String answer = harness.command(ADMIN, STANDUP, "watch");

        assertThat(answer).contains("I've introduced myself in the channel");
        List<RecordedCall> posts = channelPosts();
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).text())
                .contains("I'm Ownership")
                .contains("<@" + ADMIN + "> set me up here")
                .contains("Nudges are private")
                .contains("What leads see")
                .contains("links to blockers still without a next step after a day")
                .contains("/ownership nudges off")
                .contains("/ownership pause until friday")
                .contains("/ownership forget-me")
                .contains("/ownership help");

        harness.command(ADMIN, STANDUP, "watch");
        assertThat(channelPosts()).as("watching again says nothing more").hasSize(1);
    }

    @Test
    @DisplayName("watch … quiet posts nothing in the channel")
    void shouldStayQuiet() {
        String answer = harness.command(ADMIN, STANDUP, "watch quiet");

        assertThat(answer).contains("Now watching #standup").contains("I didn't introduce myself");
        assertThat(channelPosts()).isEmpty();
        assertThat(harness.sim().history(STANDUP)).isEmpty();
    }

    @Test
    @DisplayName("names the team's leads once they are set, when someone joins later")
    void shouldNameLeadsToNewcomers() {
        harness.watchStandup();
        harness.command(ADMIN, STANDUP, "leads <@" + LEAD + "|lee>");
        harness.sim().workspace().addUser(SimUser.person(DANA, "dana", "Europe/Lisbon"));

        harness.slack().memberJoined(STANDUP, DANA);

        RecordedCall welcome =
                harness.sim().awaitCall("chat.postMessage", call -> DANA.equals(call.param("channel")), WAIT);
        assertThat(welcome.text())
                .contains("Welcome to #standup")
                .contains("What leads see* (@" + LEAD + ")")
                .contains("Nudges are private");
    }

    @Test
    @DisplayName("a newcomer gets the same as one DM, once, even when they leave and join again; bots get nothing")
    void shouldWelcomeNewcomersOnce() {
        harness.watchStandup();
        harness.sim().workspace().addUser(SimUser.person(DANA, "dana", "Europe/Lisbon"));
        harness.sim()
                .workspace()
                .addUser(SimUser.person("U0ROBOT1", "robot", "UTC").asBot());

        harness.slack().memberJoined(STANDUP, "U0ROBOT1");
        harness.slack().memberJoined(STANDUP, DANA);
        harness.sim().awaitCall("chat.postMessage", call -> DANA.equals(call.param("channel")), WAIT);
        harness.slack().memberLeft(STANDUP, DANA);
        harness.slack().memberJoined(STANDUP, DANA);
        harness.probe().awaitBackgroundWork(WAIT);

        assertThat(harness.sim().dmsTo(DANA)).hasSize(1);
        assertThat(harness.sim().calls("chat.postMessage"))
                .extracting(call -> call.param("channel"))
                .containsExactly(DANA);
    }

    @Test
    @DisplayName("nobody is welcomed into a channel that is not watched")
    void shouldNotWelcomeIntoUnwatchedChannels() {
        harness.sim().workspace().addUser(SimUser.person(DANA, "dana", "Europe/Lisbon"));

        harness.slack().memberJoined(STANDUP, DANA);
        harness.slack().memberJoined(STANDUP, ALICE);
        harness.probe().awaitBackgroundWork(WAIT);

        assertThat(harness.sim().calls("chat.postMessage")).isEmpty();
    }

    private List<RecordedCall> channelPosts() {
        return harness.sim().calls("chat.postMessage").stream()
                .filter(call -> STANDUP.equals(call.param("channel")))
                .toList();
    }
}
