package dev.ownership.simulator;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asElements;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewTitle;
import static dev.ownership.simulator.SimulatorFixture.ANNA;
import static dev.ownership.simulator.SimulatorFixture.BEN;
import static dev.ownership.simulator.SimulatorFixture.LEADS;
import static dev.ownership.simulator.SimulatorFixture.RANDOM;
import static dev.ownership.simulator.SimulatorFixture.STANDUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.users.UsersListResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.Message;
import com.slack.api.model.User;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Slack simulator, driven by the Slack SDK")
class SlackSimulatorTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private SimulatorFixture fixture;
    private SlackSimulator sim;
    private MethodsClient client;

    @BeforeEach
    void start() {
        fixture = SimulatorFixture.frozen();
        sim = fixture.sim;
        client = fixture.client;
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Nested
    @DisplayName("identity")
    class Identity {
        @Test
        void authTestNamesTheBotTeamAndApp() throws Exception {
            AuthTestResponse response = client.authTest(request -> request);

            assertThat(response.isOk()).isTrue();
            assertThat(response.getUserId()).isEqualTo(SlackSimulator.BOT_USER_ID);
            assertThat(response.getBotId()).isEqualTo(SlackSimulator.BOT_ID);
            assertThat(response.getTeamId()).isEqualTo(SlackSimulator.TEAM_ID);
            assertThat(response.getUrl()).isEqualTo("https://sim.slack.test/");
        }

        @Test
        void usersInfoGivesTheTimezoneWithItsOffsetAtTheSimulatorsClock() throws Exception {
            UsersInfoResponse winter = client.usersInfo(request -> request.user(ANNA));

            assertThat(winter.getUser().getTz()).isEqualTo("Europe/Berlin");
            assertThat(winter.getUser().getTzOffset()).isEqualTo(3600);
            assertThat(winter.getUser().getTzLabel()).isEqualTo("Central European Time");
            assertThat(winter.getUser().isAdmin()).isTrue();
            assertThat(winter.getUser().getProfile().getDisplayName()).isEqualTo("anna");

            try (SimulatorFixture summer = SimulatorFixture.at(Instant.parse("2024-07-01T12:00:00Z"))) {
                User anna =
                        summer.client.usersInfo(request -> request.user(ANNA)).getUser();
                assertThat(anna.getTzOffset()).isEqualTo(7200);
                assertThat(anna.getTzLabel()).isEqualTo("Central European Summer Time");
            }
        }

        @Test
        void usersInfoFollowsTimezoneChangesAndDeactivation() throws Exception {
            sim.workspace().setTimezone(BEN, "Asia/Tokyo");
            sim.workspace().deleteUser(BEN);

            User ben = client.usersInfo(request -> request.user(BEN)).getUser();

            assertThat(ben.getTz()).isEqualTo("Asia/Tokyo");
            assertThat(ben.getTzOffset()).isEqualTo(9 * 3600);
            assertThat(ben.isDeleted()).isTrue();
        }

        @Test
        void theBotUserIsABotAndBotsInfoKnowsIt() throws Exception {
            User bot = client.usersInfo(request -> request.user(SlackSimulator.BOT_USER_ID))
                    .getUser();
            var botInfo = client.botsInfo(request -> request.bot(SlackSimulator.BOT_ID));

            assertThat(bot.isBot()).isTrue();
            assertThat(bot.getProfile().getBotId()).isEqualTo(SlackSimulator.BOT_ID);
            assertThat(botInfo.getBot().getUserId()).isEqualTo(SlackSimulator.BOT_USER_ID);
            assertThat(botInfo.getBot().getAppId()).isEqualTo(SlackSimulator.APP_ID);
            assertThat(client.botsInfo(request -> request.bot("B0NOPE")).getError())
                    .isEqualTo("bot_not_found");
        }

        @Test
        void teamInfoDescribesTheWorkspace() throws Exception {
            var team = client.teamInfo(request -> request).getTeam();

            assertThat(team.getId()).isEqualTo(SlackSimulator.TEAM_ID);
            assertThat(team.getDomain()).isEqualTo("sim");
        }

        @Test
        void unknownUsersAreUserNotFound() throws Exception {
            UsersInfoResponse response = client.usersInfo(request -> request.user("U0NOBODY"));

            assertThat(response.isOk()).isFalse();
            assertThat(response.getError()).isEqualTo("user_not_found");
        }

        @Test
        void usersListPagesWithCursors() throws Exception {
            for (int i = 0; i < 5; i++) {
                sim.workspace().addUser(SimUser.person("U0EXTRA" + i, "extra" + i, "UTC"));
            }
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                String current = cursor;
                UsersListResponse page =
                        client.usersList(request -> request.limit(3).cursor(current));
                page.getMembers().forEach(member -> seen.add(member.getId()));
                cursor = page.getResponseMetadata().getNextCursor();
                pages++;
            } while (!cursor.isEmpty());

            assertThat(pages).isEqualTo(3);
            assertThat(seen).hasSize(9).doesNotHaveDuplicates().contains(SlackSimulator.BOT_USER_ID, ANNA, "U0EXTRA4");
        }
    }

    @Nested
    @DisplayName("tokens")
    class Tokens {
        @Test
        void aWrongTokenIsInvalidAuth() throws Exception {
            assertThat(fixture.client("xoxb-wrong").authTest(request -> request).getError())
                    .isEqualTo("invalid_auth");
        }

        @Test
        void noTokenIsNotAuthed() throws Exception {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(sim.apiUrl() + "auth.test"))
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.body()).isEqualTo("{\"ok\":false,\"error\":\"not_authed\"}");
        }

        @Test
        void theAppTokenOnlyOpensSocketModeConnections() throws Exception {
            MethodsClient app = fixture.client(SlackSimulator.APP_TOKEN);

            assertThat(app.authTest(request -> request).getError()).isEqualTo("not_allowed_token_type");
            assertThat(client.appsConnectionsOpen(request -> request).getError())
                    .isEqualTo("not_allowed_token_type");
            assertThat(app.appsConnectionsOpen(request -> request).getUrl())
                    .startsWith(sim.socketMode().url() + "?ticket=");
        }

        @Test
        void aTokenSentAsAFormFieldIsRecordedLikeABearerToken() throws Exception {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(sim.apiUrl() + "auth.test"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString("token=" + SlackSimulator.BOT_TOKEN))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.body()).contains("\"ok\":true");
            assertThat(sim.calls("auth.test")).singleElement().satisfies(call -> assertThat(call.token())
                    .isEqualTo(SlackSimulator.BOT_TOKEN));
        }
    }

    @Nested
    @DisplayName("messages")
    class Messages {
        @Test
        void postingToAUserLandsInTheirDirectMessage() throws Exception {
            String dm = client.conversationsOpen(request -> request.users(List.of(BEN)))
                    .getChannel()
                    .getId();
            ChatPostMessageResponse viaDm =
                    client.chatPostMessage(request -> request.channel(dm).text("first"));
            ChatPostMessageResponse viaUser =
                    client.chatPostMessage(request -> request.channel(BEN).text("second"));

            assertThat(dm).startsWith("D").isEqualTo(sim.workspace().dmChannelOf(BEN));
            assertThat(viaUser.getChannel()).isEqualTo(dm);
            assertThat(sim.dmsTo(BEN)).extracting(RecordedCall::text).containsExactly("first", "second");
            assertThat(sim.dmsTo(ANNA)).isEmpty();
            assertThat(sim.history(dm)).extracting(SimMessage::text).containsExactly("first", "second");
        }

        @Test
        void conversationsOpenSaysWhenTheDirectMessageWasAlreadyOpen() throws Exception {
            var first = client.conversationsOpen(request -> request.users(List.of(ANNA)));
            var second = client.conversationsOpen(request -> request.users(List.of(ANNA)));

            assertThat(first.isAlreadyOpen()).isFalse();
            assertThat(second.isAlreadyOpen()).isTrue();
            assertThat(second.getChannel().getId()).isEqualTo(first.getChannel().getId());
        }

        @Test
        void timestampsAreSlackShapedAndStrictlyIncreasingUnderAFrozenClock() throws Exception {
            String first = client.chatPostMessage(
                            request -> request.channel(STANDUP).text("one"))
                    .getTs();
            String second = client.chatPostMessage(
                            request -> request.channel(STANDUP).text("two"))
                    .getTs();

            assertThat(first).isEqualTo("1700000000.000000");
            assertThat(second).isEqualTo("1700000000.000001");
        }

        @Test
        void permalinksPointAtTheMessageAndItsThread() throws Exception {
            String parent = client.chatPostMessage(
                            request -> request.channel(STANDUP).text("parent"))
                    .getTs();
            String reply = client.chatPostMessage(
                            request -> request.channel(STANDUP).threadTs(parent).text("reply"))
                    .getTs();

            assertThat(client.chatGetPermalink(
                                    request -> request.channel(STANDUP).messageTs(parent))
                            .getPermalink())
                    .isEqualTo("https://sim.slack.test/archives/C0STANDUP/p1700000000000000");
            assertThat(client.chatGetPermalink(
                                    request -> request.channel(STANDUP).messageTs(reply))
                            .getPermalink())
                    .isEqualTo("https://sim.slack.test/archives/C0STANDUP/p1700000000000001"
                            + "?thread_ts=1700000000.000000&cid=C0STANDUP");
            assertThat(client.chatGetPermalink(
                                    request -> request.channel(STANDUP).messageTs("1.000000"))
                            .getError())
                    .isEqualTo("message_not_found");
        }

        @Test
        void historyListsTopLevelPostsNewestFirstAndRepliesListTheThread() throws Exception {
            String parent = client.chatPostMessage(
                            request -> request.channel(STANDUP).text("parent"))
                    .getTs();
            client.chatPostMessage(
                    request -> request.channel(STANDUP).threadTs(parent).text("reply"));
            client.chatPostMessage(request -> request.channel(STANDUP).text("later"));

            ConversationsHistoryResponse history = client.conversationsHistory(request -> request.channel(STANDUP));
            ConversationsRepliesResponse replies = client.conversationsReplies(
                    request -> request.channel(STANDUP).ts(parent));

            assertThat(history.getMessages())
                    .extracting(message -> message.getText())
                    .containsExactly("later", "parent");
            assertThat(history.getMessages().get(1).getReplyCount()).isEqualTo(1);
            assertThat(replies.getMessages())
                    .extracting(message -> message.getText())
                    .containsExactly("parent", "reply");
        }

        @Test
        void messageMetadataIsListedOnlyWhenAskedFor() throws Exception {
            Message.Metadata metadata = new Message.Metadata("ownership_delivery", Map.of("delivery_id", "d-1"));
            String parent = client.chatPostMessage(
                            request -> request.channel(STANDUP).text("tagged").metadata(metadata))
                    .getTs();
            client.chatPostMessage(request -> request.channel(STANDUP)
                    .threadTs(parent)
                    .text("tagged reply")
                    .metadata(new Message.Metadata("ownership_delivery", Map.of("delivery_id", "d-2"))));

            var plain = client.conversationsHistory(request -> request.channel(STANDUP));
            var withMetadata = client.conversationsHistory(
                    request -> request.channel(STANDUP).includeAllMetadata(true));
            var replies = client.conversationsReplies(
                    request -> request.channel(STANDUP).ts(parent).includeAllMetadata(true));

            assertThat(plain.getMessages().get(0).getMetadata()).isNull();
            assertThat(withMetadata.getMessages().get(0).getMetadata().getEventType())
                    .isEqualTo("ownership_delivery");
            assertThat(withMetadata.getMessages().get(0).getMetadata().getEventPayload())
                    .containsEntry("delivery_id", "d-1");
            assertThat(replies.getMessages().get(1).getMetadata().getEventPayload())
                    .containsEntry("delivery_id", "d-2");
        }

        @Test
        void malformedMetadataIsRefused() throws Exception {
            var refused = client.chatPostMessage(request -> request.channel(STANDUP)
                    .text("bad")
                    .metadataAsString("{\"event_type\":\"has space\",\"event_payload\":{}}"));

            assertThat(refused.getError()).isEqualTo("invalid_metadata_format");
            assertThat(sim.history(STANDUP)).isEmpty();
        }

        @Test
        void blocksArriveAsJsonStringsAndReadAsText() throws Exception {
            client.chatPostMessage(request -> request.channel(STANDUP)
                    .text("fallback")
                    .blocks(asBlocks(
                            section(s -> s.text(markdownText("*Blocked?* ask <@U0ANNA|anna>"))),
                            actions(a -> a.elements(asElements(button(b -> b.actionId("add_step")
                                    .text(plainText("Add a next step"))
                                    .value("42"))))))));

            RecordedCall call = sim.awaitCall("chat.postMessage", any -> true, WAIT);

            assertThat(call.param("blocks")).startsWith("[");
            assertThat(call.jsonParam("blocks")
                            .get(1)
                            .get("elements")
                            .get(0)
                            .get("action_id")
                            .asText())
                    .isEqualTo("add_step");
            assertThat(call.text()).isEqualTo("fallback\n*Blocked?* ask @anna\n[Add a next step]");
        }

        @Test
        void updateAndDeleteChangeTheHistory() throws Exception {
            String ts = client.chatPostMessage(
                            request -> request.channel(STANDUP).text("draft"))
                    .getTs();

            var updated =
                    client.chatUpdate(request -> request.channel(STANDUP).ts(ts).text("final"));
            assertThat(updated.isOk()).isTrue();
            assertThat(sim.history(STANDUP)).extracting(SimMessage::text).containsExactly("final");

            assertThat(client.chatDelete(request -> request.channel(STANDUP).ts(ts))
                            .isOk())
                    .isTrue();
            assertThat(sim.history(STANDUP)).isEmpty();
            assertThat(client.chatDelete(request -> request.channel(STANDUP).ts(ts))
                            .getError())
                    .isEqualTo("message_not_found");
        }

        @Test
        void ephemeralMessagesNeedTheUserInTheChannel() throws Exception {
            var shown = client.chatPostEphemeral(
                    request -> request.channel(STANDUP).user(ANNA).text("psst"));
            var notMember = client.chatPostEphemeral(
                    request -> request.channel(STANDUP).user("U0CARL").text("psst"));

            assertThat(shown.getMessageTs()).isNotBlank();
            assertThat(notMember.getError()).isEqualTo("user_not_in_channel");
            assertThat(sim.ephemeralsTo(ANNA)).extracting(RecordedCall::text).containsExactly("psst");
        }
    }

    @Nested
    @DisplayName("Slack's posting rules")
    class PostingRules {
        @Test
        void aPublicChannelWithoutTheBotIsNotInChannelUntilItJoins() throws Exception {
            assertThat(client.chatPostMessage(request -> request.channel(RANDOM).text("hi"))
                            .getError())
                    .isEqualTo("not_in_channel");

            assertThat(client.conversationsJoin(request -> request.channel(RANDOM))
                            .isOk())
                    .isTrue();

            assertThat(client.chatPostMessage(request -> request.channel(RANDOM).text("hi"))
                            .isOk())
                    .isTrue();
        }

        @Test
        void aPrivateChannelWithoutTheBotDoesNotExistForIt() throws Exception {
            assertThat(client.chatPostMessage(request -> request.channel(LEADS).text("hi"))
                            .getError())
                    .isEqualTo("channel_not_found");
            assertThat(client.conversationsInfo(request -> request.channel(LEADS))
                            .getError())
                    .isEqualTo("channel_not_found");
            assertThat(client.conversationsJoin(request -> request.channel(LEADS))
                            .getError())
                    .isEqualTo("method_not_supported_for_channel_type");
        }

        @Test
        void unknownChannelsAndUsersAreChannelNotFound() throws Exception {
            assertThat(client.chatPostMessage(
                                    request -> request.channel("C0NOPE").text("hi"))
                            .getError())
                    .isEqualTo("channel_not_found");
            assertThat(client.chatPostMessage(
                                    request -> request.channel("U0NOPE").text("hi"))
                            .getError())
                    .isEqualTo("channel_not_found");
        }

        @Test
        void deactivatedUsersAndBotsCannotBeMessaged() throws Exception {
            sim.workspace().deleteUser(BEN);
            sim.workspace().addUser(SimUser.person("U0GEEK", "geekbot", "UTC").asBot());

            assertThat(client.chatPostMessage(request -> request.channel(BEN).text("hi"))
                            .getError())
                    .isEqualTo("account_inactive");
            assertThat(client.conversationsOpen(request -> request.users(List.of(BEN)))
                            .getError())
                    .isEqualTo("user_disabled");
            assertThat(client.chatPostMessage(
                                    request -> request.channel("U0GEEK").text("hi"))
                            .getError())
                    .isEqualTo("cannot_dm_bot");
        }

        @Test
        void aMessageNeedsTextOrBlocks() throws Exception {
            assertThat(client.chatPostMessage(request -> request.channel(STANDUP))
                            .getError())
                    .isEqualTo("no_text");
        }

        @Test
        void membersAndInfoDescribeTheChannel() throws Exception {
            var members = client.conversationsMembers(
                    request -> request.channel(STANDUP).limit(2));
            var info =
                    client.conversationsInfo(request -> request.channel(STANDUP).includeNumMembers(true));

            assertThat(members.getMembers()).containsExactly(ANNA, BEN);
            assertThat(members.getResponseMetadata().getNextCursor()).isNotEmpty();
            assertThat(info.getChannel().getName()).isEqualTo("standup");
            assertThat(info.getChannel().isMember()).isTrue();
            assertThat(info.getChannel().getNumOfMembers()).isEqualTo(3);
        }
    }

    @Nested
    @DisplayName("views")
    class Views {
        @Test
        void aModalOpenedWithATriggerIsKeptForTheUser() throws Exception {
            String trigger = sim.newTriggerId(ANNA);

            ViewsOpenResponse opened =
                    client.viewsOpen(request -> request.triggerId(trigger).view(view(v -> v.type("modal")
                            .callbackId("next_step")
                            .privateMetadata("C0STANDUP:1700000000.000001")
                            .title(viewTitle(t -> t.type("plain_text").text("Next step")))
                            .blocks(asBlocks(section(s -> s.text(markdownText("What will you try?"))))))));

            assertThat(opened.isOk()).isTrue();
            SimView view = sim.view(opened.getView().getId()).orElseThrow();
            assertThat(view.id()).startsWith("V");
            assertThat(view.type()).isEqualTo("modal");
            assertThat(view.callbackId()).isEqualTo("next_step");
            assertThat(view.privateMetadata()).isEqualTo("C0STANDUP:1700000000.000001");
            assertThat(view.userId()).isEqualTo(ANNA);
            assertThat(view.readableText()).isEqualTo("What will you try?");
        }

        @Test
        void anUnknownTriggerIsRefused() throws Exception {
            var response =
                    client.viewsOpen(request -> request.triggerId("123.456.abc").view(view(v -> v.type("modal")
                            .title(viewTitle(t -> t.type("plain_text").text("T")))
                            .blocks(List.of()))));

            assertThat(response.getError()).isEqualTo("invalid_trigger_id");
        }

        @Test
        void updatesCheckTheHashAndPushesStopAtThree() throws Exception {
            String trigger = sim.newTriggerId(ANNA);
            var opened = client.viewsOpen(request -> request.triggerId(trigger).view(modal("first")));
            String viewId = opened.getView().getId();

            assertThat(client.viewsUpdate(request ->
                                    request.viewId(viewId).hash("stale").view(modal("x")))
                            .getError())
                    .isEqualTo("hash_conflict");
            assertThat(client.viewsUpdate(request -> request.viewId(viewId)
                                    .hash(opened.getView().getHash())
                                    .view(modal("second")))
                            .isOk())
                    .isTrue();
            assertThat(sim.view(viewId).orElseThrow().callbackId()).isEqualTo("second");

            var pushed = client.viewsPush(request -> request.triggerId(trigger).view(modal("pushed")));
            assertThat(pushed.getView().getPreviousViewId()).isEqualTo(viewId);
            client.viewsPush(request -> request.triggerId(trigger).view(modal("third")));
            assertThat(client.viewsPush(request -> request.triggerId(trigger).view(modal("fourth")))
                            .getError())
                    .isEqualTo("push_limit_reached");
        }

        private com.slack.api.model.view.View modal(String callbackId) {
            return view(v -> v.type("modal")
                    .callbackId(callbackId)
                    .title(viewTitle(t -> t.type("plain_text").text("Modal")))
                    .blocks(List.of()));
        }

        @Test
        void theHomeTabKeepsItsIdAcrossPublishes() throws Exception {
            var first = client.viewsPublish(request -> request.userId(BEN)
                    .view(view(v -> v.type("home").blocks(asBlocks(section(s -> s.text(markdownText("v1"))))))));
            var second = client.viewsPublish(request -> request.userId(BEN)
                    .view(view(v -> v.type("home").blocks(asBlocks(section(s -> s.text(markdownText("v2"))))))));

            assertThat(second.getView().getId()).isEqualTo(first.getView().getId());
            assertThat(sim.homeView(BEN).orElseThrow().readableText()).isEqualTo("v2");
        }
    }

    @Nested
    @DisplayName("faults")
    class Faults {
        @Test
        void aRateLimitFaultIsA429WithRetryAfter() {
            sim.faults().failNext("chat.postMessage", Fault.rateLimited(7));

            assertThatThrownBy(() -> client.chatPostMessage(
                            request -> request.channel(STANDUP).text("hi")))
                    .isInstanceOfSatisfying(SlackApiException.class, e -> {
                        assertThat(e.getResponse().code()).isEqualTo(429);
                        assertThat(e.getResponse().header("Retry-After")).isEqualTo("7");
                        assertThat(e.getError().getError()).isEqualTo("ratelimited");
                    });
            assertThat(sim.calls("chat.postMessage")).singleElement().satisfies(call -> {
                assertThat(call.httpStatus()).isEqualTo(429);
                assertThat(call.error()).isEqualTo("ratelimited");
            });
        }

        @Test
        void failNextUsesTheFaultUpTheGivenNumberOfTimes() throws Exception {
            sim.faults().failNext("auth.test", 2, Fault.serverError(503));
            assertThat(sim.faults().queued("auth.test")).isEqualTo(2);

            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> client.authTest(request -> request))
                        .isInstanceOfSatisfying(
                                SlackApiException.class,
                                e -> assertThat(e.getResponse().code()).isEqualTo(503));
                assertThat(sim.faults().queued("auth.test")).isEqualTo(1 - i);
            }
            assertThat(client.authTest(request -> request).isOk()).isTrue();
        }

        @Test
        void anErrorFaultAnswersOkFalseUntilCleared() throws Exception {
            sim.faults().failAlways("conversations.open", Fault.error("channel_not_found"));

            assertThat(client.conversationsOpen(request -> request.users(List.of(ANNA)))
                            .getError())
                    .isEqualTo("channel_not_found");
            assertThat(client.conversationsOpen(request -> request.users(List.of(ANNA)))
                            .getError())
                    .isEqualTo("channel_not_found");

            sim.faults().clear();
            assertThat(client.conversationsOpen(request -> request.users(List.of(ANNA)))
                            .isOk())
                    .isTrue();
        }

        @Test
        void aLostAnswerPostsTheMessageAndThenTripsTheTimeout() throws Exception {
            try (SimulatorFixture slow = SimulatorFixture.withReadTimeout(200)) {
                slow.sim.faults().failNext("chat.postMessage", Fault.answerLost(Duration.ofSeconds(1)));

                assertThatThrownBy(() -> slow.client.chatPostMessage(
                                request -> request.channel(STANDUP).text("lost answer")))
                        .isInstanceOf(IOException.class);
                assertThat(slow.sim.history(STANDUP))
                        .extracting(SimMessage::text)
                        .contains("lost answer");
            }
        }

        @Test
        void aServerErrorAfterHandlingPostsTheMessageAndAnswers5xx() {
            sim.faults().failNext("chat.postMessage", Fault.serverErrorAfterHandling(503));

            assertThatThrownBy(() -> client.chatPostMessage(
                            request -> request.channel(STANDUP).text("posted anyway")))
                    .isInstanceOfSatisfying(
                            SlackApiException.class,
                            e -> assertThat(e.getResponse().code()).isEqualTo(503));
            assertThat(sim.history(STANDUP)).extracting(SimMessage::text).contains("posted anyway");
        }

        @Test
        void aDelayTripsTheClientsReadTimeout() throws Exception {
            try (SimulatorFixture slow = SimulatorFixture.withReadTimeout(200)) {
                slow.sim.faults().failNext("auth.test", Fault.delay(Duration.ofSeconds(2)));

                assertThatThrownBy(() -> slow.client.authTest(request -> request))
                        .isInstanceOf(IOException.class);
            }
        }
    }

    @Nested
    @DisplayName("rate limits")
    class RateLimitsEnforced {
        @Test
        void slackTiersRefuseTheCallPastTheLimit() throws Exception {
            sim.enforceRateLimits(RateLimits.slackTiers());

            for (int i = 0; i < 20; i++) {
                assertThat(client.usersList(request -> request).isOk()).isTrue();
            }

            assertThatThrownBy(() -> client.usersList(request -> request))
                    .isInstanceOfSatisfying(SlackApiException.class, e -> {
                        assertThat(e.getResponse().code()).isEqualTo(429);
                        assertThat(Integer.parseInt(e.getResponse().header("Retry-After")))
                                .isBetween(1, 60);
                    });
            assertThat(client.usersInfo(request -> request.user(ANNA)).isOk()).isTrue();
        }

        @Test
        void postMessageIsLimitedPerChannel() throws Exception {
            sim.enforceRateLimits(RateLimits.slackTiers());

            for (int i = 0; i < 3; i++) {
                assertThat(client.chatPostMessage(
                                        request -> request.channel(STANDUP).text("burst"))
                                .isOk())
                        .isTrue();
            }

            assertThatThrownBy(() -> client.chatPostMessage(
                            request -> request.channel(STANDUP).text("one more")))
                    .isInstanceOf(SlackApiException.class);
            assertThat(client.chatPostMessage(request -> request.channel(ANNA).text("elsewhere"))
                            .isOk())
                    .isTrue();
            assertThat(sim.calls("chat.postMessage"))
                    .extracting(RecordedCall::httpStatus)
                    .containsExactly(200, 200, 200, 429, 200);
        }

        @Test
        void scaledTiersKeepThePermitsAndShrinkTheWindow() throws Exception {
            sim.enforceRateLimits(RateLimits.slackTiers().scaled(0.05));

            for (int i = 0; i < 20; i++) {
                client.usersList(request -> request);
            }

            assertThatThrownBy(() -> client.usersList(request -> request))
                    .isInstanceOfSatisfying(SlackApiException.class, e -> assertThat(
                                    Integer.parseInt(e.getResponse().header("Retry-After")))
                            .isBetween(1, 3));
        }

        @Test
        void turningLimitsOffLetsEverythingThrough() throws Exception {
            sim.enforceRateLimits(RateLimits.slackTiers());
            sim.enforceRateLimits(RateLimits.off());

            for (int i = 0; i < 30; i++) {
                assertThat(client.usersList(request -> request).isOk()).isTrue();
            }
        }
    }

    @Nested
    @DisplayName("recording")
    class Recording {
        @Test
        void responseUrlPostsAreRecorded() throws Exception {
            String responseUrl = sim.newResponseUrl();

            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(responseUrl))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"text\":\"Done\",\"response_type\":\"ephemeral\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(responseUrl).startsWith("http://127.0.0.1:").contains("/response/");
            assertThat(response.statusCode()).isEqualTo(200);
            RecordedCall call = sim.awaitCall("response_url", any -> true, WAIT);
            assertThat(call.text()).isEqualTo("Done");
            assertThat(call.param("response_type")).isEqualTo("ephemeral");
        }

        @Test
        void awaitCallReturnsACallThatArrivesWhileWaiting() throws Exception {
            CompletableFuture<ChatPostMessageResponse> later =
                    CompletableFuture.supplyAsync(() -> post(STANDUP, "arrives later"));

            RecordedCall call = sim.awaitCall("chat.postMessage", c -> c.text().equals("arrives later"), WAIT);

            assertThat(call.param("channel")).isEqualTo(STANDUP);
            assertThat(later.get(5, TimeUnit.SECONDS).isOk()).isTrue();
        }

        @Test
        void awaitCallTimesOutWithAReadableListOfWhatWasRecorded() throws Exception {
            client.authTest(request -> request);
            post(STANDUP, "hello team");

            assertThatThrownBy(() -> sim.awaitCall(
                            "chat.postMessage", call -> call.text().contains("nudge"), Duration.ofMillis(100)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("No chat.postMessage call matching the condition arrived within PT0.1S")
                    .hasMessageContaining("Recorded calls (2):")
                    .hasMessageContaining("1. 2023-11-14T22:13:20Z auth.test -> 200 ok")
                    .hasMessageContaining("chat.postMessage channel=C0STANDUP text=\"hello team\" -> 200 ok");
        }

        @Test
        void awaitCallsWaitsForTheCount() {
            post(STANDUP, "one");
            post(STANDUP, "two");

            assertThat(sim.awaitCalls("chat.postMessage", 2, WAIT)).hasSize(2);
            assertThatThrownBy(() -> sim.awaitCalls("chat.postMessage", 3, Duration.ofMillis(50)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expected 3 chat.postMessage call(s)")
                    .hasMessageContaining("but 2 arrived");
        }

        @Test
        void jsonBodiesAreRecordedLikeForms() throws Exception {
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(sim.apiUrl() + "chat.postMessage"))
                                    .header("Authorization", "Bearer " + SlackSimulator.BOT_TOKEN)
                                    .header("Content-Type", "application/json; charset=utf-8")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"C0STANDUP\","
                                            + "\"blocks\":[{\"type\":\"section\",\"text\":"
                                            + "{\"type\":\"mrkdwn\",\"text\":\"from JSON\"}}]}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            RecordedCall call = sim.awaitCall("chat.postMessage", RecordedCall::ok, WAIT);

            assertThat(call.param("channel")).isEqualTo(STANDUP);
            assertThat(call.jsonParam("blocks").isArray()).isTrue();
            assertThat(call.text()).isEqualTo("from JSON");
        }

        @Test
        void anInChannelResponseIsPostedAndAnEphemeralOneIsNot() throws Exception {
            String inChannel = sim.responseUrl(new ResponseUrls.Origin(STANDUP, ANNA, null, false));
            String ephemeral = sim.responseUrl(new ResponseUrls.Origin(STANDUP, ANNA, null, false));

            postJson(inChannel, "{\"text\":\"Learning shared\",\"response_type\":\"in_channel\"}");
            postJson(ephemeral, "{\"text\":\"Only you\"}");

            assertThat(sim.history(STANDUP)).extracting(SimMessage::text).containsExactly("Learning shared");
            assertThat(postJson("http://" + URI.create(inChannel).getAuthority() + "/response/unknown", "{}"))
                    .isEqualTo(404);
        }

        @Test
        void clearCallsForgetsWhatWasRecorded() throws Exception {
            client.authTest(request -> request);

            sim.clearCalls();

            assertThat(sim.calls()).isEmpty();
        }

        @Test
        void unknownMethodsAreAnsweredAndRecorded() throws Exception {
            var response = client.chatScheduleMessage(
                    request -> request.channel(STANDUP).text("later").postAt(1_800_000_000));

            assertThat(response.getError()).isEqualTo("unknown_method");
            assertThat(sim.calls("chat.scheduleMessage")).hasSize(1);
        }

        private int postJson(String url, String body) throws Exception {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        }

        private ChatPostMessageResponse post(String channel, String text) {
            try {
                return client.chatPostMessage(
                        request -> request.channel(channel).text(text));
            } catch (IOException | SlackApiException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Nested
    @DisplayName("file uploads")
    class Files {
        @Test
        void theSdksUploadFlowSharesTheFileInTheChannel() throws Exception {
            var response = client.filesUploadV2(request -> request.channel(STANDUP)
                    .filename("digest.txt")
                    .title("Weekly digest")
                    .content("3 blockers, 2 with a next step")
                    .initialComment("Here is the digest"));

            assertThat(response.isOk()).isTrue();
            String fileId = response.getFile().getId();
            assertThat(new String(sim.uploadedFile(fileId).orElseThrow())).isEqualTo("3 blockers, 2 with a next step");
            assertThat(sim.calls())
                    .extracting(RecordedCall::method)
                    .containsExactly("files.getUploadURLExternal", "files.completeUploadExternal");
            assertThat(sim.history(STANDUP)).extracting(SimMessage::text).containsExactly("Here is the digest");
        }
    }

    @Nested
    @DisplayName("under load")
    class UnderLoad {
        @Test
        void answersAFewHundredConcurrentCalls() {
            HttpClient http = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                responses.add(http.sendAsync(
                        HttpRequest.newBuilder(URI.create(sim.apiUrl() + "auth.test"))
                                .header("Authorization", "Bearer " + SlackSimulator.BOT_TOKEN)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
            }

            CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new))
                    .orTimeout(30, TimeUnit.SECONDS)
                    .join();

            assertThat(responses)
                    .allSatisfy(
                            response -> assertThat(response.join().statusCode()).isEqualTo(200));
            assertThat(sim.calls("auth.test")).hasSize(300);
        }
    }
}
