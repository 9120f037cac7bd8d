package dev.ownership.storage.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.storage.Database;
import dev.ownership.storage.nudge.StandupPost.ProposalVia;
import dev.ownership.storage.nudge.StandupPost.State;
import dev.ownership.storage.nudge.StandupRepository.Claim;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("standup posts")
class StandupRepositoryTest {
    private static final Instant POSTED = Instant.parse("2026-11-23T09:00:00Z");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @TempDir
    Path directory;

    private Database database;
    private StandupRepository posts;

    @BeforeEach
    void open() {
        database = Database.open(directory.resolve("o.db"));
        posts = new StandupRepository(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private boolean pending(String ts, String user) {
        return posts.record(
                "C1",
                ts,
                user,
                POSTED,
                new FirstVerdict(
                        PostLabel.BLOCKER_WITHOUT_PROPOSAL,
                        PostCategory.REVIEW_PENDING,
                        List.of("'waiting on' in the Blockers section", "no next step found"),
                        State.PENDING,
                        POSTED.plusSeconds(600),
                        null),
                POSTED);
    }

    @Test
    @DisplayName("records a post once per channel and ts, keeping reasons but no text")
    void shouldRecordOnce() {
        assertThat(pending("1.0001", "U1")).isTrue();
        assertThat(pending("1.0001", "U1")).isFalse();

        StandupPost post = posts.find("C1", "1.0001").orElseThrow();
        assertThat(post.state()).isEqualTo(State.PENDING);
        assertThat(post.reasons()).containsExactly("'waiting on' in the Blockers section", "no next step found");
        assertThat(post.proposalText()).isNull();
    }

    private boolean arrived(String ts) {
        return posts.recordArrival(
                "C1",
                ts,
                POSTED,
                new FirstVerdict(
                        PostLabel.BLOCKER_WITHOUT_PROPOSAL,
                        PostCategory.REVIEW_PENDING,
                        List.of("no next step found"),
                        State.PENDING,
                        POSTED.plusSeconds(600),
                        null),
                POSTED);
    }

    @Nested
    @DisplayName("a standup bot's report waiting for its person")
    class Arrivals {
        @Test
        @DisplayName("is no post and never due until attributed; then it is the person's, due as judged")
        void shouldWaitThenMove() {
            assertThat(arrived("2.0001")).isTrue();
            assertThat(arrived("2.0001")).isFalse();
            assertThat(posts.find("C1", "2.0001")).isEmpty();
            assertThat(posts.due(POSTED.plusSeconds(3600), 10)).isEmpty();

            StandupPost post = posts.attributeArrival("C1", "2.0001", "U7", POSTED.plusSeconds(2))
                    .orElseThrow();

            assertThat(post.userId()).isEqualTo("U7");
            assertThat(post.state()).isEqualTo(State.PENDING);
            assertThat(post.reasons()).containsExactly("no next step found");
            assertThat(posts.due(POSTED.plusSeconds(600), 10))
                    .extracting(StandupPost::ts)
                    .containsExactly("2.0001");
            assertThat(posts.attributeArrival("C1", "2.0001", "U8", POSTED.plusSeconds(3)))
                    .as("moved once")
                    .isEmpty();
            assertThat(arrived("2.0001")).as("a redelivery after the move").isFalse();
        }

        @Test
        @DisplayName("a report proposed at once keeps its next step's time when attributed")
        void shouldKeepProposedAtOnce() {
            posts.recordArrival(
                    "C1",
                    "2.0002",
                    POSTED,
                    new FirstVerdict(
                            PostLabel.BLOCKER_WITH_PROPOSAL,
                            PostCategory.REVIEW_PENDING,
                            List.of(),
                            State.PROPOSED,
                            null,
                            ProposalVia.AT_ONCE),
                    POSTED);

            StandupPost post = posts.attributeArrival("C1", "2.0002", "U7", POSTED.plusSeconds(1))
                    .orElseThrow();

            assertThat(post.proposalVia()).isEqualTo(ProposalVia.AT_ONCE);
            assertThat(post.proposedAt()).isEqualTo(POSTED);
        }

        @Test
        @DisplayName("dropped, or left by a crash and dropped at start-up, nothing of it remains")
        void shouldDrop() {
            arrived("2.0003");
            arrived("2.0004");
            assertThat(posts.dropArrival("C1", "2.0003")).isTrue();
            assertThat(posts.attributeArrival("C1", "2.0003", "U7", POSTED)).isEmpty();

            assertThat(posts.dropArrivalsBefore(POSTED)).isZero();
            assertThat(posts.dropArrivalsBefore(POSTED.plusMillis(1))).isEqualTo(1);
            assertThat(posts.attributeArrival("C1", "2.0004", "U7", POSTED)).isEmpty();
            assertThat(posts.find("C1", "2.0004")).isEmpty();
        }
    }

    @Test
    @DisplayName("due nudges are those pending with due time reached")
    void shouldListDue() {
        pending("1.0001", "U1");
        assertThat(posts.due(POSTED.plusSeconds(599), 10)).isEmpty();
        assertThat(posts.due(POSTED.plusSeconds(600), 10))
                .extracting(StandupPost::ts)
                .containsExactly("1.0001");

        posts.reschedule("C1", "1.0001", POSTED.plusSeconds(7200), POSTED);
        assertThat(posts.due(POSTED.plusSeconds(3600), 10)).isEmpty();
    }

    @Nested
    @DisplayName("claiming a nudge")
    class Claiming {
        @Test
        @DisplayName("succeeds for exactly one of many concurrent deliveries")
        void shouldClaimOnce() throws Exception {
            pending("1.0001", "U1");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Claim>> claims = IntStream.range(0, 16)
                    .mapToObj(i -> pool.submit(() -> posts.claim("C1", "1.0001", "U1", MONDAY, 5, POSTED)))
                    .toList();
            long claimed = 0;
            for (Future<Claim> claim : claims) {
                if (claim.get(10, TimeUnit.SECONDS) == Claim.CLAIMED) {
                    claimed++;
                }
            }
            pool.shutdown();
            assertThat(claimed).isEqualTo(1);
        }

        @Test
        @DisplayName("suppresses a nudge over the person's daily budget")
        void shouldRespectDailyLimit() {
            pending("1.0001", "U1");
            pending("1.0002", "U1");
            assertThat(posts.claim("C1", "1.0001", "U1", MONDAY, 1, POSTED)).isEqualTo(Claim.CLAIMED);
            posts.markNudged("C1", "1.0001", "D1", "9.9", POSTED);

            assertThat(posts.claim("C1", "1.0002", "U1", MONDAY, 1, POSTED)).isEqualTo(Claim.OVER_DAILY_LIMIT);
            StandupPost second = posts.find("C1", "1.0002").orElseThrow();
            assertThat(second.state()).isEqualTo(State.SUPPRESSED);
            assertThat(second.stateReason()).isEqualTo("daily_limit");
        }

        @Test
        @DisplayName("the budget is per local day")
        void shouldResetBudgetNextDay() {
            pending("1.0001", "U1");
            pending("1.0002", "U1");
            posts.claim("C1", "1.0001", "U1", MONDAY, 1, POSTED);

            assertThat(posts.claim("C1", "1.0002", "U1", MONDAY.plusDays(1), 1, POSTED))
                    .isEqualTo(Claim.CLAIMED);
        }

        @Test
        @DisplayName("a claim interrupted by a crash is settled as failed, never re-sent")
        void shouldFailInterruptedClaims() {
            pending("1.0001", "U1");
            posts.claim("C1", "1.0001", "U1", MONDAY, 1, POSTED);

            assertThat(posts.failInterruptedClaims(POSTED.plusSeconds(1), POSTED.plusSeconds(120)))
                    .isEqualTo(1);
            StandupPost post = posts.find("C1", "1.0001").orElseThrow();
            assertThat(post.state()).isEqualTo(State.FAILED);
            assertThat(posts.due(POSTED.plusSeconds(86_400), 10)).isEmpty();
        }
    }

    @Test
    @DisplayName("a proposal settles an open blocker once, with how and when it came")
    void shouldMarkProposed() {
        pending("1.0001", "U1");

        assertThat(posts.markProposed("C1", "1.0001", ProposalVia.THREAD, null, POSTED.plusSeconds(60)))
                .isTrue();
        assertThat(posts.markProposed("C1", "1.0001", ProposalVia.NUDGE, "x", POSTED.plusSeconds(90)))
                .isFalse();

        StandupPost post = posts.find("C1", "1.0001").orElseThrow();
        assertThat(post.state()).isEqualTo(State.PROPOSED);
        assertThat(post.proposalVia()).isEqualTo(ProposalVia.THREAD);
        assertThat(post.proposedAt()).isEqualTo(POSTED.plusSeconds(60));
        assertThat(posts.due(POSTED.plusSeconds(86_400), 10)).isEmpty();
    }

    @Test
    @DisplayName("deleting a post cancels its nudge")
    void shouldCancelOnDelete() {
        pending("1.0001", "U1");

        posts.markDeleted("C1", "1.0001", POSTED.plusSeconds(30));

        assertThat(posts.due(POSTED.plusSeconds(86_400), 10)).isEmpty();
        assertThat(posts.claim("C1", "1.0001", "U1", MONDAY, 1, POSTED)).isEqualTo(Claim.TAKEN);
    }

    @Test
    @DisplayName("an edit re-labels a post that was not nudged yet")
    void shouldReclassifyBeforeNudge() {
        pending("1.0001", "U1");

        assertThat(posts.reclassify("C1", "1.0001", PostLabel.NONE, null, List.of(), State.CLEAR, null, null, POSTED))
                .isTrue();
        assertThat(posts.find("C1", "1.0001").orElseThrow().state()).isEqualTo(State.CLEAR);
    }
}
