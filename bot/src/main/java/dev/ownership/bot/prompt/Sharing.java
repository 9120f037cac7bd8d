package dev.ownership.bot.prompt;

import dev.ownership.bot.ops.MetricName;
import dev.ownership.bot.ops.Metrics;
import dev.ownership.storage.prompt.ImpactRepository;
import dev.ownership.storage.prompt.LearningRepository;
import dev.ownership.storage.prompt.RiskRepository;
import dev.ownership.storage.prompt.ShareSource;
import dev.ownership.storage.workspace.MemberRepository;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What people choose to share, kept and passed on: a learning is posted in the team's channel with attribution, a
 * risk goes privately to the team's leads, an impact note is kept for the digest. Whatever is shared is recorded
 * first, so that it counts even if Slack refuses the post.
 *
 * <p>Thread-safe. Calls Slack, so never on the ack path.
 */
public final class Sharing {
    /** The longest text accepted, in characters. */
    public static final int MAX_TEXT_LENGTH = 2_000;

    private static final Logger log = LoggerFactory.getLogger(Sharing.class);

    private final TeamRepository teams;
    private final MemberRepository members;
    private final LearningRepository learnings;
    private final RiskRepository risks;
    private final ImpactRepository impacts;
    private final PromptMessenger messenger;
    private final Clock clock;
    private final Metrics metrics;

    public Sharing(
            TeamRepository teams,
            MemberRepository members,
            LearningRepository learnings,
            RiskRepository risks,
            ImpactRepository impacts,
            PromptMessenger messenger,
            Clock clock,
            Metrics metrics) {
        this.teams = Objects.requireNonNull(teams, "teams");
        this.members = Objects.requireNonNull(members, "members");
        this.learnings = Objects.requireNonNull(learnings, "learnings");
        this.risks = Objects.requireNonNull(risks, "risks");
        this.impacts = Objects.requireNonNull(impacts, "impacts");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** What is wrong with a text someone wants to share (empty, or too long), or empty when it is fine. */
    public static Optional<String> problemWith(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("Write a sentence or two first.");
        }
        if (text.strip().length() > MAX_TEXT_LENGTH) {
            return Optional.of("Please keep it under " + MAX_TEXT_LENGTH + " characters (it has "
                    + text.strip().length() + "), or link to a doc.");
        }
        return Optional.empty();
    }

    /** The watched teams {@code userId} is a member of, by channel name. */
    public List<Team> teamsOf(String userId) {
        return members.watchedTeamsOf(userId).stream()
                .flatMap(channelId -> teams.find(channelId).stream())
                .toList();
    }

    /**
     * Records a learning and posts it in the team's channel with attribution.
     *
     * @return whether it was posted (it is recorded either way)
     */
    public boolean shareLearning(Team team, String userId, String text, ShareSource source) {
        String learning = text.strip();
        long id = learnings.add(team.channelId(), userId, learning, source, clock.instant());
        count(MetricName.LEARNINGS_SHARED, source);
        Optional<String> ts = messenger.postLearning(team.channelId(), userId, learning);
        ts.ifPresentOrElse(
                posted -> learnings.attachMessage(id, posted),
                () -> log.warn(
                        "A learning by {} was recorded but could not be posted in #{}", userId, team.channelName()));
        return ts.isPresent();
    }

    /**
     * Records a risk (it answers the risk check-in) and sends it privately to the team's leads.
     *
     * @return who was told
     */
    public List<String> flagRisk(Team team, String userId, String text, ShareSource source) {
        String risk = text.strip();
        risks.flag(team.channelId(), userId, risk, source, clock.instant());
        count(MetricName.RISKS_FLAGGED, source);
        List<String> told = new ArrayList<>();
        for (String recipient : riskRecipients(team, userId)) {
            if (messenger.sendRisk(recipient, team.channelId(), userId, risk)) {
                told.add(recipient);
            }
        }
        return told;
    }

    /** Records a risk check-in with nothing to report. */
    public void noRisks(Team team, String userId) {
        risks.noRisks(team.channelId(), userId, clock.instant());
    }

    /** Records what the person's work moved, for the team's digest. */
    public void noteImpact(Team team, String userId, String text) {
        impacts.add(team.channelId(), userId, text.strip(), clock.instant());
        metrics.count(MetricName.IMPACTS_NOTED);
    }

    /**
     * Who hears about a risk: the team's leads, or without leads the admin who set the team up; never the person
     * who flagged it (a lead's own risk goes to the other leads).
     */
    public static List<String> riskRecipients(Team team, String flaggedBy) {
        List<String> candidates = team.leads().isEmpty() ? List.of(team.watchedBy()) : team.leads();
        return candidates.stream().filter(id -> !id.equals(flaggedBy)).toList();
    }

    private void count(MetricName name, ShareSource source) {
        metrics.count(name, "source", source.name().toLowerCase(Locale.ROOT));
    }
}
