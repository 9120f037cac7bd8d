package dev.ownership.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * {@code auth.test}, {@code users.info}, {@code users.list}, {@code bots.info} and {@code team.info}: who the bot
 * is and who else is in the workspace. Stateless over the workspace; thread-safe.
 */
final class IdentityMethods {
    private final SimWorkspace workspace;
    private final Payloads payloads;

    IdentityMethods(SimWorkspace workspace, Payloads payloads) {
        this.workspace = workspace;
        this.payloads = payloads;
    }

    void registerIn(Map<String, MethodHandler> handlers) {
        handlers.put("auth.test", this::authTest);
        handlers.put("users.info", this::usersInfo);
        handlers.put("users.list", this::usersList);
        handlers.put("bots.info", this::botsInfo);
        handlers.put("team.info", this::teamInfo);
    }

    private ObjectNode authTest(ApiRequest request) {
        return ChatMethods.ok()
                .put("url", Payloads.WORKSPACE_URL)
                .put("team", Payloads.TEAM_NAME)
                .put("user", SimWorkspace.BOT_USER.name())
                .put("team_id", SlackSimulator.TEAM_ID)
                .put("user_id", SlackSimulator.BOT_USER_ID)
                .put("bot_id", SlackSimulator.BOT_ID)
                .put("is_enterprise_install", false);
    }

    private ObjectNode usersInfo(ApiRequest request) {
        String userId = request.required("user", "user_not_found");
        SimUser user = workspace.user(userId).orElseThrow(() -> new SlackError("user_not_found"));
        ObjectNode json = payloads.user(user);
        if (request.flag("include_locale")) {
            json.put("locale", "en-US");
        }
        ObjectNode answer = ChatMethods.ok();
        answer.set("user", json);
        return answer;
    }

    private ObjectNode usersList(ApiRequest request) {
        Pages.Page<SimUser> page = Pages.page(workspace.users(), request.param("cursor"), request.intParam("limit", 0));
        ArrayNode members = Json.array();
        page.items().forEach(user -> members.add(payloads.user(user)));
        ObjectNode answer = ChatMethods.ok();
        answer.set("members", members);
        answer.put("cache_ts", payloads.now().getEpochSecond());
        page.describeIn(answer);
        return answer;
    }

    private ObjectNode botsInfo(ApiRequest request) {
        String botId = request.param("bot");
        SimUser botUser = botId == null
                ? SimWorkspace.BOT_USER
                : workspace.users().stream()
                        .filter(user -> user.bot() && user.botId().equals(botId))
                        .findFirst()
                        .orElseThrow(() -> new SlackError("bot_not_found"));
        ObjectNode answer = ChatMethods.ok();
        answer.set("bot", payloads.bot(botUser));
        return answer;
    }

    private ObjectNode teamInfo(ApiRequest request) {
        String teamId = request.param("team");
        if (teamId != null && !teamId.equals(SlackSimulator.TEAM_ID)) {
            throw new SlackError("team_not_found");
        }
        ObjectNode answer = ChatMethods.ok();
        answer.set("team", payloads.team());
        return answer;
    }
}
