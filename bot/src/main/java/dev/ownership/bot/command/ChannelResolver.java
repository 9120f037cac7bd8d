package dev.ownership.bot.command;

import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.util.List;
import java.util.Objects;

/**
 * Turns a {@link ChannelRef} into a channel id: the current channel when none was named, the id when Slack
 * escaped the mention, or a known team's channel by name.
 *
 * <p>Thread-safe.
 */
final class ChannelResolver {
    private final TeamRepository teams;

    ChannelResolver(TeamRepository teams) {
        this.teams = Objects.requireNonNull(teams, "teams");
    }

    /** The channel id, or a {@link Resolved#error()} saying why none could be found. */
    Resolved resolve(ChannelRef ref, Invocation invocation) {
        if (ref.isCurrent()) {
            return Resolved.of(invocation.channelId());
        }
        if (ref.id() != null) {
            return Resolved.of(ref.id());
        }
        if (ref.name().equalsIgnoreCase(invocation.channelName())) {
            return Resolved.of(invocation.channelId());
        }
        List<Team> named = teams.watched().stream()
                .filter(team -> team.channelName().equalsIgnoreCase(ref.name()))
                .toList();
        if (named.size() == 1) {
            return Resolved.of(named.get(0).channelId());
        }
        return Resolved.failed("I couldn't find `#" + ref.name() + "`. Mention it as a link (type `#` and pick the "
                + "channel) so Slack sends me its id.");
    }

    /** A resolved channel id, or why it could not be resolved. */
    record Resolved(String channelId, String error) {
        static Resolved of(String channelId) {
            return new Resolved(channelId, null);
        }

        static Resolved failed(String error) {
            return new Resolved(null, error);
        }

        boolean ok() {
            return channelId != null;
        }
    }
}
