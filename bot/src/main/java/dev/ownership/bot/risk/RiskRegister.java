package dev.ownership.bot.risk;

import dev.ownership.bot.ops.MetricName;
import dev.ownership.bot.ops.Metrics;
import dev.ownership.storage.risk.RegisterEntry;
import dev.ownership.storage.risk.RiskRegisterRepository;
import dev.ownership.storage.risk.RiskStatus;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The register's rules: who sees which risks, who may change them, and what a change does.
 *
 * <p>A risk's text is seen by its author and by the team's leads and admins ({@link RiskStewards}), nobody else; the
 * same people may change its status. Whoever acts is the person Slack says clicked or typed, never an id a button
 * carries, so a crafted or replayed payload naming someone else's risk changes nothing. Resolved and accepted are
 * final. Thread-safe.
 */
public final class RiskRegister {
    /** The check-in's button: resolved. Its value is the risk's id, as for every button of the register. */
    public static final String CHECKIN_RESOLVED = "risk_checkin_resolved";
    /** The check-in's button: still open, which opens the modal for an optional mitigation note. */
    public static final String CHECKIN_STILL_OPEN = "risk_checkin_still_open";
    /** The check-in's button: accepted. */
    public static final String CHECKIN_ACCEPTED = "risk_checkin_accepted";
    /** A button of {@code /ownership risks}: mitigating. */
    public static final String SET_MITIGATING = "risk_set_mitigating";
    /** A button of {@code /ownership risks}: resolved. */
    public static final String SET_RESOLVED = "risk_set_resolved";
    /** A button of {@code /ownership risks}: accepted. */
    public static final String SET_ACCEPTED = "risk_set_accepted";

    private final RiskRegisterRepository entries;
    private final TeamRepository teams;
    private final RiskStewards stewards;
    private final RiskMessenger messenger;
    private final Clock clock;
    private final Metrics metrics;

    public RiskRegister(
            RiskRegisterRepository entries,
            TeamRepository teams,
            RiskStewards stewards,
            RiskMessenger messenger,
            Clock clock,
            Metrics metrics) {
        this.entries = Objects.requireNonNull(entries, "entries");
        this.teams = Objects.requireNonNull(teams, "teams");
        this.stewards = Objects.requireNonNull(stewards, "stewards");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * What {@code viewerId} may see of the register: the whole team's live risks when they lead or administer
     * {@code team}, else only their own (in {@code team}, or in every team when it is absent); oldest first.
     */
    public View view(String viewerId, Optional<Team> team) {
        Instant now = clock.instant();
        boolean whole = team.isPresent() && stewards.mayManage(viewerId, team.get());
        List<RegisterEntry> shown = whole
                ? entries.liveIn(team.get().channelId())
                : entries.liveBy(viewerId).stream()
                        .filter(entry -> team.isEmpty()
                                || entry.channelId().equals(team.get().channelId()))
                        .toList();
        List<Item> items = shown.stream()
                .map(entry -> new Item(entry, RiskText.line(entry, now, isAgeing(entry, now)), nextStatuses(entry)))
                .toList();
        return new View(whole, items);
    }

    /** Whether a live risk has been open for more than twice its team's follow-up period. */
    public boolean isAgeing(RegisterEntry entry, Instant now) {
        return isAgeing(entry, entries.followupDays(entry.channelId()), now);
    }

    /** Whether a live risk has been open for more than twice a follow-up period of {@code followupDays}. */
    public static boolean isAgeing(RegisterEntry entry, int followupDays, Instant now) {
        Duration twice = Duration.ofDays(2L * followupDays);
        return entry.status().isLive()
                && Duration.between(entry.openedAt(), now).compareTo(twice) > 0;
    }

    /**
     * The risk {@code riskId} if {@code actorId} may change it now (for the mitigation modal), else why not.
     */
    public Access access(String actorId, long riskId) {
        Optional<RegisterEntry> found = entries.find(riskId);
        if (found.isEmpty()) {
            return Access.refused(RiskText.gone());
        }
        RegisterEntry entry = found.get();
        if (!mayChange(actorId, entry)) {
            return Access.refused(RiskText.notYours());
        }
        if (!entry.status().isLive()) {
            return Access.refused(RiskText.alreadyClosed(entry));
        }
        return new Access(entry, null);
    }

    /**
     * Changes a risk's status for {@code actorId}: {@code status} equal to the current one confirms it is still so
     * (a "still open" answer to the check-in). The check-in DM, if there is one, is replaced with the outcome.
     *
     * @param note a mitigation note, or {@code null}
     * @param viaCheckin whether it came from the check-in (else from {@code /ownership risks})
     * @return the answer to show the person: what changed, or why nothing did
     */
    public Outcome change(String actorId, long riskId, RiskStatus status, String note, boolean viaCheckin) {
        Access access = access(actorId, riskId);
        if (access.entry() == null) {
            return new Outcome(false, access.refusal());
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        Optional<RegisterEntry> changed = entries.change(
                riskId, status, actorId, viaCheckin ? "checkin" : "register", cleanNote, clock.instant());
        if (changed.isEmpty()) {
            // Closed by someone else between the check and the change.
            return new Outcome(
                    false, entries.find(riskId).map(RiskText::alreadyClosed).orElse(RiskText.gone()));
        }
        RegisterEntry entry = changed.get();
        metrics.count(MetricName.RISK_CHANGES, "status", status.word());
        String answer = RiskText.changed(entry, actorId, entries.followupDays(entry.channelId()));
        if (entry.checkinChannel() != null && entry.checkinTs() != null) {
            messenger.settle(entry.checkinChannel(), entry.checkinTs(), answer);
        }
        return new Outcome(true, answer);
    }

    /** Tells {@code userId} privately why a change they submitted was not made. */
    public void tell(String userId, String text) {
        messenger.tell(userId, text);
    }

    /** The team's follow-up period in days. */
    public int followupDays(String channelId) {
        return entries.followupDays(channelId);
    }

    /**
     * Sets the team's follow-up period; the next check-in of each live risk moves to match.
     *
     * @return how many check-ins moved
     */
    public int setFollowupDays(Team team, int days) {
        return entries.setFollowupDays(team.channelId(), days);
    }

    private boolean mayChange(String actorId, RegisterEntry entry) {
        if (actorId.equals(entry.userId())) {
            return true;
        }
        return teams.find(entry.channelId())
                .map(team -> stewards.mayManage(actorId, team))
                .orElse(false);
    }

    private static List<RiskStatus> nextStatuses(RegisterEntry entry) {
        return entry.status() == RiskStatus.OPEN
                ? List.of(RiskStatus.MITIGATING, RiskStatus.RESOLVED, RiskStatus.ACCEPTED)
                : List.of(RiskStatus.RESOLVED, RiskStatus.ACCEPTED);
    }

    /** The button of {@code /ownership risks} that gives a risk {@code status}. */
    public static String actionFor(RiskStatus status) {
        return switch (status) {
            case MITIGATING -> SET_MITIGATING;
            case RESOLVED -> SET_RESOLVED;
            case ACCEPTED -> SET_ACCEPTED;
            case OPEN -> throw new IllegalArgumentException("No button reopens a risk");
        };
    }

    /** The risk id a button carries, if its value is one. */
    public static Optional<Long> riskId(String value) {
        if (value == null || !value.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value));
    }

    /**
     * What someone may see of the register.
     *
     * @param wholeTeam whether it is the team's whole register (a lead or admin asked), else their own risks
     * @param items the risks, oldest first
     */
    public record View(boolean wholeTeam, List<Item> items) {
        public View {
            items = List.copyOf(items);
        }
    }

    /**
     * One risk of a {@link View}.
     *
     * @param entry the risk
     * @param line how it reads in the register
     * @param next the statuses it may be given from here
     */
    public record Item(RegisterEntry entry, String line, List<RiskStatus> next) {
        public Item {
            next = List.copyOf(next);
        }
    }

    /** The risk someone may change, or why they may not. */
    public record Access(RegisterEntry entry, String refusal) {
        static Access refused(String why) {
            return new Access(null, why);
        }
    }

    /**
     * What a change did.
     *
     * @param changed whether the risk changed
     * @param answer what to tell the person who asked
     */
    public record Outcome(boolean changed, String answer) {}
}
