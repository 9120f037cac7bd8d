package dev.ownership.bot.risk;

import com.google.gson.Gson;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.App;
import com.slack.api.model.view.ViewState;
import com.slack.api.util.json.GsonFactory;
import dev.ownership.bot.slack.BackgroundWork;
import dev.ownership.bot.slack.Listener;
import dev.ownership.bot.slack.Modals;
import dev.ownership.bot.slack.MrkdwnBlocks;
import dev.ownership.bot.slack.SlackApi;
import dev.ownership.storage.risk.RegisterEntry;
import dev.ownership.storage.risk.RiskStatus;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The register's buttons (on the check-in DM and under {@code /ownership risks}) and the "still open" modal. Each
 * acknowledges at once (the modal's validation error is its acknowledgement) and acts after the ack, for whoever
 * Slack says clicked: a button's value names only the risk, so a crafted one gets a short private refusal.
 */
public final class RiskSlackInteractions implements Listener {
    private static final Logger log = LoggerFactory.getLogger(RiskSlackInteractions.class);
    private static final Gson GSON = GsonFactory.createSnakeCase();

    private final RiskRegister register;
    private final SlackApi api;
    private final BackgroundWork work;

    public RiskSlackInteractions(RiskRegister register, SlackApi api, BackgroundWork work) {
        this.register = Objects.requireNonNull(register, "register");
        this.api = Objects.requireNonNull(api, "api");
        this.work = Objects.requireNonNull(work, "work");
    }

    @Override
    public void register(App app) {
        onStatusButton(app, RiskRegister.CHECKIN_RESOLVED, RiskStatus.RESOLVED, true);
        onStatusButton(app, RiskRegister.CHECKIN_ACCEPTED, RiskStatus.ACCEPTED, true);
        onStatusButton(app, RiskRegister.SET_MITIGATING, RiskStatus.MITIGATING, false);
        onStatusButton(app, RiskRegister.SET_RESOLVED, RiskStatus.RESOLVED, false);
        onStatusButton(app, RiskRegister.SET_ACCEPTED, RiskStatus.ACCEPTED, false);
        app.blockAction(RiskRegister.CHECKIN_STILL_OPEN, (request, context) -> {
            BlockActionPayload payload = request.getPayload();
            String actorId = payload.getUser().getId();
            Optional<Long> riskId = RiskRegister.riskId(value(payload));
            String triggerId = payload.getTriggerId();
            String responseUrl = payload.getResponseUrl();
            riskId.ifPresent(id -> work.submit("risk.still-open", () -> {
                RiskRegister.Access access = register.access(actorId, id);
                if (access.entry() == null) {
                    refuse(actorId, responseUrl, access.refusal());
                } else {
                    Modals.open(api, "risk", actorId, triggerId, RiskSlackBlocks.stillOpenModal(access.entry()));
                }
            }));
            return context.ack();
        });
        app.viewSubmission(RiskSlackBlocks.MODAL, (request, context) -> {
            String actorId = request.getPayload().getUser().getId();
            Optional<Long> riskId =
                    RiskRegister.riskId(request.getPayload().getView().getPrivateMetadata());
            String note = noteValue(request.getPayload().getView().getState());
            if (note != null && note.strip().length() > RiskSlackBlocks.MAX_NOTE_LENGTH) {
                return context.ackWithErrors(Map.of(
                        RiskSlackBlocks.NOTE_BLOCK,
                        "Please keep it under " + RiskSlackBlocks.MAX_NOTE_LENGTH + " characters, or link to a doc."));
            }
            riskId.ifPresent(id -> work.submit("risk.still-open.save", () -> stillOpen(actorId, id, note)));
            return context.ack();
        });
    }

    private void onStatusButton(App app, String actionId, RiskStatus status, boolean viaCheckin) {
        app.blockAction(actionId, (request, context) -> {
            BlockActionPayload payload = request.getPayload();
            String actorId = payload.getUser().getId();
            Optional<Long> riskId = RiskRegister.riskId(value(payload));
            String responseUrl = payload.getResponseUrl();
            riskId.ifPresent(id -> work.submit("risk." + status.word(), () -> {
                RiskRegister.Outcome outcome = register.change(actorId, id, status, null, viaCheckin);
                if (!outcome.changed()) {
                    refuse(actorId, responseUrl, outcome.answer());
                } else if (!viaCheckin) {
                    answer(responseUrl, outcome.answer());
                }
            }));
            return context.ack();
        });
    }

    /** "Still open": with a note the risk becomes mitigating, without one it keeps its status. */
    private void stillOpen(String actorId, long riskId, String note) {
        RiskRegister.Access access = register.access(actorId, riskId);
        if (access.entry() == null) {
            log.info("Refused a risk note from {} on risk {}", actorId, riskId);
            register.tell(actorId, access.refusal());
            return;
        }
        RegisterEntry entry = access.entry();
        RiskStatus status = note == null || note.isBlank() ? entry.status() : RiskStatus.MITIGATING;
        RiskRegister.Outcome outcome = register.change(actorId, riskId, status, note, true);
        if (!outcome.changed()) {
            register.tell(actorId, outcome.answer());
        }
    }

    private void refuse(String actorId, String responseUrl, String text) {
        log.info("Refused a risk action from {}", actorId);
        answer(responseUrl, text);
    }

    /** A private answer under the message clicked in, leaving that message as it is. */
    private void answer(String responseUrl, String text) {
        if (responseUrl == null) {
            return;
        }
        ActionResponse response = ActionResponse.builder()
                .responseType("ephemeral")
                .replaceOriginal(false)
                .text(MrkdwnBlocks.plainFallback(text))
                .blocks(MrkdwnBlocks.blocks(text))
                .build();
        api.respond(responseUrl, GSON.toJson(response));
    }

    private static String value(BlockActionPayload payload) {
        return payload.getActions() == null || payload.getActions().isEmpty()
                ? null
                : payload.getActions().get(0).getValue();
    }

    private static String noteValue(ViewState state) {
        if (state == null || state.getValues() == null) {
            return null;
        }
        Map<String, ViewState.Value> block = state.getValues().get(RiskSlackBlocks.NOTE_BLOCK);
        if (block == null || block.get(RiskSlackBlocks.NOTE_INPUT) == null) {
            return null;
        }
        return block.get(RiskSlackBlocks.NOTE_INPUT).getValue();
    }
}
