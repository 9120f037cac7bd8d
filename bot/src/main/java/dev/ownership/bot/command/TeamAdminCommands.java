package dev.ownership.bot.command;

import dev.ownership.bot.introduction.Introductions;
import dev.ownership.bot.workspace.ChannelInfo;
import dev.ownership.bot.workspace.Person;
import dev.ownership.bot.workspace.Workspace;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** The admin commands that configure a team: watch, unwatch, leads, working days, hours, timezone, settings. */
final class TeamAdminCommands {
    private final TeamRepository teams;
    private final Workspace workspace;
    private final Clock clock;
    private final List<TeamSettingsSection> extraSettings;
    private final TeamListener listener;
    private final Introductions introductions;

    TeamAdminCommands(
            TeamRepository teams,
            Workspace workspace,
            Clock clock,
            List<TeamSettingsSection> extraSettings,
            TeamListener listener,
            Introductions introductions) {
        this.teams = Objects.requireNonNull(teams, "teams");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.extraSettings = List.copyOf(extraSettings);
        this.listener = Objects.requireNonNull(listener, "listener");
        this.introductions = Objects.requireNonNull(introductions, "introductions");
    }

    Reply watch(String channelId, Invocation invocation, boolean quiet) {
        if (channelId.startsWith("D")) {
            return Reply.info("I can only watch channels, not direct messages. Run `/ownership watch` in your "
                    + "standup channel, or name it: `/ownership watch #standup`.");
        }
        Optional<ChannelInfo> channel = workspace.channel(channelId);
        if (channel.isEmpty()) {
            return Reply.info("I can't see that channel. If it is private, invite me first: type "
                    + "`/invite @ownership` in it, then run `/ownership watch` there.");
        }
        ChannelInfo info = channel.get();
        if (!info.botIsMember()) {
            if (info.isPrivate()) {
                return Reply.info("#" + info.name() + " is private, so I can't join it by myself. Type "
                        + "`/invite @ownership` in it, then run `/ownership watch` there.");
            }
            if (!workspace.join(channelId)) {
                return Reply.info("I couldn't join #" + info.name() + ". Invite me with `/invite @ownership` in the "
                        + "channel, then try again.");
            }
        }
        ZoneId timezone =
                workspace.person(invocation.userId()).map(Person::timezone).orElse(ZoneId.of("UTC"));
        TeamRepository.WatchResult result = teams.watch(
                channelId, invocation.teamId(), info.name(), timezone, invocation.userId(), clock.instant());
        Team team = result.team();
        if (!result.newlyWatched()) {
            return Reply.info("I'm already watching #" + team.channelName() + ". `/ownership settings` shows how "
                    + "it is set up.");
        }
        listener.watched(channelId);
        String introduction;
        if (quiet) {
            introduction = "As you asked, I didn't introduce myself in the channel. People who join it from now on "
                    + "get a short private hello explaining what I do.";
        } else if (introductions.introduceChannel(channelId)) {
            introduction = "I've introduced myself in the channel: what I do, what stays private, what leads see "
                    + "and how to opt out.";
        } else {
            introduction = "I couldn't post my introduction in the channel; you may want to tell the team I'm here.";
        }
        return Reply.done("Now watching #" + team.channelName() + ". When someone posts a blocker without a next "
                + "step, I'll nudge them privately after a grace period, never in the channel. " + introduction
                + "\n"
                + "• Team timezone: " + team.timezone().getId() + " (change with `/ownership schedule timezone "
                + "AREA/CITY`)\n"
                + "• Working days and hours: " + DaysFormat.describe(team.workdays()) + ", " + team.workStart()
                + "–" + team.workEnd() + " in each person's own timezone\n"
                + "• Leads: " + leadsText(team) + " (set with `/ownership leads @a @b`)\n"
                + "`/ownership settings` shows everything.");
    }

    Reply unwatch(String channelId) {
        Optional<Team> team = teams.find(channelId);
        if (team.isEmpty() || !team.get().watched()) {
            return Reply.info("I'm not watching " + channelMention(channelId) + ", so there is nothing to stop.");
        }
        teams.unwatch(channelId);
        listener.changed(channelId);
        return Reply.done("Stopped watching #" + team.get().channelName() + ": no more nudges or prompts for it. "
                + "Its settings are kept if you `/ownership watch` it again.");
    }

    Reply leads(Command.Leads command, String channelId) {
        Optional<Team> team = watchedTeam(channelId);
        if (team.isEmpty()) {
            return notWatched(channelId);
        }
        List<String> ids = new ArrayList<>();
        for (UserRef user : command.leads()) {
            if (user.id() == null) {
                return Reply.info("I couldn't tell who `@" + user.name() + "` is. Mention people with `@` and pick "
                        + "them from the list so Slack sends me their ids.");
            }
            Optional<Person> person = workspace.person(user.id());
            if (person.isEmpty() || !person.get().isReachableHuman()) {
                return Reply.info("<@" + user.id() + "> can't be a lead: I can't find an active person with that "
                        + "id. Nothing changed.");
            }
            ids.add(user.id());
        }
        teams.setLeads(channelId, ids);
        Team updated = teams.find(channelId).orElseThrow();
        if (ids.isEmpty()) {
            return Reply.done("Cleared the leads of #" + updated.channelName() + ". Until you set new ones, the "
                    + "weekly digest goes to <@" + updated.watchedBy() + ">, who set up the team.");
        }
        return Reply.done("Leads of #" + updated.channelName() + ": " + leadsText(updated)
                + ". They get the weekly digest and the risks people flag.");
    }

    Reply workdays(Command.Workdays command, String channelId) {
        Optional<Team> team = watchedTeam(channelId);
        if (team.isEmpty()) {
            return notWatched(channelId);
        }
        teams.setWorkdays(channelId, command.days());
        listener.changed(channelId);
        return Reply.done("Working days of #" + team.get().channelName() + ": " + DaysFormat.describe(command.days())
                + ". Nudges and prompts wait for these days, in each person's own timezone.");
    }

    Reply hours(Command.Hours command, String channelId) {
        Optional<Team> team = watchedTeam(channelId);
        if (team.isEmpty()) {
            return notWatched(channelId);
        }
        teams.setHours(channelId, command.start(), command.end());
        return Reply.done("Working hours of #" + team.get().channelName() + ": " + command.start() + "–"
                + command.end() + " in each person's own timezone. Nudges that come up outside them wait until "
                + "the next working morning.");
    }

    Reply timezone(Command.Timezone command, String channelId) {
        Optional<Team> team = watchedTeam(channelId);
        if (team.isEmpty()) {
            return notWatched(channelId);
        }
        teams.setTimezone(channelId, command.zone());
        return Reply.done("Timezone of #" + team.get().channelName() + ": "
                + command.zone().getId() + ". It sets the team's weeks for streaks and the digest.");
    }

    Reply leaderboard(Command.Leaderboard command, String channelId) {
        Optional<Team> team = watchedTeam(channelId);
        if (team.isEmpty()) {
            return notWatched(channelId);
        }
        teams.setLeaderboard(channelId, command.enabled());
        return Reply.done(
                command.enabled()
                        ? "Turned the leaderboard on for #" + team.get().channelName()
                                + ": `/ownership team` now lists the streaks of the people who join it with "
                                + "`/ownership leaderboard join`. Nobody is listed without joining."
                        : "Turned the leaderboard off for #" + team.get().channelName() + ": `/ownership team` shows "
                                + "aggregates only.");
    }

    Reply settings(String channelId) {
        Optional<Team> found = teams.find(channelId);
        if (found.isEmpty()) {
            return notWatched(channelId);
        }
        Team team = found.get();
        StringBuilder text = new StringBuilder();
        text.append("*Settings of #")
                .append(team.channelName())
                .append("*")
                .append(team.watched() ? "" : " (not watched now: `/ownership watch` to resume)")
                .append("\n• Watched since ")
                .append(team.watchedAt().atZone(team.timezone()).toLocalDate())
                .append(", set up by <@")
                .append(team.watchedBy())
                .append(">")
                .append("\n• Timezone: ")
                .append(team.timezone().getId())
                .append("\n• Working days: ")
                .append(DaysFormat.describe(team.workdays()))
                .append("\n• Working hours: ")
                .append(team.workStart())
                .append("–")
                .append(team.workEnd())
                .append(" (each person's own timezone)")
                .append("\n• Leads: ")
                .append(leadsText(team));
        if (team.leads().isEmpty()) {
            text.append(" (the weekly digest goes to <@")
                    .append(team.watchedBy())
                    .append("> until leads are set)");
        }
        text.append("\n• Leaderboard: ").append(team.leaderboard() ? "on" : "off (aggregates only)");
        for (TeamSettingsSection section : extraSettings) {
            section.describe(team).ifPresent(line -> text.append("\n• ").append(line));
        }
        return Reply.info(text.toString());
    }

    private Optional<Team> watchedTeam(String channelId) {
        return teams.find(channelId).filter(Team::watched);
    }

    static Reply notWatched(String channelId) {
        return Reply.info("I'm not watching " + channelMention(channelId) + ". An admin can start with "
                + "`/ownership watch` in that channel.");
    }

    static String channelMention(String channelId) {
        return "<#" + channelId + ">";
    }

    private static String leadsText(Team team) {
        return team.leads().isEmpty()
                ? "none yet"
                : team.leads().stream().map(id -> "<@" + id + ">").collect(Collectors.joining(", "));
    }
}
