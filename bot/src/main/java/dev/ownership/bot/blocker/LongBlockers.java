package dev.ownership.bot.blocker;

import dev.ownership.bot.nudge.NudgeMessenger.Delivery;
import dev.ownership.bot.nudge.WorkingHours;
import dev.ownership.bot.ops.MetricName;
import dev.ownership.bot.ops.Metrics;
import dev.ownership.bot.pause.PersonalControls;
import dev.ownership.bot.workspace.Person;
import dev.ownership.bot.workspace.Workspace;
import dev.ownership.storage.blocker.LongBlocker;
import dev.ownership.storage.blocker.LongBlocker.Answer;
import dev.ownership.storage.blocker.LongBlocker.Kind;
import dev.ownership.storage.blocker.LongBlockerRepository;
import dev.ownership.storage.blocker.LongBlockerRepository.BlockerPost;
import dev.ownership.storage.blocker.LongBlockerRepository.Settings;
import dev.ownership.storage.nudge.PostKey;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds long-running blockers, asks their authors (privately, once, within their working hours) whether they would
 * like to raise them with their lead, carries out the answer, and, where a team turned escalation on, tells its leads
 * by link a workday after an unanswered question.
 *
 * <p>Called on every scheduler tick; every question and escalation is claimed in the database before it is sent, so
 * a restart never sends one twice, and one claimed by a process that crashed is settled as failed at start-up.
 * Thread-safe.
 */
public final class LongBlockers {
    private static final Logger log = LoggerFactory.getLogger(LongBlockers.class);
    /** How far back runs and blockers without a next step are looked for. */
    static final Duration LOOK_BACK = Duration.ofDays(21);

    /**
     * Workdays past the threshold after which a long-running blocker is no longer brought up (the bot was down, or
     * Slack had revoked its access): an offer of help that late would be noise.
     */
    static final int STALE_AFTER = 2;

    private static final int BATCH = 200;
    private static final Duration INTERRUPTED_CLAIM = Duration.ofMinutes(5);

    private final LongBlockerRepository repository;
    private final TeamRepository teams;
    private final Workspace workspace;
    private final PersonalControls controls;
    private final BlockerMessenger messenger;
    private final Clock clock;
    private final Metrics metrics;

    public LongBlockers(
            LongBlockerRepository repository,
            TeamRepository teams,
            Workspace workspace,
            PersonalControls controls,
            BlockerMessenger messenger,
            Clock clock,
            Metrics metrics) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.teams = Objects.requireNonNull(teams, "teams");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.controls = Objects.requireNonNull(controls, "controls");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** Settles questions and escalations left half-sent by a crash; called once at start-up. */
    public void recoverInterrupted() {
        Instant now = clock.instant();
        int settled = repository.failInterruptedClaims(now.minus(INTERRUPTED_CLAIM), now);
        if (settled > 0) {
            log.warn(
                    "{} long-blocker message(s) were interrupted by a crash while sending; not sending them again",
                    settled);
        }
    }

    /** Finds new long-running blockers, then sends the questions and escalations due now. */
    public void deliverDue() {
        Instant now = clock.instant();
        detect(now);
        for (LongBlocker blocker : repository.dueAsks(now, BATCH)) {
            guarded(blocker, "question", () -> ask(blocker, now));
        }
        for (LongBlocker blocker : repository.dueEscalations(now, BATCH)) {
            guarded(blocker, "escalation", () -> escalate(blocker, now));
        }
    }

    private static void guarded(LongBlocker blocker, String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error(
                    "The {} about {}/{} failed; will retry on the next tick",
                    what,
                    blocker.channelId(),
                    blocker.ts(),
                    e);
        }
    }

    /** Records the long-running blockers among recent blockers of watched teams. */
    void detect(Instant now) {
        Map<String, List<BlockerPost>> byAuthor = new LinkedHashMap<>();
        for (BlockerPost post : repository.blockersSince(now.minus(LOOK_BACK))) {
            byAuthor.computeIfAbsent(post.channelId() + "|" + post.userId(), key -> new ArrayList<>())
                    .add(post);
        }
        Map<String, Integer> thresholds = new java.util.HashMap<>();
        for (List<BlockerPost> posts : byAuthor.values()) {
            BlockerPost any = posts.get(0);
            Optional<Team> team = teams.find(any.channelId()).filter(Team::watched);
            if (team.isEmpty()) {
                continue;
            }
            ZoneId zone = workspace
                    .person(any.userId())
                    .map(Person::timezone)
                    .orElse(team.get().timezone());
            Workdays workdays = new Workdays(team.get().workdays());
            int threshold = thresholds.computeIfAbsent(
                    any.channelId(), channel -> repository.settings(channel).longAfterDays());
            LocalDate today = now.atZone(zone).toLocalDate();
            withoutNextStep(posts, zone, workdays, threshold, today, now);
            recurring(posts, zone, workdays, threshold, today, now);
        }
    }

    private void withoutNextStep(
            List<BlockerPost> posts, ZoneId zone, Workdays workdays, int threshold, LocalDate today, Instant now) {
        for (BlockerPost post : posts) {
            LocalDate posted = post.postedAt().atZone(zone).toLocalDate();
            int age = workdays.countInclusive(posted, today);
            if (post.withoutNextStep() && !post.resolved() && age >= threshold && age <= threshold + STALE_AFTER) {
                record(post.key(), post, Kind.NO_NEXT_STEP, post.postedAt(), post.ts(), now);
            }
        }
    }

    /** The latest run of one category on consecutive workdays, if it reaches today or the workday before. */
    private void recurring(
            List<BlockerPost> posts, ZoneId zone, Workdays workdays, int threshold, LocalDate today, Instant now) {
        Map<String, List<BlockerPost>> byCategory = posts.stream()
                .filter(post -> post.category() != null)
                .collect(Collectors.groupingBy(BlockerPost::category, LinkedHashMap::new, Collectors.toList()));
        for (List<BlockerPost> ofCategory : byCategory.values()) {
            BlockerPost latest = ofCategory.get(ofCategory.size() - 1);
            LocalDate runEnd = latest.postedAt().atZone(zone).toLocalDate();
            if (latest.resolved() || runEnd.isBefore(workdays.previous(today))) {
                continue;
            }
            LocalDate runStart = runEnd;
            int length = 1;
            BlockerPost first = latest;
            for (int i = ofCategory.size() - 1; i >= 0; i--) {
                BlockerPost post = ofCategory.get(i);
                LocalDate day = post.postedAt().atZone(zone).toLocalDate();
                if (day.equals(runStart)) {
                    first = post;
                } else if (day.equals(workdays.previous(runStart))) {
                    runStart = day;
                    length++;
                    first = post;
                } else {
                    break;
                }
            }
            if (length >= threshold) {
                record(first.key(), latest, Kind.RECURRING, first.postedAt(), latest.ts(), now);
            }
        }
    }

    private void record(PostKey first, BlockerPost post, Kind kind, Instant since, String latestTs, Instant now) {
        if (repository.detect(first, post.userId(), kind, post.category(), since, latestTs, now)) {
            metrics.count(MetricName.LONG_BLOCKERS, "kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private void ask(LongBlocker blocker, Instant now) {
        Optional<Team> team = teams.find(blocker.channelId()).filter(Team::watched);
        if (team.isEmpty()) {
            repository.skipAsk(blocker.key(), "unwatched", now);
            return;
        }
        if (repository.isSettled(blocker)) {
            repository.skipAsk(blocker.key(), "resolved", now);
            return;
        }
        Optional<Person> author = workspace.person(blocker.userId());
        if (author.isEmpty() || !author.get().isReachableHuman()) {
            repository.skipAsk(blocker.key(), author.isEmpty() ? "unknown_user" : "unreachable", now);
            return;
        }
        Optional<String> leftOut =
                controls.whyNoNudge(blocker.userId(), author.get().timezone());
        if (leftOut.isPresent()) {
            repository.skipAsk(blocker.key(), leftOut.get(), now);
            return;
        }
        ZonedDateTime local = now.atZone(author.get().timezone());
        Workdays workdays = new Workdays(team.get().workdays());
        LocalDate latest = latestPostedAt(blocker).atZone(local.getZone()).toLocalDate();
        int threshold = repository.settings(blocker.channelId()).longAfterDays();
        if (workdays.countInclusive(latest, local.toLocalDate()) > threshold + STALE_AFTER) {
            repository.skipAsk(blocker.key(), "stale", now);
            return;
        }
        ZonedDateTime opening = new WorkingHours(
                        team.get().workdays(),
                        team.get().workStart(),
                        team.get().workEnd())
                .nextOpening(local);
        if (opening.isAfter(local)) {
            repository.rescheduleAsk(blocker.key(), opening.toInstant(), now);
            return;
        }
        if (!repository.claimAsk(blocker.key(), now)) {
            return;
        }
        Settings settings = repository.settings(blocker.channelId());
        ZonedDateTime escalateAt = settings.escalation()
                ? workdays.next(local.toLocalDate()).atTime(local.toLocalTime()).atZone(local.getZone())
                : null;
        LocalDate since = blocker.since().atZone(local.getZone()).toLocalDate();
        Delivery delivery;
        try {
            delivery = messenger.ask(new BlockerMessenger.Ask(
                    blocker.userId(),
                    blocker.channelId(),
                    team.get().channelName(),
                    blocker.latestTs(),
                    blocker.kind() == Kind.RECURRING,
                    Categories.words(blocker.category()),
                    Math.max(1, Workdays.calendarDays(since, local.toLocalDate())),
                    workdays.countInclusive(since, local.toLocalDate()),
                    escalateAt == null ? null : escalateAt.toLocalDate()));
        } catch (RuntimeException e) {
            delivery = Delivery.failed(e.getMessage());
        }
        if (delivery.sent()) {
            repository.markAsked(
                    blocker.key(),
                    delivery.dmChannel(),
                    delivery.dmTs(),
                    escalateAt == null ? null : escalateAt.toInstant(),
                    clock.instant());
            metrics.count(MetricName.LONG_BLOCKER_MESSAGES, "kind", "question");
        } else {
            repository.failAsk(blocker.key(), delivery.error(), now);
            log.warn(
                    "The question about {}/{} failed: {}; not retrying",
                    blocker.channelId(),
                    blocker.ts(),
                    delivery.error());
        }
    }

    /** When the run's latest post was posted (its first, for a blocker without a next step). */
    private Instant latestPostedAt(LongBlocker blocker) {
        return repository.postedAt(blocker.latest()).orElse(blocker.since());
    }

    /**
     * Tells the team's leads of a blocker its author did not answer, each lead in their own working hours (the team's
     * hours and workdays, in the lead's timezone): those at work now are told, and the rest of the escalation waits
     * for the next lead's opening. Each lead is claimed before the DM, so none is told twice.
     */
    private void escalate(LongBlocker blocker, Instant now) {
        Optional<Team> team = teams.find(blocker.channelId()).filter(Team::watched);
        if (team.isEmpty() || !repository.settings(blocker.channelId()).escalation() || repository.isSettled(blocker)) {
            repository.settleEscalation(blocker.key(), "skipped", now);
            return;
        }
        WorkingHours hours = new WorkingHours(
                team.get().workdays(), team.get().workStart(), team.get().workEnd());
        Set<String> told = repository.escalatedTo(blocker.key());
        BlockerMessenger.LeadMessage message = null;
        Instant nextOpening = null;
        for (String lead : leadsFor(team.get(), blocker.userId())) {
            Optional<Person> person = workspace
                    .person(lead)
                    .filter(Person::isReachableHuman)
                    .filter(found ->
                            controls.pauses().current(lead, found.timezone()).isEmpty());
            if (person.isEmpty() || told.contains(lead)) {
                continue;
            }
            ZonedDateTime opening = hours.nextOpening(now.atZone(person.get().timezone()));
            if (opening.toInstant().isAfter(now)) {
                nextOpening = nextOpening == null || opening.toInstant().isBefore(nextOpening)
                        ? opening.toInstant()
                        : nextOpening;
                continue;
            }
            if (!repository.claimEscalation(blocker.key(), lead, now)) {
                continue;
            }
            if (message == null) {
                message = leadMessage(blocker, team.get(), null, true, now);
            }
            boolean sent = messenger.tellLead(lead, message);
            repository.markEscalated(blocker.key(), lead, sent);
            told.add(lead);
            if (sent) {
                metrics.count(MetricName.LONG_BLOCKER_MESSAGES, "kind", "escalation");
            }
        }
        if (nextOpening != null) {
            repository.rescheduleEscalation(blocker.key(), nextOpening, clock.instant());
        } else {
            repository.settleEscalation(blocker.key(), told.isEmpty() ? "skipped" : "sent", clock.instant());
        }
    }

    /** The long-running blocker {@code key}, if it is {@code userId}'s. */
    public Optional<LongBlocker> own(String userId, PostKey key) {
        return repository.find(key).filter(blocker -> blocker.userId().equals(userId));
    }

    /**
     * "Ask my lead for help": tells the team's leads, with the author's optional note, and replaces the question.
     *
     * @return what became of it
     */
    public Outcome askLead(String userId, PostKey key, String note) {
        Optional<LongBlocker> blocker = own(userId, key);
        if (blocker.isEmpty()) {
            return Outcome.NOT_YOURS;
        }
        Instant now = clock.instant();
        if (!repository.answer(key, userId, Answer.RAISED, now)) {
            return new Outcome(false, alreadyAnswered(blocker.get()));
        }
        Optional<Team> team = teams.find(key.channelId());
        List<String> leads = team.map(found -> leadsFor(found, userId)).orElse(List.of());
        String trimmed = note == null || note.isBlank() ? null : note.strip();
        List<String> told = new ArrayList<>();
        for (String lead : leads) {
            if (messenger.tellLead(lead, leadMessage(blocker.get(), team.get(), trimmed, false, now))) {
                told.add(lead);
            }
        }
        metrics.count(MetricName.LONG_BLOCKER_MESSAGES, "kind", "asked_lead");
        String text = told.isEmpty()
                ? ":raised_hand: I couldn't reach a lead of your team: none is set besides you, or Slack refused the "
                        + "message. An admin can set leads with `/ownership leads @a @b`; a direct word works too."
                : ":raised_hand: Sent to "
                        + told.stream().map(id -> "<@" + id + ">").collect(Collectors.joining(", "))
                        + " with a link to your post" + (trimmed == null ? "" : " and your note")
                        + ". Asking for help early is a strength.";
        replaceQuestion(blocker.get(), text);
        return new Outcome(true, text);
    }

    /**
     * "I've got it": records that the author is on it; no escalation follows.
     *
     * @return what became of it
     */
    public Outcome onIt(String userId, PostKey key) {
        Optional<LongBlocker> blocker = own(userId, key);
        if (blocker.isEmpty()) {
            return Outcome.NOT_YOURS;
        }
        if (!repository.answer(key, userId, Answer.ON_IT, clock.instant())) {
            return new Outcome(false, alreadyAnswered(blocker.get()));
        }
        String text = ":muscle: Great, it's in good hands. I won't bring it up again.";
        replaceQuestion(blocker.get(), text);
        return new Outcome(true, text);
    }

    /**
     * Why {@code userId} cannot answer the question about {@code key} now (not theirs, answered already), or empty
     * when they can.
     */
    public Optional<String> whyNotOpen(String userId, PostKey key) {
        Optional<LongBlocker> blocker = own(userId, key);
        if (blocker.isEmpty()) {
            return Optional.of(Outcome.NOT_YOURS.text());
        }
        return blocker.get().answer() == null ? Optional.empty() : Optional.of(alreadyAnswered(blocker.get()));
    }

    /**
     * What an answer did.
     *
     * @param done whether it was recorded (the question was replaced); if not, {@code text} is for the person alone
     * @param text what to tell the person
     */
    public record Outcome(boolean done, String text) {
        /** Someone else's blocker, or no such question: nothing changes. */
        public static final Outcome NOT_YOURS = new Outcome(
                false,
                "That question isn't yours to answer: only the person whose blocker it is can. Nothing changed.");
    }

    private static String alreadyAnswered(LongBlocker blocker) {
        return blocker.answer() == Answer.RAISED
                ? "You already asked your lead about this one."
                : blocker.answer() == Answer.ON_IT
                        ? "You already said you've got this one."
                        : "This question is no longer open.";
    }

    private void replaceQuestion(LongBlocker blocker, String text) {
        if (blocker.dmChannel() != null && blocker.dmTs() != null) {
            messenger.answered(blocker.dmChannel(), blocker.dmTs(), text);
        }
    }

    private BlockerMessenger.LeadMessage leadMessage(
            LongBlocker blocker, Team team, String note, boolean escalated, Instant now) {
        long days = Math.max(
                1,
                Workdays.calendarDays(
                        blocker.since().atZone(team.timezone()).toLocalDate(),
                        now.atZone(team.timezone()).toLocalDate()));
        return new BlockerMessenger.LeadMessage(
                blocker.userId(), blocker.channelId(), team.channelName(), blocker.latestTs(), days, note, escalated);
    }

    /** The team's leads other than the author; the person who set the team up when it has none. */
    static List<String> leadsFor(Team team, String authorId) {
        List<String> leads =
                team.leads().stream().filter(lead -> !lead.equals(authorId)).toList();
        if (leads.isEmpty()
                && team.leads().isEmpty()
                && !team.watchedBy().isBlank()
                && !team.watchedBy().equals(authorId)) {
            return List.of(team.watchedBy());
        }
        return leads;
    }
}
