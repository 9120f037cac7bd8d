package dev.ownership.bot.prompt;

import dev.ownership.bot.ops.MetricName;
import dev.ownership.bot.ops.Metrics;
import dev.ownership.storage.prompt.PromptDelivery;
import dev.ownership.storage.prompt.PromptDelivery.Key;
import dev.ownership.storage.prompt.PromptDelivery.State;
import dev.ownership.storage.prompt.PromptDeliveryRepository;
import dev.ownership.storage.prompt.ShareSource;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What people do with a prompt DM: answer it (share a learning, flag a risk, note their impact), say there are no
 * risks this week, or skip it. A delivery is keyed by its recipient, so a person can only act on their own
 * prompts; an answer counts once, and the DM then shows what was done.
 *
 * <p>Thread-safe.
 */
public final class PromptActions {
    private final PromptDeliveryRepository deliveries;
    private final TeamRepository teams;
    private final Sharing sharing;
    private final PromptMessenger messenger;
    private final Clock clock;
    private final Metrics metrics;

    public PromptActions(
            PromptDeliveryRepository deliveries,
            TeamRepository teams,
            Sharing sharing,
            PromptMessenger messenger,
            Clock clock,
            Metrics metrics) {
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.teams = Objects.requireNonNull(teams, "teams");
        this.sharing = Objects.requireNonNull(sharing, "sharing");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * A button of the prompt's DM was clicked, in {@code dmChannel} at {@code dmTs}: remembered if the bot did not
     * know where the DM was (it was recorded as failed, but it reached the person), so that the DM can be updated
     * with the answer like any other.
     */
    public void clickedIn(Key key, String dmChannel, String dmTs) {
        if (dmChannel != null && dmTs != null) {
            deliveries
                    .find(key)
                    .filter(delivery -> delivery.dmChannel() == null) // known for every DM Slack confirmed
                    .ifPresent(delivery -> deliveries.recordDm(key, dmChannel, dmTs));
        }
    }

    /** The prompt {@code key} names, if it was sent to its user and still awaits an answer. */
    public Optional<OpenPrompt> openPrompt(Key key) {
        Optional<PromptType> type = PromptType.fromWord(key.kind());
        Optional<Team> team = teams.find(key.channelId());
        boolean open = deliveries
                .find(key)
                // A failed DM that is clicked reached the person after all (Slack's answer timed out, say).
                .filter(delivery -> delivery.state() == State.SENT
                        || delivery.state() == State.SENDING
                        || delivery.state() == State.FAILED)
                .isPresent();
        if (!open || type.isEmpty() || team.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OpenPrompt(type.get(), team.get().channelName()));
    }

    /**
     * Answers an open prompt with text: a learning is shared in the team's channel, a risk sent to the leads, an
     * impact note recorded.
     *
     * @return false if the prompt is not open (not theirs, answered or skipped already)
     */
    public boolean answer(Key key, String text) {
        if (PromptType.fromWord(key.kind())
                .filter(type -> type == PromptType.STANDUP)
                .isPresent()) {
            return false; // answered question by question, with StandupActions
        }
        Optional<Open> open = claimAnswer(key);
        if (open.isEmpty()) {
            return false;
        }
        Team team = open.get().team();
        String shown = text.strip();
        String outcome =
                switch (open.get().type()) {
                    case LEARNING ->
                        SharingText.promptLearning(
                                team, sharing.shareLearning(team, key.userId(), shown, ShareSource.PROMPT), shown);
                    case RISK ->
                        SharingText.promptRisk(sharing.flagRisk(team, key.userId(), shown, ShareSource.PROMPT), shown);
                    case IMPACT -> {
                        sharing.noteImpact(team, key.userId(), shown);
                        yield SharingText.promptImpact(shown);
                    }
                    case STANDUP -> throw new IllegalStateException("A standup is answered with StandupActions");
                };
        settleDm(open.get().delivery(), outcome);
        return true;
    }

    /**
     * Answers an open risk check-in with "no risks this week".
     *
     * @return false if it is not an open risk prompt of the person's
     */
    public boolean noRisks(Key key) {
        if (openPrompt(key).filter(prompt -> prompt.type() == PromptType.RISK).isEmpty()) {
            return false;
        }
        Optional<Open> open = claimAnswer(key);
        if (open.isEmpty()) {
            return false;
        }
        sharing.noRisks(open.get().team(), key.userId());
        settleDm(open.get().delivery(), SharingText.promptNoRisks());
        return true;
    }

    /**
     * Skips an open prompt.
     *
     * @return false if it is not open
     */
    public boolean skip(Key key) {
        Optional<PromptDelivery> delivery = deliveries.find(key);
        if (delivery.isEmpty() || !deliveries.skip(key, clock.instant())) {
            return false;
        }
        metrics.count(MetricName.PROMPTS_SKIPPED, "kind", key.kind());
        settleDm(delivery.get(), SharingText.promptSkipped());
        return true;
    }

    private Optional<Open> claimAnswer(Key key) {
        Optional<PromptDelivery> delivery = deliveries.find(key);
        Optional<PromptType> type = PromptType.fromWord(key.kind());
        Optional<Team> team = teams.find(key.channelId());
        if (delivery.isEmpty() || type.isEmpty() || team.isEmpty() || !deliveries.answer(key, clock.instant())) {
            return Optional.empty();
        }
        metrics.count(MetricName.PROMPTS_ANSWERED, "kind", key.kind());
        return Optional.of(new Open(delivery.get(), type.get(), team.get()));
    }

    private void settleDm(PromptDelivery delivery, String outcome) {
        if (delivery.dmChannel() != null && delivery.dmTs() != null) {
            messenger.update(delivery.dmChannel(), delivery.dmTs(), outcome);
        }
    }

    /**
     * A prompt awaiting its recipient's answer.
     *
     * @param type which prompt
     * @param channelName the team's channel name, for the modal
     */
    public record OpenPrompt(PromptType type, String channelName) {}

    private record Open(PromptDelivery delivery, PromptType type, Team team) {}
}
