package dev.ownership.benchmarks;

import dev.ownership.bot.learning.LearningLibrary;
import dev.ownership.bot.learning.LibraryAnswer;
import dev.ownership.bot.learning.LibraryScope;
import dev.ownership.storage.Database;
import dev.ownership.storage.learning.LearningLibraryRepository;
import dev.ownership.storage.workspace.MemberRepository;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
 * Searching the learnings library of 100,000 learnings (target: p99 under 20 ms).
 *
 * <p>The set-up writes a real SQLite file through the migrations: {@code teams} watched teams sharing
 * {@code learnings} learnings in all, each of 8 to 30 words drawn from an engineering vocabulary with a skewed
 * (Zipf-like) frequency, so that some words are in a large share of the library and most are rare; the FTS5 index is
 * filled by the table's own triggers, as in production. Each search goes through {@link LearningLibrary#search} as
 * {@code /ownership learnings} does, with the permalinks answered at once (in production they are remembered).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 3)
@Fork(1)
public class LearningSearchBenchmark {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final String[] WORDS = {
        "retry",
        "backoff",
        "timeout",
        "cache",
        "index",
        "query",
        "deploy",
        "rollback",
        "flag",
        "feature",
        "test",
        "flaky",
        "clock",
        "timezone",
        "migration",
        "schema",
        "lock",
        "deadlock",
        "thread",
        "pool",
        "queue",
        "event",
        "kafka",
        "postgres",
        "sqlite",
        "redis",
        "latency",
        "p99",
        "budget",
        "alert",
        "pager",
        "incident",
        "review",
        "pairing",
        "docs",
        "runbook",
        "terraform",
        "kubernetes",
        "pod",
        "memory",
        "leak",
        "heap",
        "profile",
        "trace",
        "span",
        "metric",
        "dashboard",
        "gradle",
        "maven",
        "dependency",
        "upgrade",
        "security",
        "token",
        "vault",
        "secret",
        "rotation",
        "certificate",
        "tls",
        "dns",
        "proxy",
        "load",
        "balancer",
        "idempotency",
        "key",
        "payment",
        "invoice",
        "billing",
        "customer",
        "contract",
        "api",
        "version",
        "deprecation",
        "client",
        "sdk",
        "mobile",
        "release",
        "train",
        "canary",
        "staging",
        "production",
        "backup",
        "restore",
        "replica",
        "shard",
        "partition",
        "consumer",
        "producer",
        "offset",
        "batch",
        "stream",
        "json",
        "schema",
        "validation",
        "error",
        "exception",
        "logging",
        "sampling",
        "ownership",
        "estimate",
        "scope",
        "demo",
        "stakeholder",
        "roadmap"
    };
    private static final String[] FORMS = {"", "s", "ing", "ed", "es"};

    @Param("100000")
    public int learnings;

    @Param("200")
    public int teams;

    private Path directory;
    private Database database;
    private LearningLibrary library;
    private final List<LibraryScope> scopes = new ArrayList<>();
    private final List<String> queries = new ArrayList<>();
    private int next;

    @Setup(Level.Trial)
    public void createLibrary() throws IOException {
        directory = Files.createTempDirectory("learnings-bench");
        database = Database.open(directory.resolve("ownership.db"));
        TeamRepository teamRepository = new TeamRepository(database);
        for (int i = 0; i < teams; i++) {
            Team team = teamRepository
                    .watch("C" + (100_000 + i), "T1", "team-" + i, ZONE, "U0ADMIN", Instant.EPOCH)
                    .team();
            scopes.add(new LibraryScope(List.of(team), null));
        }
        database.write(this::insertLearnings);
        library = new LearningLibrary(
                new LearningLibraryRepository(database),
                teamRepository,
                new MemberRepository(database),
                posts -> posts.stream()
                        .collect(Collectors.toMap(
                                post -> post,
                                post -> "https://example.slack.com/archives/" + post.channelId() + "/p" + post.ts())));
        Random random = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            int words = 1 + random.nextInt(3);
            StringBuilder query = new StringBuilder();
            for (int w = 0; w < words; w++) {
                query.append(w == 0 ? "" : " ").append(word(random)).append(FORMS[random.nextInt(FORMS.length)]);
            }
            queries.add(query.toString());
        }
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        database.close();
        try (var files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    /** One team's library, one to three words in some inflected form: the usual search. */
    @Benchmark
    public LibraryAnswer searchOneTeam() {
        int i = next++;
        return library.search(scopes.get(i % scopes.size()), queries.get(i % queries.size()));
    }

    /** One team's library, the most frequent word of the vocabulary: the most matches to rank. */
    @Benchmark
    public LibraryAnswer searchCommonWord() {
        return library.search(scopes.get(next++ % scopes.size()), "retries");
    }

    /** The latest learnings of a team, as the App Home and {@code /ownership learnings} with no words show. */
    @Benchmark
    public LibraryAnswer latest() {
        return library.search(scopes.get(next++ % scopes.size()), "");
    }

    private void insertLearnings(Connection connection) throws SQLException {
        Random random = new Random(42);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO learnings (channel_id, user_id, text, created_at, message_ts, source)"
                        + " VALUES (?, ?, ?, ?, ?, 'prompt')")) {
            for (int i = 0; i < learnings; i++) {
                int words = 8 + random.nextInt(23);
                StringBuilder text = new StringBuilder("Learned that");
                for (int w = 0; w < words; w++) {
                    text.append(' ').append(word(random)).append(FORMS[random.nextInt(FORMS.length)]);
                }
                insert.setString(1, "C" + (100_000 + random.nextInt(teams)));
                insert.setString(2, "U" + (100_000 + random.nextInt(5_000)));
                insert.setString(3, text.toString());
                insert.setLong(4, 1_700_000_000_000L + i * 60_000L);
                insert.setString(5, (1_700_000_000L + i * 60L) + ".000100");
                insert.addBatch();
                if (i % 5_000 == 4_999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** A word of the vocabulary, the first ones far more often than the last (roughly Zipf). */
    private static String word(Random random) {
        double skewed = Math.pow(random.nextDouble(), 2.5);
        return WORDS[(int) (skewed * WORDS.length)];
    }
}
