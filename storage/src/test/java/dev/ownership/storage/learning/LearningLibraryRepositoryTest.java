package dev.ownership.storage.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ownership.storage.Database;
import dev.ownership.storage.privacy.ErasureRepository;
import dev.ownership.storage.privacy.RetentionRepository;
import dev.ownership.storage.prompt.LearningRepository;
import dev.ownership.storage.prompt.ShareSource;
import dev.ownership.storage.prompt.SharedItem;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("the learnings library")
class LearningLibraryRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-11-27T14:00:00Z");
    private static final List<String> TEAM = List.of("C1");

    @TempDir
    Path directory;

    private Database database;
    private LearningRepository learnings;
    private LearningLibraryRepository library;

    @BeforeEach
    void open() {
        database = Database.open(directory.resolve("o.db"));
        learnings = new LearningRepository(database);
        library = new LearningLibraryRepository(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private long learn(String channel, String user, String text, Instant at) {
        return learnings.add(channel, user, text, ShareSource.COMMAND, at);
    }

    private List<String> texts(List<SharedItem> items) {
        return items.stream().map(SharedItem::text).toList();
    }

    @Test
    @DisplayName("the SQLite driver in use has FTS5 compiled in")
    void shouldHaveFts5() {
        int used = database.read(connection -> {
            try (ResultSet rows =
                    connection.createStatement().executeQuery("SELECT sqlite_compileoption_used('ENABLE_FTS5')")) {
                rows.next();
                return rows.getInt(1);
            }
        });
        assertThat(used).isEqualTo(1);
    }

    @Nested
    @DisplayName("search")
    class Search {
        @Test
        @DisplayName("stems words: \"retries\" finds \"retry\", \"flaky tests\" finds \"flakiness in a test\"")
        void shouldStem() {
            learn("C1", "U1", "Add a retry with jittered backoff around the payment client", NOW);
            learn("C1", "U2", "Flaky test? Check the test's clock before blaming the network", NOW);

            assertThat(texts(library.searchAll(TEAM, SearchTerms.of("retries"), 10)))
                    .containsExactly("Add a retry with jittered backoff around the payment client");
            assertThat(texts(library.searchAll(TEAM, SearchTerms.of("Tests"), 10)))
                    .containsExactly("Flaky test? Check the test's clock before blaming the network");
        }

        @Test
        @DisplayName("ranks by bm25: the learning where the words weigh most comes first, newest first among equals")
        void shouldRankByBm25() {
            long passing =
                    learn("C1", "U1", "We talked about caching once, among many other things in a long retro", NOW);
            long focused = learn("C1", "U2", "Caching: cache keys need the tenant id", NOW.minusSeconds(60));
            long older = learn("C1", "U3", "Release notes go out on Fridays", NOW.minusSeconds(120));
            long newer = learn("C1", "U3", "Release notes go out on Fridays", NOW);

            assertThat(library.searchAll(TEAM, SearchTerms.of("caching"), 10))
                    .extracting(SharedItem::id)
                    .containsExactly(focused, passing);
            assertThat(library.searchAll(TEAM, SearchTerms.of("release notes"), 10))
                    .extracting(SharedItem::id)
                    .containsExactly(newer, older);
        }

        @Test
        @DisplayName("all words must match; any word matches when asked")
        void shouldMatchAllOrAny() {
            learn("C1", "U1", "Retry with backoff", NOW);
            learn("C1", "U1", "Timeouts belong on every client", NOW);

            assertThat(library.searchAll(TEAM, SearchTerms.of("retry timeouts"), 10))
                    .isEmpty();
            assertThat(texts(library.searchAny(TEAM, SearchTerms.of("retry timeouts"), 10)))
                    .containsExactlyInAnyOrder("Retry with backoff", "Timeouts belong on every client");
        }

        @Test
        @DisplayName("reads only the channels it is given")
        void shouldKeepToTheGivenTeams() {
            learn("C1", "U1", "Retry with backoff", NOW);
            learn("C2", "U2", "Retry budget per request", NOW);

            assertThat(texts(library.searchAll(TEAM, SearchTerms.of("retry"), 10)))
                    .containsExactly("Retry with backoff");
            assertThat(library.searchAll(List.of(), SearchTerms.of("retry"), 10))
                    .isEmpty();
            assertThat(library.searchAll(List.of("C1", "C2"), SearchTerms.of("retry"), 10))
                    .hasSize(2);
            assertThat(library.latest(List.of("C2"), 10))
                    .extracting(SharedItem::channelId)
                    .containsOnly("C2");
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(
                strings = {
                    "\"",
                    "\"retry",
                    "retry\"\"",
                    "retry*",
                    "*",
                    "^retry",
                    "retry OR",
                    "AND",
                    "NOT retry",
                    "retry NEAR(backoff",
                    "NEAR(retry backoff, 2)",
                    "text:retry",
                    "channel_id:C1",
                    "{text channel_id}: retry",
                    "(retry",
                    "retry)",
                    "-retry",
                    "+retry",
                    "retry -- DROP TABLE learnings;",
                    "'; DELETE FROM learnings; --",
                    "&lt;b&gt;retry&lt;/b&gt; &amp;",
                    "<@U123|ada> <#C1|standup> <https://x.io|retry>",
                    "???",
                    "ré-try Übergang 再試行 🙂",
                    "\u0000retry\u200b"
                })
        @DisplayName("quotes, operators and stray punctuation never break the query")
        void shouldSurviveHostileWords(String typed) {
            learn("C1", "U1", "Retry with backoff", NOW);
            SearchTerms terms = SearchTerms.of(typed);

            assertThatCode(() -> {
                        library.searchAll(TEAM, terms, 10);
                        library.searchAny(TEAM, terms, 10);
                    })
                    .doesNotThrowAnyException();
            assertThat(library.count(TEAM)).as("nothing deleted").isEqualTo(1);
        }

        @Test
        @DisplayName("an FTS5 keyword is searched as a plain word")
        void shouldSearchKeywordsAsWords() {
            learn("C1", "U1", "NOT NULL columns need a default when you add them", NOW);

            assertThat(library.searchAll(TEAM, SearchTerms.of("not null"), 10)).hasSize(1);
            assertThat(library.searchAll(TEAM, SearchTerms.of("\"NOT\" NULL*"), 10))
                    .hasSize(1);
        }
    }

    @Test
    @DisplayName("lists the latest first, and counts the library")
    void shouldListLatest() {
        learn("C1", "U1", "first", NOW.minusSeconds(120));
        learn("C1", "U1", "second", NOW.minusSeconds(60));
        learn("C1", "U1", "third", NOW);

        assertThat(texts(library.latest(TEAM, 2))).containsExactly("third", "second");
        assertThat(library.count(TEAM)).isEqualTo(3);
    }

    @Nested
    @DisplayName("stays in step with the learnings table")
    class InStep {
        @Test
        @DisplayName("forget-me removes the person's learnings from the index, tokens and all")
        void shouldForgetThePerson() {
            learn("C1", "U1", "Zanzibar tokens expire hourly", NOW);
            learn("C1", "U2", "Retry with backoff", NOW);

            new ErasureRepository(database).eraseAndPause("U1", LocalDate.of(2026, 11, 27), NOW);

            assertThat(library.searchAny(TEAM, SearchTerms.of("zanzibar tokens retry"), 10))
                    .extracting(SharedItem::userId)
                    .containsExactly("U2");
            assertThat(indexedTerms())
                    .doesNotContain("zanzibar", "token", "hourli")
                    .contains("retri");
            assertThat(integrityCheck()).isTrue();
        }

        @Test
        @DisplayName("retention removes old learnings from the index")
        void shouldPruneWithRetention() {
            learn("C1", "U1", "Quokka deploys are quiet", NOW.minusSeconds(400 * 86_400L));
            learn("C1", "U1", "Retry with backoff", NOW);

            new RetentionRepository(database).deleteBefore(NOW.minusSeconds(180 * 86_400L));

            assertThat(library.searchAll(TEAM, SearchTerms.of("quokka"), 10)).isEmpty();
            assertThat(indexedTerms()).doesNotContain("quokka");
            assertThat(integrityCheck()).isTrue();
        }

        @Test
        @DisplayName("attaching the post leaves the index as it was; a changed text is indexed anew")
        void shouldFollowUpdates() {
            long id = learn("C1", "U1", "Retry with backoff", NOW);
            learnings.attachMessage(id, "1700000000.000100");
            database.write(connection -> connection
                    .createStatement()
                    .executeUpdate("UPDATE learnings SET text = 'Idempotency keys first' WHERE id = " + id));

            assertThat(library.searchAll(TEAM, SearchTerms.of("retry"), 10)).isEmpty();
            assertThat(library.searchAll(TEAM, SearchTerms.of("idempotency"), 10))
                    .extracting(SharedItem::messageTs)
                    .containsExactly("1700000000.000100");
            assertThat(integrityCheck()).isTrue();
        }
    }

    private List<String> indexedTerms() {
        return database.inTransaction(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute(
                        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.learnings_terms USING fts5vocab(main, learnings_fts, row)");
                List<String> terms = new java.util.ArrayList<>();
                try (ResultSet rows = statement.executeQuery("SELECT term FROM temp.learnings_terms")) {
                    while (rows.next()) {
                        terms.add(rows.getString(1));
                    }
                }
                return terms;
            }
        });
    }

    private boolean integrityCheck() {
        return database.inTransaction(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("INSERT INTO learnings_fts (learnings_fts, rank) VALUES ('integrity-check', 1)");
                return true;
            }
        });
    }
}
