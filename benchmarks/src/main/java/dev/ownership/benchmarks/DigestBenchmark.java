package dev.ownership.benchmarks;

import dev.ownership.bot.digest.Digest;
import dev.ownership.bot.digest.DigestComposer;
import dev.ownership.bot.streak.TeamWeeks;
import dev.ownership.storage.Database;
import dev.ownership.storage.digest.DigestRepository;
import dev.ownership.storage.nudge.StandupRepository;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Composing the weekly digest of a team of 500 members with two years of records (target: under 100 ms).
 *
 * <p>The set-up writes a real SQLite file: one standup post per member per workday (a fifth of them blockers, in
 * every state), weekly learnings, risk check-ins and risks, impact notes and two prompts per member per week.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DigestBenchmark {
    private static final String CHANNEL = "C0BENCH01";
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 11, 25);
    private static final String[] STATES = {"clear", "pending", "nudged", "proposed", "dismissed", "suppressed"};

    @Param("500")
    public int members;

    @Param("104")
    public int weeks;

    private Path directory;
    private Database database;
    private DigestComposer composer;
    private Team team;
    private LocalDate lastWeek;

    @Setup(Level.Trial)
    public void createHistory() throws IOException {
        directory = Files.createTempDirectory("digest-bench");
        database = Database.open(directory.resolve("ownership.db"));
        team = new TeamRepository(database)
                .watch(
                        CHANNEL,
                        "T1",
                        "standup",
                        ZONE,
                        "U0ADMIN",
                        FIRST_DAY.atStartOfDay(ZONE).toInstant())
                .team();
        database.write(this::insertHistory);
        lastWeek = FIRST_DAY.plusWeeks(weeks - 1L);
        Clock clock = Clock.fixed(TeamWeeks.endOf(lastWeek, ZONE).plus(Duration.ofHours(9)), ZoneOffset.UTC);
        composer = new DigestComposer(
                new StandupRepository(database), new DigestRepository(database), (c, f, t) -> List.of(), clock);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        database.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public Digest composeLastWeek() {
        return composer.compose(team, lastWeek);
    }

    private void insertHistory(Connection connection) throws SQLException {
        Random random = new Random(42);
        try (PreparedStatement posts = connection.prepareStatement(
                        "INSERT INTO standup_posts (channel_id, ts, user_id, posted_at, label, category, reasons, state,"
                                + " nudged_at, proposed_at, proposal_via, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                                + " ?, ?, ?, ?)");
                PreparedStatement shared = connection.prepareStatement(
                        "INSERT INTO learnings (channel_id, user_id, text, created_at, message_ts, source) VALUES (?, ?,"
                                + " ?, ?, ?, 'prompt')");
                PreparedStatement prompts = connection.prepareStatement(
                        "INSERT INTO prompt_deliveries (channel_id, kind, user_id, occurrence, state, created_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?)")) {
            long sequence = 0;
            for (int week = 0; week < weeks; week++) {
                LocalDate monday = FIRST_DAY.plusWeeks(week);
                for (int member = 0; member < members; member++) {
                    String user = "U" + (100_000 + member);
                    for (int day = 0; day < 5; day++) {
                        Instant at = monday.plusDays(day)
                                .atTime(9, random.nextInt(60))
                                .atZone(ZONE)
                                .toInstant();
                        addPost(posts, user, at, ++sequence, random);
                    }
                    if (random.nextInt(2) == 0) {
                        addLearning(
                                shared,
                                user,
                                monday.plusDays(4).atTime(15, 0).atZone(ZONE).toInstant(),
                                ++sequence);
                    }
                    addPrompt(prompts, "learning", user, monday.with(DayOfWeek.FRIDAY), random);
                    addPrompt(prompts, "risk", user, monday, random);
                }
                posts.executeBatch();
                shared.executeBatch();
                prompts.executeBatch();
            }
        }
    }

    private static void addPost(PreparedStatement posts, String user, Instant at, long sequence, Random random)
            throws SQLException {
        boolean blocker = random.nextInt(5) == 0;
        String state = blocker ? STATES[1 + random.nextInt(STATES.length - 1)] : "clear";
        posts.setString(1, CHANNEL);
        posts.setString(2, at.getEpochSecond() + "." + String.format("%06d", sequence % 1_000_000));
        posts.setString(3, user);
        posts.setLong(4, at.toEpochMilli());
        posts.setString(5, blocker ? "blocker_without_proposal" : "none");
        posts.setString(6, blocker ? "waiting_on_person" : null);
        posts.setString(7, blocker ? "'waiting on' in the Blockers section\nno next step found" : "");
        posts.setString(8, state);
        setNullableTime(posts, 9, "nudged".equals(state) ? at.plusSeconds(600) : null);
        setNullableTime(posts, 10, "proposed".equals(state) ? at.plusSeconds(300) : null);
        posts.setString(11, "proposed".equals(state) ? "thread" : null);
        posts.setLong(12, at.toEpochMilli());
        posts.addBatch();
    }

    private static void addLearning(PreparedStatement shared, String user, Instant at, long sequence)
            throws SQLException {
        shared.setString(1, CHANNEL);
        shared.setString(2, user);
        shared.setString(3, "Learned that idempotency keys belong in the database, number " + sequence);
        shared.setLong(4, at.toEpochMilli());
        shared.setString(5, at.getEpochSecond() + ".9" + String.format("%05d", sequence % 100_000));
        shared.addBatch();
    }

    private static void addPrompt(PreparedStatement prompts, String kind, String user, LocalDate day, Random random)
            throws SQLException {
        prompts.setString(1, CHANNEL);
        prompts.setString(2, kind);
        prompts.setString(3, user);
        prompts.setString(4, day.toString());
        prompts.setString(5, random.nextInt(3) == 0 ? "sent" : "answered");
        prompts.setLong(6, day.atTime(10, 0).atZone(ZONE).toInstant().toEpochMilli());
        prompts.addBatch();
    }

    private static void setNullableTime(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.INTEGER);
        } else {
            statement.setLong(index, value.toEpochMilli());
        }
    }
}
