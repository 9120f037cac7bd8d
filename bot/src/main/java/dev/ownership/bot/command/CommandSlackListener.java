package dev.ownership.bot.command;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import dev.ownership.bot.digest.DigestSlackMessenger;
import dev.ownership.bot.slack.BackgroundWork;
import dev.ownership.bot.slack.Listener;
import dev.ownership.bot.slack.SlackApi;
import dev.ownership.bot.streak.ProgressRefresher;
import java.util.Objects;

/**
 * Listens for {@code /ownership}: acknowledges at once, runs the command in the background, and answers privately
 * through the command's {@code response_url}. A command that changed something (a pause, a learning shared) then
 * refreshes the person's App Home.
 */
public final class CommandSlackListener implements Listener {
    static final String COMMAND = "/ownership";

    private final CommandService commands;
    private final SlackApi api;
    private final BackgroundWork work;
    private final DigestSlackMessenger digests;
    private final ProgressRefresher home;

    public CommandSlackListener(
            CommandService commands,
            SlackApi api,
            BackgroundWork work,
            DigestSlackMessenger digests,
            ProgressRefresher home) {
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
            api.respond(responseUrl, ReplySlackRenderer.toResponseJson(reply));
            throw e;
        }
        api.respond(responseUrl, render(reply));
        if (reply.changed()) {
            home.refresh(invocation.userId());
        }
    }

    private String render(Reply reply) {
        return reply.digest() == null
                ? ReplySlackRenderer.toResponseJson(reply)
                : ReplySlackRenderer.toResponseJson(reply, digests.previewBlocks(reply.digest()));
    }
}
