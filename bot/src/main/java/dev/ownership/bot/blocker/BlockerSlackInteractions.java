package dev.ownership.bot.blocker;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.model.view.ViewState;
import dev.ownership.bot.slack.BackgroundWork;
import dev.ownership.bot.slack.Listener;
import dev.ownership.bot.slack.Modals;
import dev.ownership.bot.slack.SlackApi;
import dev.ownership.storage.nudge.PostKey;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running blocker question's buttons and the note modal. Each acknowledges at once; the work happens after.
 * Only the blocker's author can answer: anyone else's (or a crafted) payload changes nothing and gets a short private
 * answer.
 */
public final class BlockerSlackInteractions implements Listener {
    private static final Logger log = LoggerFactory.getLogger(BlockerSlackInteractions.class);
    static final String NOT_YOURS =
            "That question isn't yours to answer: only the person whose blocker it is can. Nothing changed.";

    private final LongBlockers blockers;
    private final SlackApi api;
    private final BackgroundWork work;

    public BlockerSlackInteractions(LongBlockers blockers, SlackApi api, BackgroundWork work) {
        this.blockers = Objects.requireNonNull(blockers, "blockers");
        this.api = Objects.requireNonNull(api, "api");
        this.work = Objects.requireNonNull(work, "work");
    }

    @Override
    public void register(App app) {
        app.blockAction(BlockerSlackBlocks.ASK_LEAD, (request, context) -> {
            BlockActionPayload payload = request.getPayload();
            String userId = payload.getUser().getId();
            Optional<PostKey> key = BlockerSlackBlocks.parseKey(firstValue(payload));
            String responseUrl = payload.getResponseUrl();
            String triggerId = payload.getTriggerId();
            work.submit("blocker.open-note", () -> {
                if (key.isPresent() && blockers.own(userId, key.get()).isPresent()) {
                    Modals.open(api, "lead-note", userId, triggerId, BlockerSlackBlocks.noteModal(key.get()));
                } else {
                    refuse(userId, responseUrl);
                }
            });
            return context.ack();
        });
        app.blockAction(BlockerSlackBlocks.ON_IT, (request, context) -> {
            BlockActionPayload payload = request.getPayload();
            String userId = payload.getUser().getId();
            Optional<PostKey> key = BlockerSlackBlocks.parseKey(firstValue(payload));
            String responseUrl = payload.getResponseUrl();
            work.submit("blocker.on-it", () -> {
                Optional<String> done = key.flatMap(found -> blockers.onIt(userId, found));
                if (done.isEmpty()) {
                    refuse(userId, responseUrl);
                }
            });
            return context.ack();
        });
        app.viewSubmission(BlockerSlackBlocks.NOTE_MODAL, (request, context) -> {
            String userId = request.getPayload().getUser().getId();
            Optional<PostKey> key =
                    BlockerSlackBlocks.parseKey(request.getPayload().getView().getPrivateMetadata());
            String note = noteValue(request.getPayload().getView().getState());
            if (note != null && note.length() > BlockerSlackBlocks.MAX_NOTE_LENGTH) {
                return context.ackWithErrors(Map.of(
                        BlockerSlackBlocks.NOTE_BLOCK,
                        "Please keep it under " + BlockerSlackBlocks.MAX_NOTE_LENGTH + " characters."));
            }
            work.submit("blocker.ask-lead", () -> {
                if (key.flatMap(found -> blockers.askLead(userId, found, note)).isEmpty()) {
                    log.warn("Refused a lead note from {} about a blocker that is not theirs", userId);
                }
            });
            return context.ack();
        });
    }

    private void refuse(String userId, String responseUrl) {
        log.warn("Refused a long-blocker answer by {} on a blocker that is not theirs", userId);
        if (responseUrl != null) {
            api.respond(
                    responseUrl,
                    "{\"response_type\":\"ephemeral\",\"replace_original\":false,\"text\":\"" + NOT_YOURS + "\"}");
        }
    }

    private static String firstValue(BlockActionPayload payload) {
        return payload.getActions() == null || payload.getActions().isEmpty()
                ? null
                : payload.getActions().get(0).getValue();
    }

    private static String noteValue(ViewState state) {
        if (state == null || state.getValues() == null) {
            return null;
        }
        Map<String, ViewState.Value> block = state.getValues().get(BlockerSlackBlocks.NOTE_BLOCK);
        if (block == null || block.get(BlockerSlackBlocks.NOTE_INPUT) == null) {
            return null;
        }
        return block.get(BlockerSlackBlocks.NOTE_INPUT).getValue();
    }
}
