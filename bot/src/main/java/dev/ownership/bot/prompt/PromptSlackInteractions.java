package dev.ownership.bot.prompt;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.model.view.ViewState;
import dev.ownership.bot.slack.BackgroundWork;
import dev.ownership.bot.slack.Listener;
import dev.ownership.bot.slack.Modals;
import dev.ownership.bot.slack.SlackApi;
import dev.ownership.bot.streak.ProgressRefresher;
import dev.ownership.storage.prompt.PromptDelivery.Key;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prompt's buttons and its answer modal. Each acknowledges at once (a modal's validation errors are the
 * acknowledgement); Web API calls happen after. Whoever clicks acts on their own delivery only, so a crafted
 * action naming someone else's prompt finds nothing.
 */
public final class PromptSlackInteractions implements Listener {
    private static final Logger log = LoggerFactory.getLogger(PromptSlackInteractions.class);

    private final PromptActions actions;
    private final SlackApi api;
    private final BackgroundWork work;
    private final ProgressRefresher home;

    public PromptSlackInteractions(PromptActions actions, SlackApi api, BackgroundWork work, ProgressRefresher home) {
        this.actions = Objects.requireNonNull(actions, "actions");
        this.api = Objects.requireNonNull(api, "api");
        this.work = Objects.requireNonNull(work, "work");
        this.home = Objects.requireNonNull(home, "home");
    }

    @Override
    public void register(App app) {
        app.blockAction(PromptSlackBlocks.ANSWER, (request, context) -> {
            BlockActionPayload payload = request.getPayload();
            Key key = key(payload);
            String triggerId = payload.getTriggerId();
            if (key != null) {
                work.submit("prompt.open-modal", () -> {
                    clickedIn(key, payload);
                    openModal(key, triggerId);
                });
            }
            return context.ack();
        });
        app.blockAction(PromptSlackBlocks.NO_RISKS, (request, context) -> {
            BlockActionPayload payload = request.getPayload();
            onKey(key(payload), "prompt.no-risks", key -> {
                clickedIn(key, payload);
                return actions.noRisks(key);
            });
            return context.ack();
        });
        app.blockAction(PromptSlackBlocks.SKIP, (request, context) -> {
            BlockActionPayload payload = request.getPayload();
            onKey(key(payload), "prompt.skip", key -> {
                clickedIn(key, payload);
                return actions.skip(key);
            });
            return context.ack();
        });
        app.viewSubmission(PromptSlackBlocks.MODAL, (request, context) -> {
            String userId = request.getPayload().getUser().getId();
            Key key = PromptSlackBlocks.parseKey(request.getPayload().getView().getPrivateMetadata(), userId);
            String text = textValue(request.getPayload().getView().getState());
            Optional<String> problem = Sharing.problemWith(text);
            if (problem.isPresent()) {
                return context.ackWithErrors(Map.of(PromptSlackBlocks.TEXT_BLOCK, problem.get()));
            }
            onKey(key, "prompt.answer", open -> actions.answer(open, text));
            return context.ack();
        });
    }

    private void onKey(Key key, String what, Predicate<Key> action) {
        if (key != null) {
            work.submit(what, () -> {
                boolean answered = action.test(key);
                refuseIfNotOpen(key, answered);
                if (answered) {
                    // A learning, a risk check-in or an answered prompt moves streaks: show it in the App Home.
                    home.refresh(key.userId());
                }
            });
        }
    }

    private void openModal(Key key, String triggerId) {
        actions.openPrompt(key)
                .ifPresentOrElse(
                        open -> Modals.open(
                                api,
                                open.type().word(),
                                key.userId(),
                                triggerId,
                                PromptSlackBlocks.modal(
                                        open.type(),
                                        PromptSlackBlocks.key(key.channelId(), open.type(), key.occurrence()),
                                        open.channelName())),
                        () -> refuseIfNotOpen(key, false));
    }

    /** Tells the prompt where its DM is: the message the clicked button belongs to. */
    private void clickedIn(Key key, BlockActionPayload payload) {
        BlockActionPayload.Container container = payload.getContainer();
        if (container != null) {
            actions.clickedIn(key, container.getChannelId(), container.getMessageTs());
        }
    }

    private static void refuseIfNotOpen(Key key, boolean done) {
        if (!done) {
            log.info("Ignored an action by {} on a prompt that is not theirs or no longer open", key.userId());
        }
    }

    private static Key key(BlockActionPayload payload) {
        String value = payload.getActions() == null || payload.getActions().isEmpty()
                ? null
                : payload.getActions().get(0).getValue();
        return PromptSlackBlocks.parseKey(value, payload.getUser().getId());
    }

    private static String textValue(ViewState state) {
        if (state == null || state.getValues() == null) {
            return null;
        }
        Map<String, ViewState.Value> block = state.getValues().get(PromptSlackBlocks.TEXT_BLOCK);
        if (block == null || block.get(PromptSlackBlocks.TEXT_INPUT) == null) {
            return null;
        }
        return block.get(PromptSlackBlocks.TEXT_INPUT).getValue();
    }
}
