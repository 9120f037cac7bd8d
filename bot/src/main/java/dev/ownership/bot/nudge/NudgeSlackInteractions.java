package dev.ownership.bot.nudge;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.model.view.ViewState;
import dev.ownership.bot.detection.Category;
import dev.ownership.bot.slack.BackgroundWork;
import dev.ownership.bot.slack.Listener;
import dev.ownership.bot.slack.Modals;
import dev.ownership.bot.slack.SlackApi;
import dev.ownership.storage.nudge.PostKey;
import dev.ownership.storage.nudge.StandupPost;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nudge's buttons and the "add a next step" modal. Each acknowledges at once; Web API calls happen after.
 * Only the author of the post can act on its nudge: anyone else's crafted action is refused.
 */
public final class NudgeSlackInteractions implements Listener {
    private static final Logger log = LoggerFactory.getLogger(NudgeSlackInteractions.class);

    private final NudgeActions actions;
    private final SlackApi api;
    private final BackgroundWork work;

    public NudgeSlackInteractions(NudgeActions actions, SlackApi api, BackgroundWork work) {
        this.actions = Objects.requireNonNull(actions, "actions");
        this.api = Objects.requireNonNull(api, "api");
        this.work = Objects.requireNonNull(work, "work");
    }

    @Override
    public void register(App app) {
        app.blockAction(NudgeSlackBlocks.ADD_STEP, (request, context) -> {
            BlockActionPayload payload = request.getPayload();
            Optional<PostKey> key = NudgeSlackBlocks.parsePostKey(firstValue(payload));
            String userId = payload.getUser().getId();
            String triggerId = payload.getTriggerId();
            if (key.isPresent()) {
                work.submit("nudge.open-modal", () -> openModal(userId, key.get(), triggerId));
            }
            return context.ack();
        });
        app.blockAction(NudgeSlackBlocks.NOT_A_BLOCKER, (request, context) -> {
            BlockActionPayload payload = request.getPayload();
            Optional<PostKey> key = NudgeSlackBlocks.parsePostKey(firstValue(payload));
            String userId = payload.getUser().getId();
            if (key.isPresent()) {
                work.submit(
                        "nudge.not-a-blocker", () -> refuseIfNotOwn(userId, actions.notABlocker(userId, key.get())));
            }
            return context.ack();
        });
        app.blockAction(NudgeSlackBlocks.RESOLVED, (request, context) -> {
            BlockActionPayload payload = request.getPayload();
            Optional<PostKey> key = NudgeSlackBlocks.parsePostKey(firstValue(payload));
            String userId = payload.getUser().getId();
            if (key.isPresent()) {
                work.submit("nudge.resolved", () -> refuseIfNotOwn(userId, actions.resolved(userId, key.get())));
            }
            return context.ack();
        });
        app.blockAction(NudgeSlackBlocks.PAUSE, (request, context) -> {
            BlockActionPayload payload = request.getPayload();
            Optional<PostKey> key = NudgeSlackBlocks.parsePostKey(firstValue(payload));
            String userId = payload.getUser().getId();
            if (key.isPresent()) {
                work.submit("nudge.pause", () -> actions.pauseForAWeek(userId, key.get()));
            }
            return context.ack();
        });
        app.blockAction(NudgeSlackBlocks.STOP_NUDGES, (request, context) -> {
            BlockActionPayload payload = request.getPayload();
            Optional<PostKey> key = NudgeSlackBlocks.parsePostKey(firstValue(payload));
            String userId = payload.getUser().getId();
            if (key.isPresent()) {
                work.submit("nudge.stop", () -> actions.stopNudges(userId, key.get()));
            }
            return context.ack();
        });
        app.viewSubmission(NudgeSlackBlocks.STEP_MODAL, (request, context) -> {
            String userId = request.getPayload().getUser().getId();
            Optional<PostKey> key =
                    NudgeSlackBlocks.parsePostKey(request.getPayload().getView().getPrivateMetadata());
            String step = stepValue(request.getPayload().getView().getState());
            Optional<String> problem = NudgeActions.validateStep(step);
            if (problem.isPresent()) {
                return context.ackWithErrors(Map.of(NudgeSlackBlocks.STEP_BLOCK, problem.get()));
            }
            if (key.isPresent()) {
                work.submit(
                        "nudge.add-step", () -> refuseIfNotOwn(userId, actions.addNextStep(userId, key.get(), step)));
            }
            return context.ack();
        });
    }

    private void openModal(String userId, PostKey key, String triggerId) {
        Optional<StandupPost> post = actions.ownPost(userId, key);
        if (post.isEmpty()) {
            refuseIfNotOwn(userId, false);
            return;
        }
        Category category = StoredVerdicts.category(post.get().category());
        Modals.open(
                api,
                "next-step",
                userId,
                triggerId,
                NudgeSlackBlocks.stepModal(key, Suggestions.forCategory(category)));
    }

    private static void refuseIfNotOwn(String userId, boolean own) {
        if (!own) {
            log.warn("Refused a nudge action by {} on a post that is not theirs", userId);
        }
    }

    private static String firstValue(BlockActionPayload payload) {
        return payload.getActions() == null || payload.getActions().isEmpty()
                ? null
                : payload.getActions().get(0).getValue();
    }

    private static String stepValue(ViewState state) {
        if (state == null || state.getValues() == null) {
            return null;
        }
        Map<String, ViewState.Value> block = state.getValues().get(NudgeSlackBlocks.STEP_BLOCK);
        if (block == null || block.get(NudgeSlackBlocks.STEP_INPUT) == null) {
            return null;
        }
        return block.get(NudgeSlackBlocks.STEP_INPUT).getValue();
    }
}
