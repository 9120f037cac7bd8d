package dev.ownership.storage.blocker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.storage.Database;
import dev.ownership.storage.blocker.LongBlocker.Answer;
import dev.ownership.storage.blocker.LongBlocker.Kind;
import dev.ownership.storage.blocker.UnblockRepository.Reply;
import dev.ownership.storage.nudge.PostKey;
import dev.ownership.storage.privacy.ErasureRepository;
import dev.ownership.storage.privacy.RetentionRepository;
import dev.ownership.storage.testing.Rows;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("long-running blockers and unblocks in storage")
class BlockerRepositoriesTest {
    private static final String AUTHOR = "U0AUTHOR1";
    private static final String HELPER = "U0HELPER1";
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path directory;

    private Database database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private Database open() {
        database = Database.open(directory.resolve("o.db"));
        return database;
    }

    /** One team with one blocker by AUTHOR, a reply by HELPER, its resolution and credit, and a long-running entry. */
    private PostKey blockerHelpedAndResolved(Instant at) {
        Rows rows = new Rows(database);
        rows.team("C1").post("C1", AUTHOR, "blocker_without_proposal", "nudged", at, null);
        PostKey key = new PostKey("C1", onlyPostTs());
        LongBlockerRepository longBlockers = new LongBlockerRepository(database);
        UnblockRepository unblocks = new UnblockRepository(database);
        assertThat(longBlockers.detect(key, AUTHOR, Kind.NO_NEXT_STEP, "access", at, key.ts(), at.plusSeconds(60)))
                .isTrue();
        unblocks.recordReply(key, "1800000000.000001", HELPER, at.plusSeconds(120));
        Optional<Reply> helper = unblocks.lastHelperReply(key, AUTHOR, at.plusSeconds(180));
        assertThat(unblocks.resolve(key, "thanks", AUTHOR, helper, at.plusSeconds(180)))
                .isTrue();
        return key;
    }

    private String onlyPostTs() {
        return database.read(connection -> {
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT ts FROM standup_posts")) {
                rows.next();
                return rows.getString(1);
            }
        });
    }

    private int count(String table) {
        return database.read(connection -> {
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    @Test
    @DisplayName("V12 applies on a database of the schema before it that holds data, which stays and can be followed")
    void shouldMigrateADatabaseWithData() throws Exception {
        String url = "jdbc:sqlite:" + directory.resolve("o.db");
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration")
                .target("9")
                .load()
                .migrate();
        try (var connection = DriverManager.getConnection(url);
                var statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO teams (channel_id, workspace_id, channel_name, timezone, watched,"
                    + " watched_by, watched_at) VALUES ('C1', 'T1', 'standup', 'Europe/Berlin', 1, 'U0ADMIN', 0)");
            statement.executeUpdate("INSERT INTO standup_posts (channel_id, ts, user_id, posted_at, label, category,"
                    + " state, updated_at) VALUES ('C1', '1795424400.000100', '" + AUTHOR + "', "
                    + T0.toEpochMilli() + ", 'blocker_without_proposal', 'access', 'nudged', " + T0.toEpochMilli()
                    + ")");
        }

        open();

        assertThat(count("standup_posts")).isEqualTo(1);
        PostKey key = new PostKey("C1", "1795424400.000100");
        LongBlockerRepository longBlockers = new LongBlockerRepository(database);
        assertThat(longBlockers.blockersSince(T0.minusSeconds(1)))
                .singleElement()
                .satisfies(post -> assertThat(post.withoutNextStep()).isTrue());
        assertThat(longBlockers.settings("C1")).isEqualTo(new LongBlockerRepository.Settings(false, 3));
        assertThat(longBlockers.detect(key, AUTHOR, Kind.NO_NEXT_STEP, "access", T0, key.ts(), T0))
                .isTrue();
    }

    @Nested
    @DisplayName("a long-running blocker")
    class LongRunning {
        @Test
        @DisplayName("is recorded once, its question claimed once, and answered once and only by its author")
        void shouldBeAskedOnce() {
            open();
            PostKey key = blockerHelpedAndResolved(T0);
            LongBlockerRepository longBlockers = new LongBlockerRepository(database);

            assertThat(longBlockers.detect(key, AUTHOR, Kind.RECURRING, "access", T0, key.ts(), T0.plusSeconds(99)))
                    .isFalse();
            assertThat(longBlockers.dueAsks(T0.plusSeconds(60), 10)).hasSize(1);
            assertThat(longBlockers.claimAsk(key, T0.plusSeconds(61))).isTrue();
            assertThat(longBlockers.claimAsk(key, T0.plusSeconds(61))).isFalse();
            assertThat(longBlockers.markAsked(key, "D1", "1.1", null, T0.plusSeconds(62)))
                    .isTrue();
            assertThat(longBlockers.answer(key, HELPER, Answer.ON_IT, T0.plusSeconds(63)))
                    .isFalse();
            assertThat(longBlockers.answer(key, AUTHOR, Answer.RAISED, T0.plusSeconds(63)))
                    .isTrue();
            assertThat(longBlockers.answer(key, AUTHOR, Answer.ON_IT, T0.plusSeconds(64)))
                    .isFalse();
            assertThat(longBlockers.find(key).orElseThrow().answer()).isEqualTo(Answer.RAISED);
        }

        @Test
        @DisplayName("a question left half-sent by a crash is settled as failed, never sent again")
        void shouldFailInterruptedClaims() {
            open();
            PostKey key = blockerHelpedAndResolved(T0);
            LongBlockerRepository longBlockers = new LongBlockerRepository(database);
            longBlockers.claimAsk(key, T0.plusSeconds(61));

            assertThat(longBlockers.failInterruptedClaims(
                            T0.plus(Duration.ofMinutes(10)), T0.plus(Duration.ofMinutes(15))))
                    .isEqualTo(1);
            assertThat(longBlockers.find(key).orElseThrow().askState()).isEqualTo(LongBlocker.AskState.FAILED);
            assertThat(longBlockers.dueAsks(T0.plus(Duration.ofDays(1)), 10)).isEmpty();
        }
    }

    @Test
    @DisplayName("a helper's thank-you is claimed at most once a day; later credits that day are skipped but kept")
    void shouldThankAtMostOnceADay() {
        open();
        Rows rows = new Rows(database);
        rows.team("C1")
                .post("C1", AUTHOR, "blocker_without_proposal", "nudged", T0, null)
                .post("C1", AUTHOR, "blocker_without_proposal", "nudged", T0.plusSeconds(1), null);
        UnblockRepository unblocks = new UnblockRepository(database);
        LocalDate day = LocalDate.of(2026, 11, 23);
        for (String ts : database.read(connection -> {
            try (ResultSet found = connection.createStatement().executeQuery("SELECT ts FROM standup_posts")) {
                java.util.List<String> all = new java.util.ArrayList<>();
                while (found.next()) {
                    all.add(found.getString(1));
                }
                return all;
            }
        })) {
            PostKey key = new PostKey("C1", ts);
            unblocks.resolve(key, "reaction", AUTHOR, Optional.of(new Reply(key, ts + "9", HELPER)), T0);
        }

        java.util.List<Unblock> due = unblocks.dueThanks(T0, 10);
        assertThat(due).hasSize(2);
        assertThat(unblocks.claimThanks(due.get(0).key(), HELPER, day, T0)).isTrue();
        assertThat(unblocks.claimThanks(due.get(1).key(), HELPER, day, T0)).isFalse();
        assertThat(unblocks.dueThanks(T0, 10)).isEmpty();
        assertThat(unblocks.byHelper(HELPER, Instant.EPOCH)).hasSize(2);
    }

    @Nested
    @DisplayName("forget-me")
    class ForgetMe {
        @Test
        @DisplayName("of the author erases the long-running blocker, replies, resolution and credit about their post")
        void shouldEraseWithTheAuthor() {
            open();
            blockerHelpedAndResolved(T0);

            new ErasureRepository(database).eraseAndPause(AUTHOR, LocalDate.of(2026, 11, 24), T0);

            assertThat(new Rows(database).cellsContaining(AUTHOR)).containsExactly("pauses.user_id");
            assertThat(count("long_blockers")
                            + count("blocker_replies")
                            + count("blocker_resolutions")
                            + count("unblocks"))
                    .isZero();
        }

        @Test
        @DisplayName("of the helper erases their replies and credits, and the author's resolution stays")
        void shouldEraseTheHelper() {
            open();
            PostKey key = blockerHelpedAndResolved(T0);

            new ErasureRepository(database).eraseAndPause(HELPER, LocalDate.of(2026, 11, 24), T0);

            assertThat(new Rows(database).cellsContaining(HELPER)).containsExactly("pauses.user_id");
            assertThat(new UnblockRepository(database).isResolved(key)).isTrue();
            assertThat(count("long_blockers")).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("retention prunes old long-running blockers, replies, resolutions and credits, and keeps recent ones")
    void shouldPruneOldRecords() {
        open();
        blockerHelpedAndResolved(T0);
        new LongBlockerRepository(database).setEscalation("C1", true, T0);

        new RetentionRepository(database).deleteBefore(T0.minus(Duration.ofDays(1)));
        assertThat(count("long_blockers") + count("blocker_replies") + count("blocker_resolutions") + count("unblocks"))
                .isEqualTo(4);

        var deleted = new RetentionRepository(database).deleteBefore(T0.plus(Duration.ofDays(1)));
        assertThat(count("long_blockers") + count("blocker_replies") + count("blocker_resolutions") + count("unblocks"))
                .isZero();
        assertThat(deleted).containsKeys("long_blockers", "blocker_replies", "blocker_resolutions", "unblocks");
        assertThat(new LongBlockerRepository(database).settings("C1").escalation())
                .as("a setting, not a record")
                .isTrue();
    }
}
