package dev.ownership.bot.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import dev.ownership.bot.command.CommandService;
import dev.ownership.bot.command.Invocation;
import dev.ownership.bot.command.Reply;
import dev.ownership.bot.home.HomeRefresher;
import java.util.Objects;

/**
 * Listens for {@code /ownership}: acknowledges at once, runs the command in the background, and answers privately
 * through the command's {@code response_url}. A command that changed something (a pause, a learning shared) then
 * refreshes the person's App Home.
 */
final class CommandListener implements Listener {
    static final String COMMAND = "/ownership";

    private final CommandService commands;
    private final SlackApi api;
    private final BackgroundWork work;
    private final SlackDigestMessenger digests;
    private final HomeRefresher home;

    CommandListener(
            CommandService commands,
            SlackApi api,
            BackgroundWork work,
            SlackDigestMessenger digests,
            HomeRefresher home) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.api = Objects.requireNonNull(api, "api");
        this.work = Objects.requireNonNull(work, "work");
        this.digests = Objects.requireNonNull(digests, "digests");
        this.home = Objects.requireNonNull(home, "home");
    }

    @Override
    public void register(App app) {
        app.command(COMMAND, (request, context) -> {
            SlashCommandPayload payload = request.getPayload();
            Invocation invocation = new Invocation(
                    payload.getTeamId(),
                    payload.getUserId(),
                    payload.getChannelId(),
                    payload.getChannelName(),
                    payload.getText());
            String responseUrl = payload.getResponseUrl();
            boolean accepted = work.submit("command", () -> answer(invocation, responseUrl));
            return accepted
                    ? context.ack()
                    : context.ack("I'm overloaded right now and couldn't take that. Please try again in a minute.");
        });
    }

    private void answer(Invocation invocation, String responseUrl) {
        Reply reply;
        try {
            reply = commands.handle(invocation);
        } catch (RuntimeException e) {
            reply = Reply.info("Something went wrong on my side. Please try again in a moment; if it "
                    + "keeps happening, tell whoever runs Ownership.");
            api.respond(responseUrl, ReplyRenderer.toResponseJson(reply));
            throw e;
        }
        api.respond(responseUrl, render(reply));
        if (reply.changed()) {
            home.refresh(invocation.userId());
        }
    }

    private String render(Reply reply) {
        return reply.digest() == null
                ? ReplyRenderer.toResponseJson(reply)
                : ReplyRenderer.toResponseJson(reply, digests.previewBlocks(reply.digest()));
    }
}
