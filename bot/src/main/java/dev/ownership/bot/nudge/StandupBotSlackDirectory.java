package dev.ownership.bot.nudge;

import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import dev.ownership.bot.slack.SlackApi;
import java.util.Objects;
import java.util.Optional;

/**
 * Bot accounts as {@code users.info} describes them: a bot user's profile carries its bot id ({@code profile.bot_id}),
 * which its messages carry as {@code bot_id}. Thread-safe.
 */
public final class StandupBotSlackDirectory implements StandupBots.Directory {
    private final SlackApi api;

    public StandupBotSlackDirectory(SlackApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public Optional<StandupBots.Account> account(String userId) {
        UsersInfoResponse response = api.call("users.info", methods -> methods.usersInfo(r -> r.user(userId)));
        if (!response.isOk() || response.getUser() == null) {
            return Optional.empty();
        }
        User user = response.getUser();
        User.Profile profile = user.getProfile();
        String botId = user.isBot() && profile != null ? profile.getBotId() : null;
        String name = firstNonBlank(
                profile == null ? null : profile.getRealName(),
                profile == null ? null : profile.getDisplayName(),
                user.getRealName(),
                user.getName(),
                userId);
        return Optional.of(new StandupBots.Account(userId, botId, name, user.isDeleted()));
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }
}
