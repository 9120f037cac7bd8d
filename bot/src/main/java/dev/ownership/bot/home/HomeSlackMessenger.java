package dev.ownership.bot.home;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.ownership.bot.slack.MrkdwnBlocks;
import dev.ownership.bot.slack.SlackApi;
import dev.ownership.bot.streak.CelebrationMessenger;
import java.util.Objects;

/** Publishes App Home tabs and sends the Home's and the streaks' private messages. Thread-safe. */
public final class HomeSlackMessenger implements HomeMessenger, CelebrationMessenger {
    private final SlackApi api;

    public HomeSlackMessenger(SlackApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public void publish(HomePage page) {
        // An ok:false here is logged by SlackApi; the next refresh publishes the page again.
        api.call(
                "views.publish",
                methods -> methods.viewsPublish(r -> r.userId(page.userId()).view(HomeSlackBlocks.home(page))));
    }

    @Override
    public boolean dm(String userId, String text) {
        ChatPostMessageResponse response = api.post(r -> r.channel(userId)
                .text(text.split("\n", 2)[0])
                .blocks(MrkdwnBlocks.blocks(text))
                .unfurlLinks(false)
                .unfurlMedia(false));
        return response.isOk();
    }

    @Override
    public boolean celebrate(String userId, String text) {
        return dm(userId, text);
    }
}
