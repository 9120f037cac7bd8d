package dev.ownership.bot.home;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.ViewState;
import dev.ownership.bot.slack.BackgroundWork;
import dev.ownership.bot.slack.Listener;
import dev.ownership.bot.slack.Modals;
import dev.ownership.bot.slack.SlackApi;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The App Home: published when the tab is opened, and its buttons and modals. Each listener acknowledges at once and
 * hands the work on; every action is taken for the person who clicked, whatever a button's value says.
 */
public final class HomeSlackInteractions implements Listener {
    private final HomeService home;
    private final HomeActions actions;
    private final SlackApi api;
    private final BackgroundWork work;

    public HomeSlackInteractions(HomeService home, HomeActions actions, SlackApi api, BackgroundWork work) {
        this.home = Objects.requireNonNull(home, "home");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.api = Objects.requireNonNull(api, "api");
        this.work = Objects.requireNonNull(work, "work");
    }

    @Override
    public void register(App app) {
        app.event(AppHomeOpenedEvent.class, (payload, context) -> {
            AppHomeOpenedEvent event = payload.getEvent();
            if ("home".equals(event.getTab()) && event.getUser() != null) {
                work.submit("home.opened", () -> home.refresh(event.getUser()));
            }
            return context.ack();
        });
        registerSharing(app);
        registerPause(app);
        app.blockAction(HomeSlackBlocks.NUDGES, (request, context) -> {
            String userId = request.getPayload().getUser().getId();
            boolean on = "on".equals(firstValue(request.getPayload()));
            work.submit("home.nudges", () -> actions.setNudges(userId, on));
            return context.ack();
        });
        app.blockAction(HomeSlackBlocks.PROMPTS, (request, context) -> {
            String userId = request.getPayload().getUser().getId();
            boolean on = "on".equals(firstValue(request.getPayload()));
            work.submit("home.prompts", () -> actions.setPrompts(userId, on));
            return context.ack();
        });
        app.blockAction(HomeSlackBlocks.LEADERBOARD, (request, context) -> {
            String userId = request.getPayload().getUser().getId();
            boolean shown = "show".equals(firstValue(request.getPayload()));
            work.submit("home.leaderboard", () -> actions.showOnLeaderboard(userId, shown));
            return context.ack();
        });
        app.blockAction(Pattern.compile("^" + HomeSlackBlocks.PREVIEW_DIGEST + "_.*$"), (request, context) -> {
            String userId = request.getPayload().getUser().getId();
            String channelId = firstValue(request.getPayload());
            if (channelId != null) {
                work.submit("home.preview-digest", () -> actions.previewDigest(userId, channelId));
            }
            return context.ack();
        });
    }

    private void registerSharing(App app) {
        app.blockAction(HomeSlackBlocks.SHARE_LEARNING, (request, context) -> {
            openShareModal(request.getPayload(), HomeSlackBlocks.LEARNING);
            return context.ack();
        });
        app.blockAction(HomeSlackBlocks.FLAG_RISK, (request, context) -> {
            openShareModal(request.getPayload(), HomeSlackBlocks.RISK);
            return context.ack();
        });
        app.viewSubmission(HomeSlackBlocks.SHARE_MODAL, (request, context) -> {
            ViewSubmissionPayload payload = request.getPayload();
            String userId = payload.getUser().getId();
            String[] metadata = payload.getView().getPrivateMetadata().split("\\|", -1);
            ViewState state = payload.getView().getState();
            String channelId = selectedTeam(state).orElse(metadata.length > 1 ? metadata[1] : "");
            String text = stateValue(state, HomeSlackBlocks.TEXT_BLOCK, HomeSlackBlocks.TEXT_INPUT)
                    .map(ViewState.Value::getValue)
                    .orElse(null);
            Optional<String> problem = actions.problemWithSharing(userId, channelId, text);
            if (problem.isPresent()) {
                return context.ackWithErrors(Map.of(HomeSlackBlocks.TEXT_BLOCK, problem.get()));
            }
            boolean learning = HomeSlackBlocks.LEARNING.equals(metadata[0]);
            work.submit(
                    learning ? "home.share-learning" : "home.flag-risk",
                    () -> share(learning, userId, channelId, text));
            return context.ack();
        });
    }

    private void registerPause(App app) {
        // Choosing a date only sets the picker; "Pause until then" reads it from the view's state.
        app.blockAction(HomeSlackBlocks.PAUSE_DATE, (request, context) -> context.ack());
        app.blockAction(HomeSlackBlocks.PAUSE, (request, context) -> {
            BlockActionPayload payload = request.getPayload();
            String userId = payload.getUser().getId();
            LocalDate until = chosenDate(payload);
            work.submit("home.pause", () -> actions.pauseUntil(userId, until));
            return context.ack();
        });
        app.blockAction(HomeSlackBlocks.RESUME, (request, context) -> {
            String userId = request.getPayload().getUser().getId();
            work.submit("home.resume", () -> actions.resume(userId));
            return context.ack();
        });
    }

    private void share(boolean learning, String userId, String channelId, String text) {
        if (learning) {
            actions.shareLearning(userId, channelId, text);
        } else {
            actions.flagRisk(userId, channelId, text);
        }
    }

    private void openShareModal(BlockActionPayload payload, String kind) {
        String userId = payload.getUser().getId();
        String triggerId = payload.getTriggerId();
        work.submit(
                "home.open-modal",
                () -> Modals.open(
                        api, "share", userId, triggerId, HomeSlackBlocks.shareModal(kind, actions.teamsOf(userId))));
    }

    /** The date picked in the Home's date picker, or the one it showed when nobody changed it. */
    private static LocalDate chosenDate(BlockActionPayload payload) {
        String picked = payload.getView() == null
                ? null
                : stateValue(payload.getView().getState(), HomeSlackBlocks.PAUSE_BLOCK, HomeSlackBlocks.PAUSE_DATE)
                        .map(ViewState.Value::getSelectedDate)
                        .orElse(null);
        String date = picked != null ? picked : firstValue(payload);
        try {
            return date == null ? null : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Optional<String> selectedTeam(ViewState state) {
        return stateValue(state, HomeSlackBlocks.TEAM_BLOCK, HomeSlackBlocks.TEAM_INPUT)
                .map(ViewState.Value::getSelectedOption)
                .map(option -> option.getValue());
    }

    private static Optional<ViewState.Value> stateValue(ViewState state, String blockId, String actionId) {
        if (state == null || state.getValues() == null) {
            return Optional.empty();
        }
        Map<String, ViewState.Value> block = state.getValues().get(blockId);
        return block == null ? Optional.empty() : Optional.ofNullable(block.get(actionId));
    }

    private static String firstValue(BlockActionPayload payload) {
        return payload.getActions() == null || payload.getActions().isEmpty()
                ? null
                : payload.getActions().get(0).getValue();
    }
}
