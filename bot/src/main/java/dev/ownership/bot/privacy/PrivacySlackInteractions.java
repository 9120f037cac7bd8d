package dev.ownership.bot.privacy;

import com.slack.api.bolt.App;
import dev.ownership.bot.slack.BackgroundWork;
import dev.ownership.bot.slack.Listener;
import dev.ownership.bot.slack.MrkdwnBlocks;
import dev.ownership.bot.slack.SlackApi;
import dev.ownership.bot.streak.ProgressRefresher;
import java.util.Objects;

/**
 * The buttons under {@code /ownership forget-me}'s question. The erasure is for the person who clicked, never for
 * an id a button carries; the answer replaces the question, and their App Home is published again, empty.
 */
public final class PrivacySlackInteractions implements Listener {
    private final ForgetMe forgetMe;
    private final ProgressRefresher home;
    private final SlackApi api;
    private final BackgroundWork work;

    public PrivacySlackInteractions(ForgetMe forgetMe, ProgressRefresher home, SlackApi api, BackgroundWork work) {
        this.forgetMe = Objects.requireNonNull(forgetMe, "forgetMe");
        this.home = Objects.requireNonNull(home, "home");
        this.api = Objects.requireNonNull(api, "api");
        this.work = Objects.requireNonNull(work, "work");
    }

    @Override
    public void register(App app) {
        app.blockAction(ForgetMe.CONFIRM, (request, context) -> {
            String userId = request.getPayload().getUser().getId();
            String responseUrl = request.getPayload().getResponseUrl();
            work.submit("forget-me", () -> {
                String done = forgetMe.erase(userId);
                answer(responseUrl, done);
                home.refresh(userId);
            });
            return context.ack();
        });
        app.blockAction(ForgetMe.CANCEL, (request, context) -> {
            String responseUrl = request.getPayload().getResponseUrl();
            work.submit("forget-me.cancel", () -> answer(responseUrl, ForgetMe.cancelled()));
            return context.ack();
        });
    }

    private void answer(String responseUrl, String text) {
        if (responseUrl != null) {
            api.respond(responseUrl, MrkdwnBlocks.toReplacementJson(text));
        }
    }
}
