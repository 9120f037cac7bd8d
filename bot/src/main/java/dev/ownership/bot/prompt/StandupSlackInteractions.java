package dev.ownership.bot.prompt;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.model.view.View;
import dev.ownership.bot.slack.BackgroundWork;
import dev.ownership.bot.slack.Listener;
import dev.ownership.bot.slack.Modals;
import dev.ownership.bot.slack.SlackApi;
import dev.ownership.bot.streak.ProgressRefresher;
import dev.ownership.storage.prompt.PromptDelivery.Key;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buttons of the standup DMs (write, skip, remind me in 1 h, edit) and the standup modal. Each acknowledges at
 * once (a modal's validation errors are the acknowledgement); Web API calls happen after. Whoever clicks acts on
 * their own standup only.
 */
public final class StandupSlackInteractions implements Listener {
    private static final Logger log = LoggerFactory.getLogger(StandupSlackInteractions.class);

    private final StandupActions actions;
    private final PromptActions prompts;
    private final SlackApi api;
    private final BackgroundWork work;
    private final ProgressRefresher home;

    public StandupSlackInteractions(
            StandupActions actions, PromptActions prompts, SlackApi api, BackgroundWork work, ProgressRefresher home) {
        this.actions = Objects.requireNonNull(actions, "actions");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        this.api = Objects.requireNonNull(api, "api");
        this.work = Objects.requireNonNull(work, "work");
        this.home = Objects.requireNonNull(home, "home");
    }

    @Override
    public void register(App app) {
        app.blockAction(StandupSlackBlocks.ANSWER, (request, context) -> {
            BlockActionPayload payload = request.getPayload();
            Key key = key(payload);
            String triggerId = payload.getTriggerId();
            if (key != null) {
                work.submit("standup.open-modal", () -> {
                    clickedIn(key, payload);
                    openModal(key, triggerId, actions.open(key));
                });
            }
            return context.ack();
        });
        app.blockAction(StandupSlackBlocks.EDIT, (request, context) -> {
            BlockActionPayload payload = request.getPayload();
            Key key = key(payload);
            String triggerId = payload.getTriggerId();
            if (key != null) {
                work.submit("standup.open-edit", () -> openModal(key, triggerId, actions.openEdit(key)));
            }
            return context.ack();
        });
        app.blockAction(StandupSlackBlocks.SKIP, (request, context) -> {
            BlockActionPayload payload = request.getPayload();
            onKey(key(payload), "standup.skip", key -> {
                clickedIn(key, payload);
                return actions.skip(key);
            });
            return context.ack();
        });
        app.blockAction(StandupSlackBlocks.SNOOZE, (request, context) -> {
            onKey(key(request.getPayload()), "standup.snooze", actions::snooze);
            return context.ack();
        });
        app.viewSubmission(StandupSlackBlocks.MODAL, (request, context) -> {
            View view = request.getPayload().getView();
            String userId = request.getPayload().getUser().getId();
            Key key = StandupSlackBlocks.parseModalKey(view.getPrivateMetadata(), userId);
            List<StandupAnswers.Answer> answers = StandupSlackBlocks.submitted(view);
            Map<String, String> problems = problems(answers);
            if (!problems.isEmpty()) {
                return context.ackWithErrors(problems);
            }
            StandupAnswers standup = new StandupAnswers(userId, answers);
            boolean editing = StandupSlackBlocks.editing(view.getPrivateMetadata());
            onKey(
                    key,
                    editing ? "standup.edit" : "standup.answer",
                    open -> editing ? actions.edit(open, standup) : actions.answer(open, standup));
            return context.ack();
        });
    }

    /** An error for each answer that is empty or too long, by its input's block id. */
    private static Map<String, String> problems(List<StandupAnswers.Answer> answers) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            String text = answers.get(i).text().strip();
            if (text.isEmpty()) {
                problems.put(StandupSlackBlocks.blockId(i), "A word or two is enough, even \"nothing\".");
            } else if (text.length() > StandupAnswers.MAX_ANSWER_LENGTH) {
                problems.put(
                        StandupSlackBlocks.blockId(i),
                        "Please keep it under " + StandupAnswers.MAX_ANSWER_LENGTH + " characters.");
            }
        }
        return problems;
    }

    private void onKey(Key key, String what, Predicate<Key> action) {
        if (key != null) {
            work.submit(what, () -> {
                if (action.test(key)) {
                    home.refresh(key.userId());
                } else {
                    log.info("Ignored an action by {} on a standup that is not theirs or no longer open", key.userId());
                }
            });
        }
    }

    private void openModal(Key key, String triggerId, Optional<StandupForm> form) {
        form.ifPresentOrElse(
                open -> Modals.open(
                        api,
                        "standup",
                        key.userId(),
                        triggerId,
                        StandupSlackBlocks.modal(
                                PromptSlackBlocks.key(key.channelId(), PromptType.STANDUP, key.occurrence()), open)),
                () -> log.info(
                        "Ignored a click by {} on a standup that is not theirs or no longer open", key.userId()));
    }

    /** Tells the standup's delivery where its DM is, if the bot did not know (see {@link PromptActions#clickedIn}). */
    private void clickedIn(Key key, BlockActionPayload payload) {
        BlockActionPayload.Container container = payload.getContainer();
        if (container != null && container.getMessageTs() != null) {
            prompts.clickedIn(key, container.getChannelId(), container.getMessageTs());
        }
    }

    private static Key key(BlockActionPayload payload) {
        String value = payload.getActions() == null || payload.getActions().isEmpty()
                ? null
                : payload.getActions().get(0).getValue();
        return StandupSlackBlocks.standupKey(value, payload.getUser().getId());
    }
}
