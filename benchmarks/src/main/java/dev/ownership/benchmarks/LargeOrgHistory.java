package dev.ownership.benchmarks;

import dev.ownership.bot.prompt.PromptSchedules;
import dev.ownership.storage.Database;
import dev.ownership.storage.prompt.ScheduleRepository;
import dev.ownership.storage.prompt.TeamSchedule;
import dev.ownership.storage.workspace.TeamRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes a large organisation's configuration and history into a real SQLite file before the bot starts: the watched
 * teams, their leads, members and schedules through the storage repositories, and DAYS of records through batched
 * inserts into the tables those repositories read (as {@link RetentionDriver} does for standup posts).
 *
 * <p>What a member leaves behind, per workday of their own timezone: one standup post at about 09:00 local, a fifth
 * of them blockers (45% of those with a next step at once; the others nudged, most of them answered with a next step
 * after the nudge, some before it, a quarter never). Per week: a learning prompt on Fridays, answered with a learning
 * by about a third; a risk check-in on Mondays, answered by 60% (one answer in ten a risk). Per lead and week: the
 * digest delivered. Blockers of the last three weeks all ended with a next step: a running instance would have asked
 * about the long-running ones when they happened, and a start-up should not look as if it had never run.
 *
 * <p>Not thread-safe; used once, before the bot starts.
 */
final class LargeOrgHistory {
    private static final int DAYS_PER_TRANSACTION = 20;
    private static final double BLOCKER = 0.20;
    private static final double WITH_PROPOSAL = 0.45;
    private static final Duration OLD_GRACE = Duration.ofMinutes(10);
    private static final String[] CATEGORIES = {
        "waiting_on_person",
        "access",
        "unclear_requirements",
        "review_pending",
        "broken_environment",
        "technical_problem",
        "external_dependency",
        "other"
    };
    private static final String[] TOPICS = {
        "retries with jitter",
        "the connection pool",
        "feature flags",
        "the migration tool",
        "flaky tests",
        "the cache keys",
        "structured logging",
        "the deploy pipeline",
        "index selectivity",
        "idempotency keys"
    };

    private final LargeOrgWorld world;
    private final int days;
    private final Instant now;

    LargeOrgHistory(LargeOrgWorld world, int days, Instant now) {
        this.world = world;
        this.days = days;
        this.now = now;
    }

    /** What was written. */
    record Counts(long posts, long learnings, long checkins, long risks, long prompts, long digests, long members) {
        long total() {
            return posts + learnings + checkins + risks + prompts + digests + members;
        }
    }

    /** Watches the teams, sets their leads, working days and hours, and writes their members. */
    void writeTeams(Database database) {
        TeamRepository teams = new TeamRepository(database);
        Instant watchedAt = now.minus(Duration.ofDays(days + 1L));
        for (int team = 0; team < LargeOrgWorld.TEAMS; team++) {
            String channel = LargeOrgWorld.channelId(team);
            teams.watch(
                    channel,
                    "T0SIM",
                    LargeOrgWorld.channelName(team),
                    world.teamZone(team),
                    LargeOrgWorld.ADMIN,
                    watchedAt);
            teams.setLeads(
                    channel,
                    world.leadsOf(team).stream().map(LargeOrgWorld::userId).toList());
            // Every day, all day: each member's post of the burst is nudged after the grace period, whatever the
            // hour in their timezone (see LargeOrgDriver).
            teams.setWorkdays(channel, EnumSet.allOf(DayOfWeek.class));
            teams.setHours(channel, LocalTime.MIDNIGHT, LocalTime.of(23, 59));
        }
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO team_members (channel_id, user_id, joined_at, timezone) VALUES (?, ?, ?, ?)")) {
                for (int member = 0; member < world.members(); member++) {
                    insert.setString(1, LargeOrgWorld.channelId(LargeOrgWorld.teamOf(member)));
                    insert.setString(2, LargeOrgWorld.userId(member));
                    insert.setLong(3, watchedAt.toEpochMilli());
                    insert.setString(4, LargeOrgWorld.zoneOf(member).getId());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /**
     * Sets every team's schedules for the run: the digest due at {@code digestAt} in each team's own timezone (so that
     * all 400 fall due at once), the learning prompt at {@code promptAt} in the easternmost zone's local time on that
     * day only (so that it fires there first and nowhere else during the run), the risk check-in on a day three days
     * away, the impact prompt off.
     */
    void writeSchedules(Database database, Instant digestAt, Instant promptAt) {
        ScheduleRepository schedules = new ScheduleRepository(database);
        ZonedDateTime prompt = promptAt.atZone(LargeOrgWorld.EASTERNMOST);
        DayOfWeek riskDay = now.atZone(ZoneOffset.UTC).plusDays(3).getDayOfWeek();
        for (int team = 0; team < LargeOrgWorld.TEAMS; team++) {
            String channel = LargeOrgWorld.channelId(team);
            ZonedDateTime digest = digestAt.atZone(world.teamZone(team));
            schedules.save(
                    new TeamSchedule(channel, "digest", Set.of(digest.getDayOfWeek()), digest.toLocalTime(), true));
            schedules.save(
                    new TeamSchedule(channel, "learning", Set.of(prompt.getDayOfWeek()), prompt.toLocalTime(), true));
            schedules.save(new TeamSchedule(channel, "risk", Set.of(riskDay), LocalTime.of(10, 0), true));
            TeamSchedule impact = PromptSchedules.defaults(channel).stream()
                    .filter(schedule -> schedule.kind().equals("impact"))
                    .findFirst()
                    .orElseThrow();
            schedules.save(impact);
        }
    }

    /**
     * The learning prompt every day at midnight, each member's time: after a restart, every member whose day it is
     * (all of them) and who has not had today's is owed it, in all 24 timezones at once.
     */
    static void scheduleDailyLearning(Database database) {
        ScheduleRepository schedules = new ScheduleRepository(database);
        for (int team = 0; team < LargeOrgWorld.TEAMS; team++) {
            schedules.save(new TeamSchedule(
                    LargeOrgWorld.channelId(team),
                    "learning",
                    EnumSet.allOf(DayOfWeek.class),
                    LocalTime.MIDNIGHT,
                    true));
        }
    }

    /** Writes {@link #days} days of history, ending yesterday in each member's timezone. */
    Counts writeHistory(Database database) {
        long[] counts = new long[6];
        SplittableRandom[] random = new SplittableRandom[world.members()];
        for (int member = 0; member < world.members(); member++) {
            random[member] = new SplittableRandom(member * 7_919L + 17);
        }
        for (int first = days; first >= 1; first -= DAYS_PER_TRANSACTION) {
            int from = first;
            int to = Math.max(1, first - DAYS_PER_TRANSACTION + 1);
            database.inTransaction(connection -> {
                try (Statements statements = new Statements(connection)) {
                    for (int day = from; day >= to; day--) {
                        for (int member = 0; member < world.members(); member++) {
                            writeDay(statements, member, day, random[member], counts);
                        }
                        statements.flush();
                    }
                }
                return null;
            });
        }
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    """
                    INSERT INTO digest_deliveries (channel_id, recipient_id, week_start, state, created_at, sent_at,
                                                   dm_channel, dm_ts)
                    VALUES (?, ?, ?, 'sent', ?, ?, ?, ?)
                    """)) {
                for (int team = 0; team < LargeOrgWorld.TEAMS; team++) {
                    ZoneId zone = world.teamZone(team);
                    LocalDate monday = now.atZone(zone).toLocalDate().with(DayOfWeek.MONDAY);
                    for (int week = 1; week * 7 <= days; week++) {
                        LocalDate weekStart = monday.minusWeeks(week);
                        Instant sent =
                                weekStart.plusWeeks(1).atTime(9, 0).atZone(zone).toInstant();
                        for (int lead : world.leadsOf(team)) {
                            insert.setString(1, LargeOrgWorld.channelId(team));
                            insert.setString(2, LargeOrgWorld.userId(lead));
                            insert.setString(3, weekStart.toString());
                            insert.setLong(4, sent.toEpochMilli());
                            insert.setLong(5, sent.toEpochMilli());
                            insert.setString(6, dm(lead));
                            insert.setString(7, ts(sent, lead));
                            insert.addBatch();
                            counts[5]++;
                        }
                    }
                }
                insert.executeBatch();
            }
            return null;
        });
        return new Counts(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], world.members());
    }

    private void writeDay(Statements statements, int member, int day, SplittableRandom random, long[] counts)
            throws SQLException {
        ZoneId zone = LargeOrgWorld.zoneOf(member);
        LocalDate date = now.atZone(zone).toLocalDate().minusDays(day);
        DayOfWeek weekday = date.getDayOfWeek();
        if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
            return;
        }
        String channel = LargeOrgWorld.channelId(LargeOrgWorld.teamOf(member));
        String user = LargeOrgWorld.userId(member);
        Instant posted = date.atTime(9, 0).atZone(zone).toInstant().plusSeconds(member % 1_800);
        statements.post(channel, user, member, posted, date, day, random);
        counts[0]++;
        if (weekday == DayOfWeek.FRIDAY) {
            Instant prompted = date.atTime(15, 0).atZone(zone).toInstant();
            boolean shared = random.nextDouble() < 0.35;
            if (shared) {
                statements.learning(channel, user, prompted.plus(Duration.ofMinutes(20)), random);
                counts[1]++;
            }
            statements.prompt(channel, "learning", user, member, date, prompted, shared, random);
            counts[4]++;
        }
        if (weekday == DayOfWeek.MONDAY) {
            Instant prompted = date.atTime(10, 0).atZone(zone).toInstant();
            boolean answered = random.nextDouble() < 0.6;
            if (answered) {
                boolean risk = random.nextDouble() < 0.1;
                Instant at = prompted.plus(Duration.ofMinutes(30));
                statements.checkin(channel, user, at, risk);
                counts[2]++;
                if (risk) {
                    statements.risk(channel, user, at, random);
                    counts[3]++;
                }
            }
            statements.prompt(channel, "risk", user, member, date, prompted, answered, random);
            counts[4]++;
        }
    }

    static String dm(int member) {
        return "D" + LargeOrgWorld.userId(member).substring(1);
    }

    static String ts(Instant at, int member) {
        return at.getEpochSecond() + "." + String.format(Locale.ROOT, "%06d", member % 1_000_000);
    }

    /** The prepared inserts of one transaction, batched. */
    private final class Statements implements AutoCloseable {
        private final PreparedStatement posts;
        private final PreparedStatement learnings;
        private final PreparedStatement checkins;
        private final PreparedStatement risks;
        private final PreparedStatement prompts;

        Statements(Connection connection) throws SQLException {
            posts = connection.prepareStatement(
                    """
                    INSERT INTO standup_posts (channel_id, ts, user_id, posted_at, label, category, reasons, state,
                                               due_at, nudged_at, nudge_date, dm_channel, dm_ts, proposed_at,
                                               proposal_via, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """);
            learnings = connection.prepareStatement(
                    "INSERT INTO learnings (channel_id, user_id, text, created_at, source) VALUES (?, ?, ?, ?, ?)");
            checkins = connection.prepareStatement(
                    "INSERT INTO risk_checkins (channel_id, user_id, checked_at, had_risk) VALUES (?, ?, ?, ?)");
            risks = connection.prepareStatement(
                    "INSERT INTO risks (channel_id, user_id, text, created_at, source) VALUES (?, ?, ?, ?, 'prompt')");
            prompts = connection.prepareStatement(
                    """
                    INSERT INTO prompt_deliveries (channel_id, kind, user_id, occurrence, state, created_at, sent_at,
                                                   answered_at, dm_channel, dm_ts)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """);
        }

        void post(
                String channel,
                String user,
                int member,
                Instant posted,
                LocalDate date,
                int day,
                SplittableRandom random)
                throws SQLException {
            posts.setString(1, channel);
            posts.setString(2, ts(posted, member));
            posts.setString(3, user);
            posts.setLong(4, posted.toEpochMilli());
            posts.setString(7, "clear");
            for (int column = 8; column <= 14; column++) {
                posts.setNull(column, java.sql.Types.NULL);
            }
            posts.setLong(15, posted.toEpochMilli());
            if (random.nextDouble() >= BLOCKER) {
                posts.setString(5, "none");
                posts.setNull(6, java.sql.Types.VARCHAR);
            } else {
                posts.setString(6, CATEGORIES[random.nextInt(CATEGORIES.length)]);
                if (random.nextDouble() < WITH_PROPOSAL) {
                    posts.setString(5, "blocker_with_proposal");
                    posts.setString(7, "proposed");
                    posts.setLong(13, posted.toEpochMilli());
                    posts.setString(14, "at_once");
                } else {
                    posts.setString(5, "blocker_without_proposal");
                    withoutProposal(member, posted, date, day, random.nextDouble());
                }
            }
            posts.addBatch();
        }

        /** Nudged (and answered after it), answered before the nudge, or nudged and never answered. */
        private void withoutProposal(int member, Instant posted, LocalDate date, int day, double outcome)
                throws SQLException {
            Instant due = posted.plus(OLD_GRACE);
            posts.setLong(8, due.toEpochMilli());
            boolean recent = day <= 21;
            if (outcome < 0.15) {
                posts.setString(7, "proposed");
                posts.setLong(13, posted.plus(Duration.ofMinutes(5)).toEpochMilli());
                posts.setString(14, outcome < 0.08 ? "thread" : "edit");
                return;
            }
            posts.setLong(9, due.toEpochMilli());
            posts.setString(10, date.toString());
            posts.setString(11, dm(member));
            posts.setString(12, ts(due, member));
            if (recent || outcome < 0.75) {
                posts.setString(7, "proposed");
                posts.setLong(13, due.plus(Duration.ofHours(2)).toEpochMilli());
                posts.setString(14, "nudge");
            } else {
                posts.setString(7, "nudged");
            }
        }

        void learning(String channel, String user, Instant at, SplittableRandom random) throws SQLException {
            learnings.setString(1, channel);
            learnings.setString(2, user);
            learnings.setString(
                    3,
                    "Learned that " + TOPICS[random.nextInt(TOPICS.length)] + " behave differently under load than "
                            + TOPICS[random.nextInt(TOPICS.length)] + "; wrote it up in the wiki");
            learnings.setLong(4, at.toEpochMilli());
            learnings.setString(5, "prompt");
            learnings.addBatch();
        }

        void checkin(String channel, String user, Instant at, boolean risk) throws SQLException {
            checkins.setString(1, channel);
            checkins.setString(2, user);
            checkins.setLong(3, at.toEpochMilli());
            checkins.setInt(4, risk ? 1 : 0);
            checkins.addBatch();
        }

        void risk(String channel, String user, Instant at, SplittableRandom random) throws SQLException {
            risks.setString(1, channel);
            risks.setString(2, user);
            risks.setString(
                    3, "The vendor may not ship " + TOPICS[random.nextInt(TOPICS.length)] + " before our launch");
            risks.setLong(4, at.toEpochMilli());
            risks.addBatch();
        }

        void prompt(
                String channel,
                String kind,
                String user,
                int member,
                LocalDate date,
                Instant sent,
                boolean answered,
                SplittableRandom random)
                throws SQLException {
            prompts.setString(1, channel);
            prompts.setString(2, kind);
            prompts.setString(3, user);
            prompts.setString(4, date.toString());
            prompts.setString(5, answered ? "answered" : random.nextDouble() < 0.2 ? "skipped" : "sent");
            prompts.setLong(6, sent.toEpochMilli());
            prompts.setLong(7, sent.toEpochMilli());
            if (answered) {
                prompts.setLong(8, sent.plus(Duration.ofMinutes(20)).toEpochMilli());
            } else {
                prompts.setNull(8, java.sql.Types.INTEGER);
            }
            prompts.setString(9, dm(member));
            prompts.setString(10, ts(sent, member));
            prompts.addBatch();
        }

        void flush() throws SQLException {
            posts.executeBatch();
            learnings.executeBatch();
            checkins.executeBatch();
            risks.executeBatch();
            prompts.executeBatch();
        }

        @Override
        public void close() throws SQLException {
            flush();
            for (PreparedStatement statement : List.of(posts, learnings, checkins, risks, prompts)) {
                statement.close();
            }
        }
    }
}
