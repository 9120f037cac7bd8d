package dev.ownership.bot.ops;

/**
 * Every meter the bot registers, with its description, in one place: the names are what operators' dashboards and
 * alerts are built on. Rendered for Prometheus with underscores and, for counters, a
 * {@code _total} suffix ({@code ownership_nudges_sent_total}).
 */
public enum MetricName {
    REQUESTS("ownership.requests", "Slack requests received, by type and outcome"),
    ACK_LATENCY("ownership.ack.latency", "Time to acknowledge a Slack request"),
    SLACK_API_CALLS("ownership.slack.api.calls", "Slack Web API calls, by method and result"),
    EVENTS_DUPLICATES("ownership.events.duplicates", "Event deliveries ignored as already processed"),
    STANDUP_POSTS("ownership.standups.posts", "Standup posts seen, by label"),
    PROPOSALS("ownership.proposals", "Next steps added to blockers"),
    NUDGES_SENT("ownership.nudges.sent", "Nudges sent"),
    NUDGES_FAILED("ownership.nudges.failed", "Nudges that could not be delivered"),
    NUDGES_SUPPRESSED("ownership.nudges.suppressed", "Nudges not sent"),
    NUDGES_DISMISSED("ownership.nudges.dismissed", "Nudges answered with \"not a blocker\""),
    LONG_BLOCKERS("ownership.long_blockers", "Long-running blockers found, by kind"),
    LONG_BLOCKER_MESSAGES(
            "ownership.long_blockers.messages",
            "Messages about long-running blockers and unblocks, by kind (question, asked_lead, escalation, thanks)"),
    BLOCKERS_RESOLVED("ownership.blockers.resolved", "Blockers their authors resolved, by how"),
    UNBLOCKS("ownership.unblocks", "Helpers credited with unblocking someone"),
    PROMPTS_SENT("ownership.prompts.sent", "Prompts sent"),
    PROMPTS_FAILED("ownership.prompts.failed", "Prompts that could not be delivered"),
    PROMPTS_SUPPRESSED("ownership.prompts.suppressed", "Prompts not sent"),
    PROMPTS_ANSWERED("ownership.prompts.answered", "Prompts people answered"),
    PROMPTS_SKIPPED("ownership.prompts.skipped", "Prompts people skipped"),
    STANDUP_REMINDERS(
            "ownership.standup.reminders", "Reminders of the standup the bot runs, by outcome (sent or failed)"),
    LEARNINGS_SHARED("ownership.learnings.shared", "Learnings shared"),
    RISKS_FLAGGED("ownership.risks.flagged", "Risks flagged"),
    IMPACTS_NOTED("ownership.impacts.noted", "Impact notes written"),
    RISK_CHECKINS("ownership.risks.checkins", "Risk check-ins to authors, by outcome"),
    RISK_CHANGES("ownership.risks.changes", "Risk status changes in the register, by status"),
    MILESTONES_CELEBRATED("ownership.milestones.celebrated", "Streak milestones celebrated by DM"),
    MILESTONES_SKIPPED("ownership.milestones.skipped", "Streak milestones not celebrated by DM"),
    DIGESTS_SENT("ownership.digests.sent", "Weekly digests delivered"),
    DIGESTS_FAILED("ownership.digests.failed", "Weekly digests that could not be delivered"),
    INTRODUCTIONS("ownership.introductions", "Introductions posted in channels and sent to newcomers, by outcome"),
    FORGET_ME("ownership.forget_me", "People erased with forget-me"),
    RETENTION_DELETED("ownership.retention.deleted", "Rows deleted for being older than the retention period"),
    WORK_FAILURES("ownership.work.failures", "Background work that failed"),
    WORK_REJECTED("ownership.work.rejected", "Background work refused because the queue was full"),
    SLACK_ACCESS_REVOKED(
            "ownership.slack.access.revoked",
            "1 while Slack has revoked the bot's access (app uninstalled or token revoked), else 0"),
    SLACK_ACCESS_REVOCATIONS(
            "ownership.slack.access.revocations", "Times Slack revoked the bot's access while it ran, by reason"),
    TEAMS_UNWATCHED(
            "ownership.teams.unwatched", "Teams unwatched because their channel was archived or removed the bot");

    private final String key;
    private final String description;

    MetricName(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The meter's name as registered, e.g. {@code ownership.nudges.sent}. */
    public String key() {
        return key;
    }

    /** What the meter counts or times. */
    public String description() {
        return description;
    }
}
