package dev.ownership.bot;

import com.slack.api.bolt.App;
import dev.ownership.bot.blocker.BlockerSlackInteractions;
import dev.ownership.bot.blocker.BlockerSlackListener;
import dev.ownership.bot.blocker.BlockerSlackMessenger;
import dev.ownership.bot.blocker.LongBlockers;
import dev.ownership.bot.blocker.UnblockSummary;
import dev.ownership.bot.blocker.Unblockers;
import dev.ownership.bot.command.Admins;
import dev.ownership.bot.command.BlockerCommands;
import dev.ownership.bot.command.CommandService;
import dev.ownership.bot.command.CommandSlackListener;
import dev.ownership.bot.command.ProgressCommands;
import dev.ownership.bot.command.ReportCommands;
import dev.ownership.bot.command.RiskCommands;
import dev.ownership.bot.command.ScheduleSettings;
import dev.ownership.bot.command.StandupCommands;
import dev.ownership.bot.config.Config;
import dev.ownership.bot.detection.BlockerDetector;
import dev.ownership.bot.digest.Digest;
import dev.ownership.bot.digest.DigestComposer;
import dev.ownership.bot.digest.DigestPreviews;
import dev.ownership.bot.digest.DigestService;
import dev.ownership.bot.digest.DigestSlackMessenger;
import dev.ownership.bot.digest.MilestoneSource;
import dev.ownership.bot.digest.RegisterSource;
import dev.ownership.bot.home.HomeActions;
import dev.ownership.bot.home.HomeService;
import dev.ownership.bot.home.HomeSlackInteractions;
import dev.ownership.bot.home.HomeSlackMessenger;
import dev.ownership.bot.home.ServiceSharing;
import dev.ownership.bot.http.WebServer;
import dev.ownership.bot.installation.ChannelLoss;
import dev.ownership.bot.installation.Installation;
import dev.ownership.bot.installation.InstallationSlackListener;
import dev.ownership.bot.introduction.IntroductionSlackMessenger;
import dev.ownership.bot.introduction.Introductions;
import dev.ownership.bot.learning.LearningLibrary;
import dev.ownership.bot.learning.LearningSlackInteractions;
import dev.ownership.bot.learning.LearningSlackLinks;
import dev.ownership.bot.nudge.NudgeActions;
import dev.ownership.bot.nudge.NudgeDelivery;
import dev.ownership.bot.nudge.NudgeSlackInteractions;
import dev.ownership.bot.nudge.NudgeSlackMessenger;
import dev.ownership.bot.nudge.StandupBotSlackDirectory;
import dev.ownership.bot.nudge.StandupBots;
import dev.ownership.bot.nudge.StandupReports;
import dev.ownership.bot.nudge.StandupService;
import dev.ownership.bot.nudge.StandupSlackListener;
import dev.ownership.bot.ops.Metrics;
import dev.ownership.bot.ops.SlackAccess;
import dev.ownership.bot.pause.Pauses;
import dev.ownership.bot.pause.PersonalControls;
import dev.ownership.bot.privacy.ForgetMe;
import dev.ownership.bot.privacy.PrivacySlackInteractions;
import dev.ownership.bot.privacy.RetentionService;
import dev.ownership.bot.prompt.MembershipSlackListener;
import dev.ownership.bot.prompt.PromptActions;
import dev.ownership.bot.prompt.PromptSchedules;
import dev.ownership.bot.prompt.PromptSender;
import dev.ownership.bot.prompt.PromptSlackInteractions;
import dev.ownership.bot.prompt.PromptSlackMessenger;
import dev.ownership.bot.prompt.Prompting;
import dev.ownership.bot.prompt.Sharing;
import dev.ownership.bot.prompt.StandupActions;
import dev.ownership.bot.prompt.StandupPlan;
import dev.ownership.bot.prompt.StandupReminders;
import dev.ownership.bot.prompt.StandupSlackInteractions;
import dev.ownership.bot.prompt.StandupSlackMessenger;
import dev.ownership.bot.prompt.TeamMembership;
import dev.ownership.bot.risk.RiskCheckins;
import dev.ownership.bot.risk.RiskRegister;
import dev.ownership.bot.risk.RiskSlackInteractions;
import dev.ownership.bot.risk.RiskSlackMessenger;
import dev.ownership.bot.slack.BackgroundWork;
import dev.ownership.bot.slack.SlackApi;
import dev.ownership.bot.slack.SlackApps;
import dev.ownership.bot.slack.SlackEventsServlet;
import dev.ownership.bot.slack.SocketModeConnection;
import dev.ownership.bot.streak.Celebrations;
import dev.ownership.bot.streak.Leaderboard;
import dev.ownership.bot.streak.ProgressRefresher;
import dev.ownership.bot.streak.StreakService;
import dev.ownership.bot.workspace.SlackWorkspace;
import dev.ownership.bot.workspace.WorkspaceSlackListener;
import dev.ownership.scheduler.OwnershipScheduler;
import dev.ownership.scheduler.PromptTimetable;
import dev.ownership.scheduler.PromptWork;
import dev.ownership.storage.Database;
import dev.ownership.storage.ProcessedEventRepository;
import dev.ownership.storage.blocker.LongBlockerRepository;
import dev.ownership.storage.blocker.UnblockRepository;
import dev.ownership.storage.digest.DigestRepository;
import dev.ownership.storage.installation.RevocationRepository;
import dev.ownership.storage.learning.LearningLibraryRepository;
import dev.ownership.storage.nudge.ReportBotRepository;
import dev.ownership.storage.nudge.StandupRepository;
import dev.ownership.storage.pause.PauseRepository;
import dev.ownership.storage.pause.PersonalControlRepository;
import dev.ownership.storage.privacy.ErasureRepository;
import dev.ownership.storage.privacy.RetentionRepository;
import dev.ownership.storage.prompt.ImpactRepository;
import dev.ownership.storage.prompt.LearningRepository;
import dev.ownership.storage.prompt.PromptDeliveryRepository;
import dev.ownership.storage.prompt.PromptFanOutRepository;
import dev.ownership.storage.prompt.RiskRepository;
import dev.ownership.storage.prompt.ScheduleRepository;
import dev.ownership.storage.prompt.StandupDayRepository;
import dev.ownership.storage.prompt.StandupSettingsRepository;
import dev.ownership.storage.risk.RegisterEntry;
import dev.ownership.storage.risk.RiskRegisterRepository;
import dev.ownership.storage.streak.ActivityRepository;
import dev.ownership.storage.streak.LeaderboardOptInRepository;
import dev.ownership.storage.streak.MilestoneRepository;
import dev.ownership.storage.workspace.AdminRepository;
import dev.ownership.storage.workspace.IntroductionRepository;
import dev.ownership.storage.workspace.MemberRepository;
import dev.ownership.storage.workspace.TeamRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole bot, built with {@code new} from its configuration into one immutable object graph: database, Slack
 * edge, scheduler and HTTP server.
 *
 * <p>Its components with a lifecycle are started in order by {@link #start} and stopped in reverse by {@link #close}:
 * no new requests (HTTP, Socket Mode), in-flight work finished, Quartz stopped, database closed. A start-up that fails
 * part-way stops what it had started.
 */
public final class Application implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Application.class);
    private static final Duration PROCESSED_EVENTS_KEPT = Duration.ofDays(7);

    private final Database database;
    private final OwnershipScheduler scheduler;
    private final WebServer webServer;
    private final Runnable maintenance;
    private final WorkProbe probe;
    private final Lifecycle lifecycle;
    private volatile boolean stopping;

    /** Starts the bot with production options. */
    public static Application start(Config config, Clock clock) {
        return start(config, clock, Options.defaults());
    }

    /** Starts the bot; the options let tests and the demo tick faster and retry sooner. */
    public static Application start(Config config, Clock clock, Options options) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(options, "options");
        Metrics metrics = new Metrics();
        SlackAccess access = new SlackAccess();
        // Opening the database (Flyway checking the migrations) is the slowest step of start-up and needs nothing
        // else, so it runs beside the detector and the Web API client, which need nothing of it.
        CompletableFuture<Database> opening =
                CompletableFuture.supplyAsync(() -> Database.open(config.database()), runnable -> {
                    Thread thread = new Thread(runnable, "ownership-db-open");
                    thread.setDaemon(true);
                    thread.start();
                });
        BlockerDetector detector;
        SlackApi api;
        Database database;
        try {
            detector = BlockerDetector.fromEnvironment(options.environment());
            api = new SlackApi(
                    config.apiUrl(),
                    config.botToken(),
                    metrics,
                    access,
                    options.retryBackoff(),
                    options.slackTimeout());
        } finally {
            database = opened(opening);
        }
        Application application;
        try {
            application = new Application(config, clock, options, metrics, access, detector, api, database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        application.lifecycle.start();
        log.info("Ownership is up ({} mode) on port {}", config.socketMode() ? "Socket" : "HTTP", application.port());
        return application;
    }

    /** The HTTP port actually bound. */
    public int port() {
        return webServer.port();
    }

    /**
     * Whether the database and the scheduler are up and the bot is not stopping. Still true once Slack has revoked the
     * bot's access: the process is fine and restarting it would not help ({@code /healthz} says so in its body).
     */
    public boolean healthy() {
        return !stopping && scheduler.isRunning() && database.isHealthy();
    }

    /** The database, for operations such as {@code backup}. */
    public Database database() {
        return database;
    }

    /** What the demo, tests and benchmarks wait on instead of sleeping. */
    public WorkProbe probe() {
        return probe;
    }

    /** The database once open; a failure to open it is thrown as it was. */
    private static Database opened(CompletableFuture<Database> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private Application(
            Config config,
            Clock clock,
            Options options,
            Metrics metrics,
            SlackAccess access,
            BlockerDetector detector,
            SlackApi api,
            Database database) {
        this.database = database;
        TeamRepository teams = new TeamRepository(database);
        ProcessedEventRepository processed = new ProcessedEventRepository(database);
        StandupRepository standupPosts = new StandupRepository(database);
        LongBlockerRepository longBlockerRecords = new LongBlockerRepository(database);
        UnblockRepository unblockRecords = new UnblockRepository(database);
        UnblockSummary unblockSummary = new UnblockSummary(unblockRecords, clock);
        PauseRepository pauseRepository = new PauseRepository(database);
        Pauses pauses = new Pauses(pauseRepository, clock);
        PersonalControls controls = new PersonalControls(pauses, new PersonalControlRepository(database), clock);
        DigestSlackMessenger digestMessenger = new DigestSlackMessenger(api);
        DigestRepository digestRecords = new DigestRepository(database);
        RiskRegisterRepository riskEntries = new RiskRegisterRepository(database);
        DigestComposer digestComposer = new DigestComposer(
                standupPosts,
                digestRecords,
                milestonesFrom(digestRecords),
                registerFrom(riskEntries, clock),
                clock,
                longBlockerRecords,
                unblockRecords);
        DigestService digests =
                new DigestService(teams, digestRecords, digestComposer, digestMessenger, clock, metrics);
        SlackWorkspace workspace = new SlackWorkspace(api, clock);
        Admins admins = new Admins(config.admins(), new AdminRepository(database), workspace, clock);
        BackgroundWork work = new BackgroundWork(options.workerThreads(), 10_000, metrics);
        PromptParts prompts =
                wirePrompts(database, teams, controls, api, workspace, work, clock, metrics, access::isRevoked);
        Introductions introductions = new Introductions(
                teams,
                new IntroductionRepository(database),
                workspace,
                new IntroductionSlackMessenger(api),
                clock,
                metrics);

        StreakService streaks =
                new StreakService(teams, new ActivityRepository(database), pauseRepository, config.nudgeGrace(), clock);
        LeaderboardOptInRepository optIns = new LeaderboardOptInRepository(database);
        HomeSlackMessenger homeMessenger = new HomeSlackMessenger(api);
        Celebrations celebrations =
                new Celebrations(new MilestoneRepository(database), pauses, workspace, homeMessenger, clock, metrics);
        LearningLibrary learnings = new LearningLibrary(
                new LearningLibraryRepository(database),
                teams,
                new MemberRepository(database),
                new LearningSlackLinks(api));
        HomeService home = new HomeService(
                streaks,
                celebrations,
                controls,
                teams,
                optIns,
                workspace,
                homeMessenger,
                clock,
                learnings,
                unblockSummary::line);
        ProgressRefresher homeRefresher = userId -> work.submit("home.refresh", () -> home.refresh(userId));
        ProgressCommands progress = new ProgressCommands(
                streaks,
                new Leaderboard(streaks, optIns, pauses, workspace),
                teams,
                pauses,
                workspace,
                clock,
                unblockSummary::line);
        BlockerCommands blockerCommands = new BlockerCommands(teams, longBlockerRecords, clock);
        StandupCommands standupCommands = new StandupCommands(teams, prompts.schedules(), prompts.standupPlan());
        RiskSlackMessenger riskMessenger = new RiskSlackMessenger(api);
        RiskRegister riskRegister =
                new RiskRegister(riskEntries, teams, admins::mayConfigure, riskMessenger, clock, metrics);
        RiskCheckins riskCheckins =
                new RiskCheckins(riskEntries, teams, workspace, controls, riskMessenger, clock, metrics);
        RiskCommands riskCommands = new RiskCommands(teams, riskRegister);
        // Who the bot itself is is known once Slack has answered auth.test, below; only a command reads it.
        AtomicReference<String> ownBotUserId = new AtomicReference<>("");
        ReportBotRepository reportBots = new ReportBotRepository(database);
        ReportCommands reportCommands = new ReportCommands(
                teams, new StandupBots(reportBots, new StandupBotSlackDirectory(api), ownBotUserId::get, clock));
        CommandService commands = new CommandService(
                teams,
                workspace,
                admins,
                controls,
                optIns,
                introductions,
                digests,
                clock,
                List.of(
                        new ScheduleSettings(prompts.schedules()),
                        standupCommands,
                        riskCommands.settings(),
                        reportCommands,
                        blockerCommands),
                prompts.schedules(),
                prompts.sharing(),
                prompts.prompting(),
                progress,
                standupCommands,
                riskCommands,
                reportCommands,
                blockerCommands,
                learnings);
        HomeActions homeActions = new HomeActions(
                home,
                streaks,
                new ServiceSharing(prompts.sharing(), teams),
                new DigestPreviews(teams, admins::isAdmin, digests, digestMessenger)::preview,
                controls,
                optIns,
                teams,
                workspace,
                clock);
        ForgetMe forgetMe = new ForgetMe(new ErasureRepository(database), workspace, clock, metrics);
        RetentionService retention =
                new RetentionService(new RetentionRepository(database), config.retention(), clock, metrics);

        BlockerSlackMessenger blockerMessenger = new BlockerSlackMessenger(api);
        LongBlockers longBlockers =
                new LongBlockers(longBlockerRecords, teams, workspace, controls, blockerMessenger, clock, metrics);
        Unblockers unblockers = new Unblockers(
                unblockRecords,
                standupPosts,
                teams,
                workspace,
                pauses,
                blockerMessenger,
                homeRefresher,
                clock,
                metrics);
        NudgeSlackMessenger nudgeMessenger = new NudgeSlackMessenger(api);
        StandupService standups = new StandupService(
                teams, standupPosts, detector, config.nudgeGrace(), clock, metrics, homeRefresher, unblockers);
        NudgeDelivery nudges = new NudgeDelivery(
                standupPosts, teams, workspace, controls, nudgeMessenger, config.nudgeDailyLimit(), clock, metrics);
        NudgeActions nudgeActions = new NudgeActions(
                standupPosts, nudgeMessenger, controls, workspace, clock, metrics, homeRefresher, unblockers);
        StandupParts standupRun = wireStandup(database, teams, controls, prompts, standups, api, clock, metrics);

        RevocationRepository revocations = new RevocationRepository(database);
        Installation installation = new Installation(revocations, access, metrics, clock, config.botToken());
        SlackApps slackApps = new SlackApps(config, api, metrics, processed, clock);
        String botUserId = authenticate(slackApps, installation);
        ownBotUserId.set(botUserId);
        StandupReports reports = new StandupReports(teams, reportBots, standupPosts, workspace, standups);
        installation.restore();
        InstallationSlackListener installationListener = new InstallationSlackListener(
                installation, new ChannelLoss(teams, prompts.schedules(), homeMessenger::dm, metrics), work, botUserId);
        App app = slackApps.build(List.of(
                new CommandSlackListener(commands, api, work, digestMessenger, homeRefresher),
                new WorkspaceSlackListener(
                        workspace,
                        userId -> work.submit("workspace.profile-changed", () -> prompts.membership()
                                .personChanged(userId))),
                new StandupSlackListener(standups, reports, work, botUserId),
                new NudgeSlackInteractions(nudgeActions, api, work),
                new BlockerSlackInteractions(longBlockers, api, work),
                new BlockerSlackListener(unblockers),
                new PromptSlackInteractions(prompts.actions(), api, work, homeRefresher),
                new StandupSlackInteractions(standupRun.actions(), prompts.actions(), api, work, homeRefresher),
                new MembershipSlackListener(
                        prompts.membership(), introductions::welcome, work, botUserId, installationListener::botLeft),
                installationListener,
                new HomeSlackInteractions(home, homeActions, api, work),
                new PrivacySlackInteractions(forgetMe, homeRefresher, api, work),
                new RiskSlackInteractions(riskRegister, api, work),
                new LearningSlackInteractions(learnings, api, work)));

        maintenance = () -> {
            processed.pruneBefore(clock.instant().minus(PROCESSED_EVENTS_KEPT));
            retention.prune();
        };
        // The edge is built before Quartz, whose threads exist from its construction on: a failure here leaks none.
        SocketModeConnection socketMode = null;
        if (config.socketMode()) {
            webServer = new WebServer(config.port(), null, this::healthy, access, metrics);
            socketMode = new SocketModeConnection(config.appToken(), app);
        } else {
            webServer = new WebServer(
                    config.port(),
                    new SlackEventsServlet(app, config.signingSecret(), metrics),
                    this::healthy,
                    access,
                    metrics);
        }
        DuePasses duePasses = new DuePasses();
        PromptWork scheduledPrompts = unlessRevoked(prompts.prompting(), access);
        scheduler = new OwnershipScheduler(
                () -> duePasses.run(() -> {
                    // Paused with the rest of Quartz once access is revoked; this covers a tick already under way.
                    if (!access.isRevoked()) {
                        nudges.deliverDue();
                        digests.deliverDue();
                        standupRun.reminders().deliverDue();
                        riskCheckins.deliverDue();
                        longBlockers.deliverDue();
                        unblockers.deliverDue();
                    }
                }),
                this::runDailyMaintenance,
                options.tick(),
                LocalTime.of(3, 0),
                ZoneOffset.UTC);
        probe = new Probe(duePasses, work, scheduledPrompts);

        List<Managed> components = new ArrayList<>();
        components.add(Managed.of("database", Managed.Step.NOTHING, database::close));
        components.add(Managed.of(
                "start-up recovery",
                () -> {
                    nudges.recoverInterrupted();
                    riskCheckins.recoverInterrupted();
                    longBlockers.recoverInterrupted();
                    unblockers.recoverInterrupted();
                    prompts.schedules().addMissingDefaults(teams.watched());
                },
                Managed.Step.NOTHING));
        components.add(Managed.of(
                "scheduler",
                () -> {
                    scheduler.schedulePrompts(prompts.timetable(), scheduledPrompts);
                    scheduler.start();
                    access.whenRevoked(scheduler::pauseAllButMaintenance);
                },
                scheduler::close));
        components.add(
                Managed.of("background work", Managed.Step.NOTHING, () -> work.shutdown(Duration.ofSeconds(20))));
        components.add(Managed.of("web server", webServer::start, webServer::close));
        if (socketMode != null) {
            components.add(Managed.of("Socket Mode", socketMode::start, socketMode::close));
        }
        lifecycle = new Lifecycle(components);
    }

    /**
     * Confirms the bot token with Slack; a refusal that Slack had announced (app uninstalled, token revoked) says so.
     *
     * @return the bot's own user id
     */
    private static String authenticate(SlackApps slackApps, Installation installation) {
        try {
            return slackApps.authenticate();
        } catch (IllegalStateException refused) {
            Optional<String> why = installation.explainRefusedToken();
            if (why.isPresent()) {
                throw new IllegalStateException(refused.getMessage() + ". " + why.get(), refused);
            }
            throw refused;
        }
    }

    /**
     * The scheduled prompt work, skipped once Slack has revoked the bot's access: Quartz is paused then, and this
     * covers a trigger that fires meanwhile.
     */
    private static PromptWork unlessRevoked(PromptWork work, SlackAccess access) {
        return new PromptWork() {
            @Override
            public void sendDue(String channelId, String kind, ZoneId zone, Instant scheduledAt) {
                if (!access.isRevoked()) {
                    work.sendDue(channelId, kind, zone, scheduledAt);
                }
            }

            @Override
            public void catchUp() {
                if (!access.isRevoked()) {
                    work.catchUp();
                }
            }

            @Override
            public void refreshMembers() {
                if (!access.isRevoked()) {
                    work.refreshMembers();
                }
            }
        };
    }

    /** The prompts and what people share: schedules, team members, fan-out, answers. */
    private static PromptParts wirePrompts(
            Database database,
            TeamRepository teams,
            PersonalControls controls,
            SlackApi api,
            SlackWorkspace workspace,
            BackgroundWork work,
            Clock clock,
            Metrics metrics,
            BooleanSupplier halted) {
        ScheduleRepository schedules = new ScheduleRepository(database);
        MemberRepository members = new MemberRepository(database);
        PromptDeliveryRepository deliveries = new PromptDeliveryRepository(database);
        PromptTimetable timetable = new PromptTimetable(schedules);
        PromptSlackMessenger messenger = new PromptSlackMessenger(api);
        Executor background = task -> {
            if (!work.submit("prompts", task)) {
                throw new RejectedExecutionException("The background queue is full or the bot is stopping");
            }
        };
        TeamMembership membership = new TeamMembership(teams, members, workspace, timetable, clock);
        PromptSchedules promptSchedules = new PromptSchedules(schedules, members, membership, timetable, background);
        Sharing sharing = new Sharing(
                teams,
                members,
                new LearningRepository(database),
                new RiskRepository(database),
                new ImpactRepository(database),
                messenger,
                clock,
                metrics);
        StandupPlan standupPlan = new StandupPlan(new StandupSettingsRepository(database));
        PromptSender sender =
                new PromptSender(deliveries, controls, messenger, clock, metrics, standupPlan::questions, halted);
        Prompting prompts = new Prompting(
                teams, schedules, members, membership, sender, new PromptFanOutRepository(database), background, clock);
        PromptActions actions = new PromptActions(deliveries, teams, sharing, messenger, clock, metrics);
        return new PromptParts(timetable, membership, promptSchedules, sharing, prompts, actions, standupPlan);
    }

    /** The standup the bot runs for teams that have none: answers, edits, skips and reminders. */
    private static StandupParts wireStandup(
            Database database,
            TeamRepository teams,
            PersonalControls controls,
            PromptParts prompts,
            StandupService standups,
            SlackApi api,
            Clock clock,
            Metrics metrics) {
        PromptDeliveryRepository deliveries = new PromptDeliveryRepository(database);
        StandupDayRepository days = new StandupDayRepository(database);
        StandupSlackMessenger messenger = new StandupSlackMessenger(api);
        StandupActions actions = new StandupActions(
                deliveries,
                days,
                teams,
                new MemberRepository(database),
                prompts.standupPlan(),
                standups,
                messenger,
                clock,
                metrics);
        StandupReminders reminders = new StandupReminders(
                deliveries,
                days,
                new ScheduleRepository(database),
                teams,
                prompts.standupPlan(),
                actions,
                controls,
                messenger,
                clock,
                metrics);
        return new StandupParts(actions, reminders);
    }

    /** The streak milestones the digest lists, as the streak feature recorded them. */
    private static MilestoneSource milestonesFrom(DigestRepository records) {
        return (channel, from, to) -> records.milestones(channel, from, to).stream()
                .map(reached -> new Digest.Milestone(
                        reached.userId(), reached.streak().replace('_', '-'), reached.value(), reached.reachedAt()))
                .toList();
    }

    /** The risk register as the digest lists it: open risks now, with their age, and those closed in the week. */
    private static RegisterSource registerFrom(RiskRegisterRepository entries, Clock clock) {
        return (channelId, from, to) -> {
            Instant now = clock.instant();
            int followupDays = entries.followupDays(channelId);
            return new Digest.Register(
                    entries.liveIn(channelId).stream()
                            .map(entry -> registerRisk(entry, now, RiskRegister.isAgeing(entry, followupDays, now)))
                            .toList(),
                    entries.closedIn(channelId, from, to).stream()
                            .map(entry -> registerRisk(entry, now, false))
                            .toList());
        };
    }

    private static Digest.RegisterRisk registerRisk(RegisterEntry entry, Instant now, boolean ageing) {
        return new Digest.RegisterRisk(
                entry.userId(),
                entry.text(),
                entry.status().word(),
                entry.openedAt(),
                entry.statusAt(),
                Duration.between(entry.openedAt(), now).toDays(),
                ageing);
    }

    /**
     * Runs the daily maintenance now: prunes processed event ids and deletes records older than the retention
     * period. The scheduler runs it every day at 03:00 UTC; operators and tests may run it at any time.
     */
    public void runDailyMaintenance() {
        maintenance.run();
    }

    /** Stops gracefully, in reverse order of start: HTTP and Socket Mode, background work, Quartz, the database. */
    @Override
    public synchronized void close() {
        if (stopping) {
            return;
        }
        stopping = true;
        lifecycle.stop();
        log.info("Ownership stopped");
    }

    /** The probe over the due passes, the background queue and the prompt work. */
    private record Probe(DuePasses duePasses, BackgroundWork work, PromptWork prompts) implements WorkProbe {
        @Override
        public void awaitDueWorkPass(Duration timeout) {
            duePasses.awaitNext(timeout);
        }

        @Override
        public void awaitBackgroundWork(Duration timeout) {
            work.awaitIdle(timeout);
        }
    }

    private record PromptParts(
            PromptTimetable timetable,
            TeamMembership membership,
            PromptSchedules schedules,
            Sharing sharing,
            Prompting prompting,
            PromptActions actions,
            StandupPlan standupPlan) {}

    private record StandupParts(StandupActions actions, StandupReminders reminders) {}

    /**
     * Knobs that differ between production, the demo and tests.
     *
     * @param tick how often due work (nudges, held messages) is looked for
     * @param retryBackoff the first wait after a Slack 5xx or network error
     * @param workerThreads threads for work done after an ack
     * @param environment the process environment, for optional settings such as the detector's lexicon
     * @param slackTimeout how long a Web API call may take before it counts as failed
     */
    public record Options(
            Duration tick,
            Duration retryBackoff,
            int workerThreads,
            Map<String, String> environment,
            Duration slackTimeout) {
        public static final Duration DEFAULT_SLACK_TIMEOUT = Duration.ofSeconds(15);

        public Options {
            environment = Map.copyOf(environment);
        }

        public Options(Duration tick, Duration retryBackoff, int workerThreads, Map<String, String> environment) {
            this(tick, retryBackoff, workerThreads, environment, DEFAULT_SLACK_TIMEOUT);
        }

        public static Options defaults() {
            return new Options(Duration.ofSeconds(15), Duration.ofSeconds(1), 4, System.getenv());
        }

        public Options withTick(Duration newTick) {
            return new Options(newTick, retryBackoff, workerThreads, environment, slackTimeout);
        }

        public Options withRetryBackoff(Duration newBackoff) {
            return new Options(tick, newBackoff, workerThreads, environment, slackTimeout);
        }

        public Options withSlackTimeout(Duration newTimeout) {
            return new Options(tick, retryBackoff, workerThreads, environment, newTimeout);
        }
    }
}
