package dev.ownership.bot.learning;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.model.view.ViewState;
import dev.ownership.bot.slack.BackgroundWork;
import dev.ownership.bot.slack.Listener;
import dev.ownership.bot.slack.Modals;
import dev.ownership.bot.slack.SlackApi;
import dev.ownership.storage.workspace.Team;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The library's search modal: opened from the App Home with the latest learnings, and answered in place on every
 * search, so the results stay private to the person and a search can be refined. Every search is for the person who
 * submitted it, within their own teams: a team picked that is not theirs (a crafted payload) is refused in the modal.
 */
public final class LearningSlackInteractions implements Listener {
    private final LearningLibrary library;
    private final SlackApi api;
    private final BackgroundWork work;

    public LearningSlackInteractions(LearningLibrary library, SlackApi api, BackgroundWork work) {
        this.library = Objects.requireNonNull(library, "library");
        this.api = Objects.requireNonNull(api, "api");
        this.work = Objects.requireNonNull(work, "work");
    }

    @Override
    public void register(App app) {
        app.blockAction(LearningSlackBlocks.OPEN_SEARCH, (request, context) -> {
            String userId = request.getPayload().getUser().getId();
            String triggerId = request.getPayload().getTriggerId();
            work.submit("learnings.open-search", () -> open(userId, triggerId));
            return context.ack();
        });
        // The search reads the database and the permalinks (remembered, or asked for together within a budget well
        // inside Slack's three seconds): it answers within the submission's ack, so the modal itself shows the
        // results (an update after the ack could race the ack's own).
        app.viewSubmission(LearningSlackBlocks.MODAL, (request, context) -> {
            ViewSubmissionPayload payload = request.getPayload();
            String userId = payload.getUser().getId();
            ViewState state = payload.getView().getState();
            String words = value(state, LearningSlackBlocks.WORDS_BLOCK, LearningSlackBlocks.WORDS_INPUT)
                    .map(ViewState.Value::getValue)
                    .orElse("");
            String choice = value(state, LearningSlackBlocks.TEAM_BLOCK, LearningSlackBlocks.TEAM_INPUT)
                    .map(ViewState.Value::getSelectedOption)
                    .map(option -> option.getValue())
                    .orElse(LearningSlackBlocks.ALL_TEAMS);
            List<Team> teams = library.teamsOf(userId);
            Optional<LibraryScope> scope = scope(userId, teams, choice);
            if (scope.isEmpty()) {
                return context.ackWithErrors(
                        Map.of(LearningSlackBlocks.TEAM_BLOCK, "You can search only the teams you're in."));
            }
            LibraryAnswer answer = library.search(scope.get(), words);
            return context.ackWithUpdate(LearningSlackBlocks.modal(teams, words, choice, answer));
        });
    }

    private void open(String userId, String triggerId) {
        List<Team> teams = library.teamsOf(userId);
        LibraryAnswer latest = library.search(library.everyTeamOf(userId), "");
        Modals.open(
                api,
                "learnings search",
                userId,
                triggerId,
                LearningSlackBlocks.modal(teams, "", LearningSlackBlocks.ALL_TEAMS, latest));
    }

    /** The teams to search: all of the person's, or the one picked if it is theirs; empty when it is not. */
    private Optional<LibraryScope> scope(String userId, List<Team> teams, String choice) {
        if (LearningSlackBlocks.ALL_TEAMS.equals(choice)) {
            return Optional.of(library.everyTeamOf(userId));
        }
        return teams.stream()
                .filter(team -> team.channelId().equals(choice))
                .findFirst()
                .map(team -> LibraryScope.of(List.of(team)));
    }

    private static Optional<ViewState.Value> value(ViewState state, String blockId, String actionId) {
        if (state == null || state.getValues() == null) {
            return Optional.empty();
        }
        Map<String, ViewState.Value> block = state.getValues().get(blockId);
        return block == null ? Optional.empty() : Optional.ofNullable(block.get(actionId));
    }
}
