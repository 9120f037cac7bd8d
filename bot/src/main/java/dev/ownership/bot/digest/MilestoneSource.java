package dev.ownership.bot.digest;

import java.time.Instant;
import java.util.List;

/** The streak milestones a team's members reached in a period; implemented by the streak feature. */
@FunctionalInterface
public interface MilestoneSource {
    /** Milestones reached in {@code channelId}'s team in {@code [from, to)}, oldest first. */
    List<Digest.Milestone> reached(String channelId, Instant from, Instant to);
}
