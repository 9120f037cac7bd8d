package dev.ownership.simulator;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asElements;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;
import static dev.ownership.simulator.SimulatorFixture.ANNA;
import static dev.ownership.simulator.SimulatorFixture.BEN;
import static dev.ownership.simulator.SimulatorFixture.LEADS;
import static dev.ownership.simulator.SimulatorFixture.STANDUP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.methods.MethodsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Slack requests to the bot")
class SlackRequestsTest {
    private static final String SECRET = "sim-signing-secret";
    private static final SlackSignature.Verifier VERIFIER =
            new SlackSignature.Verifier(new SlackSignature.Generator(SECRET));

    private SimulatorFixture fixture;
    private SlackSimulator sim;
    private MethodsClient client;
    private FakeBot bot;
    private SlackRequests slack;

    @BeforeEach
    void start() throws Exception {
        fixture = SimulatorFixture.frozen();
        sim = fixture.sim;
        client = fixture.client;
        bot = new FakeBot();
        slack = new SlackRequests(bot.eventsUrl(), SECRET, sim, Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
        fixture.close();
    }

    private static void assertSignedBySlack(FakeBot.Received received) {
        assertThat(VERIFIER.isValid(
                        received.header("X-Slack-Request-Timestamp"),
                        received.body(),
                        received.header("X-Slack-Signature")))
                .as("signature of %s", received.body())
                .isTrue();
    }

    @Nested
    @DisplayName("Events API")
    class Events {
        @Test
        void urlVerificationIsASignedChallenge() throws Exception {
            bot.answerWith("{\"challenge\":\"abc123\"}");

            HttpResponse<String> response = slack.urlVerification("abc123");

            FakeBot.Received received = bot.next();
            assertSignedBySlack(received);
            assertThat(received.header("Content-Type")).isEqualTo("application/json");
            assertThat(received.json().get("type").asText()).isEqualTo("url_verification");
            assertThat(received.json().get("challenge").asText()).isEqualTo("abc123");
            assertThat(response.body()).contains("abc123");
        }

        @Test
        void aMessageIsASignedEventCallbackAndLandsInHistory() throws Exception {
            EventDelivery first = slack.message(STANDUP, ANNA, "Blocked on the staging DB");
            EventDelivery second = slack.message(STANDUP, BEN, "All good");

            FakeBot.Received received = bot.next();
            assertSignedBySlack(received);
            JsonNode envelope = received.json();
            assertThat(envelope.get("type").asText()).isEqualTo("event_callback");
            assertThat(envelope.get("event_id").asText())
                    .isEqualTo("Ev0SIM000001")
                    .isEqualTo(first.eventId());
            assertThat(envelope.get("team_id").asText()).isEqualTo(SlackSimulator.TEAM_ID);
            assertThat(envelope.get("api_app_id").asText()).isEqualTo(SlackSimulator.APP_ID);
            assertThat(envelope.at("/authorizations/0/user_id").asText()).isEqualTo(SlackSimulator.BOT_USER_ID);
            assertThat(envelope.at("/authorizations/0/is_bot").asBoolean()).isTrue();
            JsonNode event = envelope.get("event");
            assertThat(event.get("type").asText()).isEqualTo("message");
            assertThat(event.get("channel").asText()).isEqualTo(STANDUP);
            assertThat(event.get("channel_type").asText()).isEqualTo("channel");
            assertThat(event.get("user").asText()).isEqualTo(ANNA);
            assertThat(event.get("text").asText()).isEqualTo("Blocked on the staging DB");
            assertThat(event.get("ts").asText()).isEqualTo(first.ts()).isEqualTo("1700000000.000000");
            assertThat(event.has("subtype")).isFalse();
            assertThat(second.eventId()).isEqualTo("Ev0SIM000002");
            assertThat(sim.history(STANDUP)).extracting(SimMessage::user).containsExactly(ANNA, BEN);
        }

        @Test
        void channelTypeFollowsTheConversation() throws Exception {
            slack.message(LEADS, ANNA, "private");
            slack.message(sim.workspace().dmChannelOf(ANNA), ANNA, "to the bot");

            assertThat(bot.next().json().at("/event/channel_type").asText()).isEqualTo("group");
            assertThat(bot.next().json().at("/event/channel_type").asText()).isEqualTo("im");
        }

        @Test
        void aThreadReplyNamesItsParentAndTheBotCanReadIt() throws Exception {
            EventDelivery parent = slack.message(STANDUP, ANNA, "Blocked on review");
            slack.threadReply(STANDUP, parent.ts(), ANNA, "I'll ask Ben to review today");
            bot.next();

            JsonNode reply = bot.next().json().get("event");
            assertThat(reply.get("thread_ts").asText()).isEqualTo(parent.ts());
            assertThat(reply.get("parent_user_id").asText()).isEqualTo(ANNA);
            var replies = client.conversationsReplies(
                    request -> request.channel(STANDUP).ts(parent.ts()));
            assertThat(replies.getMessages())
                    .extracting(message -> message.getText())
                    .containsExactly("Blocked on review", "I'll ask Ben to review today");
            assertThat(client.chatGetPermalink(
                                    request -> request.channel(STANDUP).messageTs(parent.ts()))
                            .isOk())
                    .isTrue();
        }

        @Test
        void aThreadBroadcastCarriesItsRoot() throws Exception {
            EventDelivery parent = slack.message(STANDUP, ANNA, "Blocked");
            slack.threadBroadcast(STANDUP, parent.ts(), BEN, "FYI all");
            bot.next();

            JsonNode event = bot.next().json().get("event");
            assertThat(event.get("subtype").asText()).isEqualTo("thread_broadcast");
            assertThat(event.at("/root/text").asText()).isEqualTo("Blocked");
        }

        @Test
        void anEditCarriesTheMessageAndThePreviousMessage() throws Exception {
            EventDelivery original = slack.message(STANDUP, ANNA, "Blocked on CI");
            slack.editMessage(STANDUP, original.ts(), ANNA, "Blocked on CI, will pair with Ben");
            bot.next();

            JsonNode event = bot.next().json().get("event");
            assertThat(event.get("subtype").asText()).isEqualTo("message_changed");
            assertThat(event.at("/message/ts").asText()).isEqualTo(original.ts());
            assertThat(event.at("/message/text").asText()).isEqualTo("Blocked on CI, will pair with Ben");
            assertThat(event.at("/message/edited/user").asText()).isEqualTo(ANNA);
            assertThat(event.at("/previous_message/text").asText()).isEqualTo("Blocked on CI");
            assertThat(sim.history(STANDUP))
                    .extracting(SimMessage::text)
                    .containsExactly("Blocked on CI, will pair with Ben");
        }

        @Test
        void aDeletionNamesTheDeletedMessage() throws Exception {
            EventDelivery original = slack.message(STANDUP, ANNA, "oops");
            slack.deleteMessage(STANDUP, original.ts());
            bot.next();

            JsonNode event = bot.next().json().get("event");
            assertThat(event.get("subtype").asText()).isEqualTo("message_deleted");
            assertThat(event.get("deleted_ts").asText()).isEqualTo(original.ts());
            assertThat(event.at("/previous_message/text").asText()).isEqualTo("oops");
            assertThat(sim.history(STANDUP)).isEmpty();
        }

        @Test
        void housekeepingAndOtherBotsHaveTheirSubtypes() throws Exception {
            slack.botMessage(STANDUP, "Standup time!");
            slack.channelJoin(STANDUP, "U0CARL");
            slack.fileShare(STANDUP, BEN, "notes attached");

            JsonNode botPost = bot.next().json().get("event");
            assertThat(botPost.get("subtype").asText()).isEqualTo("bot_message");
            assertThat(botPost.get("bot_id").asText()).isEqualTo(SlackRequests.OTHER_BOT_ID);
            JsonNode join = bot.next().json().get("event");
            assertThat(join.get("subtype").asText()).isEqualTo("channel_join");
            assertThat(join.get("text").asText()).isEqualTo("<@U0CARL> has joined the channel");
            JsonNode share = bot.next().json().get("event");
            assertThat(share.get("subtype").asText()).isEqualTo("file_share");
            assertThat(share.at("/files/0/id").asText()).startsWith("F");
        }

        @Test
        void membershipEventsChangeTheWorkspace() throws Exception {
            slack.memberJoined(STANDUP, "U0CARL");
            slack.memberLeft(STANDUP, BEN);

            JsonNode joined = bot.next().json().get("event");
            assertThat(joined.get("type").asText()).isEqualTo("member_joined_channel");
            assertThat(joined.get("channel_type").asText()).isEqualTo("C");
            assertThat(bot.next().json().at("/event/type").asText()).isEqualTo("member_left_channel");
            assertThat(sim.workspace().channel(STANDUP).orElseThrow().members())
                    .contains("U0CARL")
                    .doesNotContain(BEN);
        }

        @Test
        void userChangeCarriesTheUserAsTheyAreNow() throws Exception {
            sim.workspace().setTimezone(BEN, "Asia/Tokyo");

            slack.userChange(BEN);

            JsonNode user = bot.next().json().at("/event/user");
            assertThat(user.get("id").asText()).isEqualTo(BEN);
            assertThat(user.get("tz").asText()).isEqualTo("Asia/Tokyo");
            assertThat(user.get("tz_offset").asInt()).isEqualTo(9 * 3600);
        }

        @Test
        void appHomeOpenedCarriesThePublishedView() throws Exception {
            client.viewsPublish(request -> request.userId(ANNA)
                    .view(view(v -> v.type("home").blocks(asBlocks(section(s -> s.text(markdownText("Streaks"))))))));

            slack.appHomeOpened(ANNA);

            JsonNode event = bot.next().json().get("event");
            assertThat(event.get("tab").asText()).isEqualTo("home");
            assertThat(event.get("channel").asText()).isEqualTo(sim.workspace().dmChannelOf(ANNA));
            assertThat(event.at("/view/type").asText()).isEqualTo("home");
        }

        @Test
        void aRedeliveryIsTheSameBodyWithRetryHeadersFreshlySigned() throws Exception {
            EventDelivery delivery = slack.message(STANDUP, ANNA, "Blocked");
            FakeBot.Received first = bot.next();

            slack.redeliver(delivery, 1, "http_timeout");

            FakeBot.Received retry = bot.next();
            assertSignedBySlack(retry);
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(retry.header("X-Slack-Retry-Num")).isEqualTo("1");
            assertThat(retry.header("X-Slack-Retry-Reason")).isEqualTo("http_timeout");
            assertThat(first.header("X-Slack-Retry-Num")).isNull();
        }
    }

    @Nested
    @DisplayName("slash commands")
    class SlashCommands {
        @Test
        void aCommandIsASignedFormWithAResponseUrlBackToTheSimulator() throws Exception {
            bot.answerWith("");

            CommandReply reply = slack.slashCommand(ANNA, STANDUP, "learned feature flags beat long branches");

            FakeBot.Received received = bot.next();
            assertSignedBySlack(received);
            assertThat(received.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
            Map<String, String> form = received.form();
            assertThat(form)
                    .containsEntry("command", "/ownership")
                    .containsEntry("text", "learned feature flags beat long branches")
                    .containsEntry("user_id", ANNA)
                    .containsEntry("user_name", "anna")
                    .containsEntry("channel_id", STANDUP)
                    .containsEntry("channel_name", "standup")
                    .containsEntry("team_id", SlackSimulator.TEAM_ID)
                    .containsEntry("api_app_id", SlackSimulator.APP_ID)
                    .containsEntry("response_url", reply.responseUrl())
                    .containsKeys("token", "team_domain", "trigger_id");
            assertThat(reply.responseUrl()).startsWith("http://127.0.0.1:");
            assertThat(reply.status()).isEqualTo(200);
        }

        @Test
        void theCommandsTriggerOpensAModalForItsUser() throws Exception {
            slack.slashCommand(BEN, STANDUP, "risk");
            String trigger = bot.next().form().get("trigger_id");

            var opened = client.viewsOpen(request -> request.triggerId(trigger).view(view(v -> v.type("modal")
                    .title(viewTitle(t -> t.type("plain_text").text("Flag a risk")))
                    .blocks(asBlocks(section(s -> s.text(markdownText("What could go wrong?"))))))));

            assertThat(sim.view(opened.getView().getId()).orElseThrow().userId())
                    .isEqualTo(BEN);
        }

        @Test
        void repliesToTheResponseUrlAreRecorded() throws Exception {
            CommandReply reply = slack.slashCommand(ANNA, STANDUP, "help");
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(reply.responseUrl()))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Usage: /ownership me\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            RecordedCall call = sim.awaitCall("response_url", any -> true, Duration.ofSeconds(5));

            assertThat(call.text()).isEqualTo("Usage: /ownership me");
        }
    }

    @Nested
    @DisplayName("interactivity")
    class Interactivity {
        @Test
        void aButtonInAMessageSendsBlockActionsWithTheMessageAndAResponseUrl() throws Exception {
            String dm = sim.workspace().dmChannelOf(ANNA);
            String ts = client.chatPostMessage(request -> request.channel(ANNA)
                            .text("Add a next step?")
                            .blocks(asBlocks(actions(
                                    a -> a.blockId("nudge").elements(asElements(button(b -> b.actionId("add_next_step")
                                            .text(plainText("Add a next step"))
                                            .value("C0STANDUP:1700000000.000001"))))))))
                    .getTs();

            slack.blockAction(ANNA, "add_next_step", "C0STANDUP:1700000000.000001", ActionSource.message(dm, ts));

            FakeBot.Received received = bot.next();
            assertSignedBySlack(received);
            JsonNode payload = received.payload();
            assertThat(payload.get("type").asText()).isEqualTo("block_actions");
            assertThat(payload.at("/user/id").asText()).isEqualTo(ANNA);
            assertThat(payload.at("/container/type").asText()).isEqualTo("message");
            assertThat(payload.at("/container/message_ts").asText()).isEqualTo(ts);
            assertThat(payload.at("/channel/id").asText()).isEqualTo(dm);
            assertThat(payload.at("/message/text").asText()).isEqualTo("Add a next step?");
            assertThat(payload.at("/actions/0/action_id").asText()).isEqualTo("add_next_step");
            assertThat(payload.at("/actions/0/block_id").asText()).isEqualTo("nudge");
            assertThat(payload.at("/actions/0/value").asText()).isEqualTo("C0STANDUP:1700000000.000001");
            assertThat(payload.at("/actions/0/text/text").asText()).isEqualTo("Add a next step");
            assertThat(payload.get("trigger_id").asText()).isNotBlank();
            assertThat(payload.get("response_url").asText()).contains("/response/");
        }

        @Test
        void replacingTheOriginalThroughTheResponseUrlChangesTheMessage() throws Exception {
            String ts = client.chatPostMessage(request -> request.channel(STANDUP)
                            .text("Pick one")
                            .blocks(asBlocks(actions(a -> a.elements(asElements(button(
                                    b -> b.actionId("ok").text(plainText("OK")).value("yes"))))))))
                    .getTs();
            slack.blockAction(BEN, "ok", "yes", ActionSource.message(STANDUP, ts));
            String responseUrl = bot.next().payload().get("response_url").asText();

            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(responseUrl))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"replace_original\":true,\"text\":\"Thanks!\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(sim.message(STANDUP, ts).orElseThrow().text()).isEqualTo("Thanks!");
        }

        @Test
        void aSubmissionCarriesTheStateShapedForEachElement() throws Exception {
            String viewId = openNextStepModal();

            slack.viewSubmission(ANNA, viewId, Map.of("step", Map.of("step_text", "Pair with Ben at 2pm")));

            FakeBot.Received received = bot.next();
            assertSignedBySlack(received);
            JsonNode payload = received.payload();
            assertThat(payload.get("type").asText()).isEqualTo("view_submission");
            assertThat(payload.at("/user/id").asText()).isEqualTo(ANNA);
            assertThat(payload.at("/view/id").asText()).isEqualTo(viewId);
            assertThat(payload.at("/view/callback_id").asText()).isEqualTo("next_step");
            assertThat(payload.at("/view/private_metadata").asText()).isEqualTo("C0STANDUP:1700000000.000001");
            assertThat(payload.at("/view/state/values/step/step_text/type").asText())
                    .isEqualTo("plain_text_input");
            assertThat(payload.at("/view/state/values/step/step_text/value").asText())
                    .isEqualTo("Pair with Ben at 2pm");
            assertThat(payload.at("/view/state/values/due/due_date/type").asText())
                    .isEqualTo("datepicker");
            assertThat(payload.at("/view/state/values/due/due_date/selected_date")
                            .isNull())
                    .isTrue();
        }

        @Test
        void aResponseActionUpdateReplacesTheView() throws Exception {
            String viewId = openNextStepModal();
            bot.answerWith("{\"response_action\":\"update\",\"view\":{\"type\":\"modal\",\"callback_id\":\"done\","
                    + "\"title\":{\"type\":\"plain_text\",\"text\":\"Thanks\"},\"blocks\":[]}}");

            slack.viewSubmission(ANNA, viewId, Map.of("step", Map.of("step_text", "Ask Ben")));

            assertThat(sim.view(viewId).orElseThrow().callbackId()).isEqualTo("done");
        }

        @Test
        void aButtonInAModalNamesTheViewAsContainer() throws Exception {
            String trigger = sim.newTriggerId(ANNA);
            String viewId = client.viewsOpen(
                            request -> request.triggerId(trigger).view(view(v -> v.type("modal")
                                    .title(viewTitle(t -> t.type("plain_text").text("Streaks")))
                                    .blocks(asBlocks(actions(a -> a.elements(asElements(
                                            button(b -> b.actionId("refresh").text(plainText("Refresh")))))))))))
                    .getView()
                    .getId();

            slack.blockAction(ANNA, "refresh", null, ActionSource.view(viewId));

            JsonNode payload = bot.next().payload();
            assertThat(payload.at("/container/type").asText()).isEqualTo("view");
            assertThat(payload.at("/container/view_id").asText()).isEqualTo(viewId);
            assertThat(payload.at("/view/id").asText()).isEqualTo(viewId);
            assertThat(payload.has("response_url")).isFalse();
        }

        @Test
        void aDateChosenInTheHomeTabIsKeptInItsStateAndSentWithTheNextClick() throws Exception {
            String viewId = client.viewsPublish(request -> request.userId(ANNA)
                            .view(view(v -> v.type("home").blocks(asBlocks(actions(a -> a.blockId("pause")
                                    .elements(asElements(
                                            datePicker(d -> d.actionId("until").initialDate("2026-12-01")),
                                            button(b -> b.actionId("go")
                                                    .text(plainText("Pause"))
                                                    .value("2026-12-01"))))))))))
                    .getView()
                    .getId();

            slack.blockAction(ANNA, "until", "2026-12-24", ActionSource.home(viewId));
            JsonNode picked = bot.next().payload();
            slack.blockAction(ANNA, "go", "2026-12-01", ActionSource.home(viewId));
            JsonNode clicked = bot.next().payload();

            assertThat(picked.at("/actions/0/selected_date").asText()).isEqualTo("2026-12-24");
            assertThat(picked.at("/view/state/values/pause/until/selected_date").asText())
                    .isEqualTo("2026-12-24");
            assertThat(clicked.at("/actions/0/value").asText()).isEqualTo("2026-12-01");
            assertThat(clicked.at("/view/state/values/pause/until/type").asText())
                    .isEqualTo("datepicker");
            assertThat(clicked.at("/view/state/values/pause/until/selected_date")
                            .asText())
                    .isEqualTo("2026-12-24");
            assertThat(clicked.at("/view/state/values/pause").has("go")).isFalse();
        }

        @Test
        void aButtonInAnEphemeralReplyCanBeClickedAndItsAnswerReplacesIt() throws Exception {
            String responseUrl = slack.slashCommand(ANNA, STANDUP, "forget-me").responseUrl();
            bot.next();
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(responseUrl))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Sure?\",\"blocks\":"
                                            + "[{\"type\":\"actions\",\"elements\":[{\"type\":\"button\","
                                            + "\"action_id\":\"yes\",\"text\":{\"type\":\"plain_text\","
                                            + "\"text\":\"Yes\"}}]}]}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            SimMessage question = sim.ephemerals(STANDUP).get(0);

            slack.blockAction(ANNA, "yes", null, ActionSource.ephemeral(STANDUP, question.ts()));
            JsonNode payload = bot.next().payload();
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            payload.get("response_url").asText()))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"replace_original\":true,\"text\":\"Done\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(question.user()).isEqualTo(ANNA);
            assertThat(payload.at("/container/is_ephemeral").asBoolean()).isTrue();
            assertThat(sim.ephemerals(STANDUP)).extracting(SimMessage::text).containsExactly("Done");
        }

        private String openNextStepModal() throws Exception {
            String trigger = sim.newTriggerId(ANNA);
            return client.viewsOpen(request -> request.triggerId(trigger).view(view(v -> v.type("modal")
                            .callbackId("next_step")
                            .privateMetadata("C0STANDUP:1700000000.000001")
                            .title(viewTitle(t -> t.type("plain_text").text("Next step")))
                            .submit(viewSubmit(t -> t.type("plain_text").text("Save")))
                            .blocks(asBlocks(
                                    input(i -> i.blockId("step")
                                            .label(plainText("Your next step"))
                                            .element(plainTextInput(p -> p.actionId("step_text")))),
                                    input(i -> i.blockId("due")
                                            .optional(true)
                                            .label(plainText("By when"))
                                            .element(datePicker(d -> d.actionId("due_date")))))))))
                    .getView()
                    .getId();
        }
    }

    @Nested
    @DisplayName("raw requests")
    class RawRequests {
        @Test
        void postSendsExactlyWhatItIsGivenUnsigned() throws Exception {
            slack.post("{not json".getBytes(StandardCharsets.UTF_8), "application/json", Map.of("X-Test", "1"));

            FakeBot.Received received = bot.next();
            assertThat(received.body()).isEqualTo("{not json");
            assertThat(received.header("X-Slack-Signature")).isNull();
            assertThat(received.header("X-Test")).isEqualTo("1");
        }

        @Test
        void postSignedSignsAtTheGivenTimestamp() throws Exception {
            long stale = Clock.systemUTC().instant().getEpochSecond() - 3600;

            slack.postSigned("{}".getBytes(StandardCharsets.UTF_8), "application/json", stale, Map.of());

            FakeBot.Received received = bot.next();
            assertThat(received.header("X-Slack-Request-Timestamp")).isEqualTo(Long.toString(stale));
            assertThat(VERIFIER.isValid(
                            received.header("X-Slack-Request-Timestamp"),
                            received.body(),
                            received.header("X-Slack-Signature"),
                            stale * 1000))
                    .isTrue();
            assertThat(VERIFIER.isValid(
                            received.header("X-Slack-Request-Timestamp"),
                            received.body(),
                            received.header("X-Slack-Signature")))
                    .as("stale by the bot's clock")
                    .isFalse();
        }
    }
}
