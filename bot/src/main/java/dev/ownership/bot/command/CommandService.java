package dev.ownership.bot.command;

import dev.ownership.bot.digest.DigestService;
import dev.ownership.bot.introduction.Introductions;
import dev.ownership.bot.learning.LearningLibrary;
import dev.ownership.bot.pause.PersonalControls;
import dev.ownership.bot.prompt.PromptSchedules;
import dev.ownership.bot.prompt.Prompting;
import dev.ownership.bot.prompt.Sharing;
import dev.ownership.bot.workspace.Workspace;
import dev.ownership.storage.streak.LeaderboardOptInRepository;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out {@code /ownership} commands: parses the text, checks authorisation on the server, and answers
 * privately. A refused or malformed command changes nothing.
 *
 * <p>Thread-safe. May block on Slack lookups, so it runs after the command has been acknowledged.
 */
public final class CommandService {
    private static final Logger log = LoggerFactory.getLogger(CommandService.class);

    private final CommandParser parser = new CommandParser();
    private final Admins admins;
    private final ChannelResolver channels;
    private final TeamAdminCommands teamAdmin;
    private final PersonalCommands personal;
    private final DigestCommands digestCommands;
    private final ScheduleCommands schedules;
    private final SharingCommands sharing;
    private final ProgressCommands progress;
    private final AdminCommands adminCommands;
    private final TeamRepository teams;
    private final StandupCommands standups;
    private final RiskCommands risks;
    private final ReportCommands reports;
    private final BlockerCommands blockerCommands;
    private final LearningCommands learnings;

    public CommandService(
            TeamRepository teams,
            Workspace workspace,
            Admins admins,
            PersonalControls controls,
            LeaderboardOptInRepository optIns,
            Introductions introductions,
            DigestService digests,
            Clock clock,
            List<TeamSettingsSection> extraSettings,
            PromptSchedules promptSchedules,
            Sharing sharing,
            Prompting prompting,
            ProgressCommands progress,
            StandupCommands standups,
            RiskCommands risks,
            ReportCommands reports,
            BlockerCommands blockers,
            LearningLibrary library) {
        this.blockerCommands = Objects.requireNonNull(blockers, "blockers");
        this.admins = Objects.requireNonNull(admins, "admins");
        this.teams = Objects.requireNonNull(teams, "teams");
        this.adminCommands = new AdminCommands(admins, workspace);
        this.channels = new ChannelResolver(teams);
        this.schedules = new ScheduleCommands(teams, promptSchedules);
        this.teamAdmin = new TeamAdminCommands(teams, workspace, clock, extraSettings, schedules, introductions);
        this.personal = new PersonalCommands(controls, optIns, workspace, clock);
        this.digestCommands = new DigestCommands(teams, admins, digests);
        this.sharing = new SharingCommands(teams, admins, sharing, prompting);
        this.progress = Objects.requireNonNull(progress, "progress");
        this.standups = Objects.requireNonNull(standups, "standups");
        this.risks = Objects.requireNonNull(risks, "risks");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.learnings = new LearningCommands(library, channels);
    }

    /** Runs one command and returns the private answer. */
    public Reply handle(Invocation invocation) {
        Command command = parser.parse(invocation.text(), () -> personal.today(invocation.userId()));
        if (command instanceof Command.Invalid invalid) {
            return Reply.info(invalid.message());
        }
        if (command.workspaceAdminOnly() && !admins.isWorkspaceAdmin(invocation.userId())) {
            log.info("Refused a workspace admin command from {}", invocation.userId());
            return Reply.info(Refusals.workspaceAdminsOnly());
        }
        return dispatch(command, invocation);
    }

    private Reply dispatch(Command command, Invocation invocation) {
        if (command instanceof Command.Help) {
            return Reply.info(HelpText.forPerson(audience(invocation.userId())));
        }
        if (command instanceof Command.Nudges nudges) {
            return personal.nudges(invocation.userId(), nudges.on());
        }
        if (command instanceof Command.Prompts prompts) {
            return personal.prompts(invocation.userId(), prompts.on());
        }
        if (command instanceof Command.LeaderboardChoice choice) {
            return personal.leaderboard(invocation.userId(), choice.join());
        }
        if (command instanceof Command.AdminsList) {
            return adminCommands.list(invocation.userId());
        }
        if (command instanceof Command.AdminsChange change) {
            return adminCommands.change(change, invocation.userId());
        }
        if (command instanceof Command.Pause pause) {
            return personal.pause(invocation.userId(), pause.until());
        }
        if (command instanceof Command.Resume) {
            return personal.resume(invocation.userId());
        }
        if (command instanceof Command.Digest digest) {
            return inChannel(
                    digest, digest.channel(), invocation, id -> digestCommands.preview(invocation.userId(), id));
        }
        if (command instanceof Command.Me) {
            return progress.me(invocation.userId());
        }
        if (command instanceof Command.Team team) {
            return inChannel(team, team.channel(), invocation, progress::team);
        }
        if (command instanceof Command.ForgetMe) {
            return personal.forgetMe();
        }
        if (command instanceof Command.Watch watch) {
            return inChannel(watch, watch.channel(), invocation, id -> teamAdmin.watch(id, invocation, watch.quiet()));
        }
        if (command instanceof Command.Unwatch unwatch) {
            return inChannel(unwatch, unwatch.channel(), invocation, teamAdmin::unwatch);
        }
        if (command instanceof Command.Leads leads) {
            return inChannel(leads, leads.channel(), invocation, id -> teamAdmin.leads(leads, id));
        }
        if (command instanceof Command.Workdays days) {
            return inChannel(days, days.channel(), invocation, id -> teamAdmin.workdays(days, id));
        }
        if (command instanceof Command.Hours hours) {
            return inChannel(hours, hours.channel(), invocation, id -> teamAdmin.hours(hours, id));
        }
        if (command instanceof Command.Timezone zone) {
            return inChannel(zone, zone.channel(), invocation, id -> teamAdmin.timezone(zone, id));
        }
        if (command instanceof Command.Leaderboard board) {
            return inChannel(board, board.channel(), invocation, id -> teamAdmin.leaderboard(board, id));
        }
        if (command instanceof Command.Settings settings) {
            return inChannel(settings, settings.channel(), invocation, teamAdmin::settings);
        }
        if (command instanceof Command.Schedule schedule) {
            return inChannel(schedule, schedule.channel(), invocation, id -> schedules.schedule(schedule, id));
        }
        if (command instanceof Command.ScheduleOff off) {
            return inChannel(off, off.channel(), invocation, id -> schedules.off(off, id));
        }
        if (command instanceof Command.Learned learned) {
            return sharing.learned(learned, invocation);
        }
        if (command instanceof Command.Risk risk) {
            return sharing.risk(risk, invocation);
        }
        if (command instanceof Command.SendPrompt prompt) {
            return inChannel(prompt, prompt.channel(), invocation, id -> sharing.prompt(prompt, id, invocation));
        }
        if (command instanceof Command.ScheduleStandup standup) {
            return inChannel(standup, standup.channel(), invocation, id -> standups.schedule(standup, id));
        }
        if (command instanceof Command.StandupOff off) {
            return inChannel(off, off.channel(), invocation, id -> standups.off(off, id));
        }
        if (command instanceof Command.StandupReminder reminder) {
            return inChannel(reminder, reminder.channel(), invocation, id -> standups.reminder(reminder, id));
        }
        if (command instanceof Command.StandupQuestions questions) {
            return inChannel(questions, questions.channel(), invocation, id -> standups.questions(questions, id));
        }
        if (command instanceof Command.Risks register) {
            return inChannel(register, register.channel(), invocation, id -> risks.risks(register, id, invocation));
        }
        if (command instanceof Command.RiskFollowup followup) {
            return inChannel(followup, followup.channel(), invocation, id -> risks.followup(followup, id));
        }
        if (command instanceof Command.ReportsFrom from) {
            return inChannel(from, from.channel(), invocation, id -> reports.from(from, id));
        }
        if (command instanceof Command.ReportsOff off) {
            return inChannel(off, off.channel(), invocation, reports::off);
        }
        if (command instanceof Command.Escalation escalation) {
            return inChannel(
                    escalation, escalation.channel(), invocation, id -> blockerCommands.escalation(escalation, id));
        }
        if (command instanceof Command.LongBlockerDays days) {
            return inChannel(days, days.channel(), invocation, id -> blockerCommands.longAfter(days, id));
        }
        if (command instanceof Command.Learnings search) {
            return learnings.search(search, invocation);
        }
        // Every kind of command is handled above; a new one added to Command without a branch here is a bug.
        throw new IllegalStateException("No handler for " + command.getClass().getSimpleName());
    }

    private Reply inChannel(
            Command command, ChannelRef ref, Invocation invocation, java.util.function.Function<String, Reply> action) {
        ChannelResolver.Resolved resolved = channels.resolve(ref, invocation);
        if (!resolved.ok()) {
            return Reply.info(resolved.error());
        }
        if (command.adminOnly()) {
            Optional<String> refusal = refusal(invocation.userId(), resolved.channelId());
            if (refusal.isPresent()) {
                log.info(
                        "Refused {} on {} from {}",
                        command.getClass().getSimpleName(),
                        resolved.channelId(),
                        invocation.userId());
                return Reply.info(refusal.get());
            }
        }
        return action.apply(resolved.channelId());
    }

    /** Why {@code userId} may not configure the team of {@code channelId}, or empty when they may. */
    private Optional<String> refusal(String userId, String channelId) {
        Optional<Team> team = teams.find(channelId);
        if (team.isPresent()) {
            return admins.mayConfigure(userId, team.get())
                    ? Optional.empty()
                    : Optional.of(Refusals.teamAdminsOnly(team.get(), admins.named()));
        }
        return admins.isAdmin(userId) ? Optional.empty() : Optional.of(Refusals.newTeam(admins.named()));
    }

    /** Which parts of the help apply to {@code userId}. */
    private HelpText.Audience audience(String userId) {
        boolean workspaceAdmin = admins.isWorkspaceAdmin(userId);
        boolean admin = workspaceAdmin || admins.isAdmin(userId);
        boolean teamAdmin = admin || teams.watched().stream().anyMatch(team -> Admins.isTeamAdmin(userId, team));
        return new HelpText.Audience(teamAdmin, admin, workspaceAdmin);
    }
}
