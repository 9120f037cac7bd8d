package dev.ownership.bot.blocker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Only the blocker's author can answer, once: anyone else's (or a crafted, or a replayed) payload changes nothing and
 * gets a short private answer.
 */
public final class BlockerSlackInteractions implements Listener {
    private static final Logger log = LoggerFactory.getLogger(BlockerSlackInteractions.class);
    private static final ObjectMapper JSON = new ObjectMapper();

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
                Optional<String> closed = key.isEmpty()
                        ? Optional.of(LongBlockers.Outcome.NOT_YOURS.text())
                        : blockers.whyNotOpen(userId, key.get());
                if (closed.isPresent()) {
                    answerPrivately(userId, responseUrl, closed.get());
                } else {
                    Modals.open(api, "lead-note", userId, triggerId, BlockerSlackBlocks.noteModal(key.get()));
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
                LongBlockers.Outcome outcome =
                        key.map(found -> blockers.onIt(userId, found)).orElse(LongBlockers.Outcome.NOT_YOURS);
                if (!outcome.done()) {
                    answerPrivately(userId, responseUrl, outcome.text());
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
                LongBlockers.Outcome outcome =
                        key.map(found -> blockers.askLead(userId, found, note)).orElse(LongBlockers.Outcome.NOT_YOURS);
                if (!outcome.done()) {
                    // A submitted modal has nowhere to show a later answer: a DM says it.
                    log.info("A lead note from {} changed nothing: {}", userId, outcome.text());
                    api.post(r -> r.channel(userId).text(outcome.text()));
                }
            });
            return context.ack();
        });
    }

    /** Answers the person alone, beside the message they clicked in, which stays as it is. */
    private void answerPrivately(String userId, String responseUrl, String text) {
        log.info("A long-blocker answer by {} changed nothing: {}", userId, text);
        if (responseUrl != null) {
            ObjectNode answer = JSON.createObjectNode()
                    .put("response_type", "ephemeral")
                    .put("replace_original", false)
                    .put("text", text);
            api.respond(responseUrl, answer.toString());
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
