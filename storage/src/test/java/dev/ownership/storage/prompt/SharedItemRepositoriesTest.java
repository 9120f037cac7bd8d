package dev.ownership.storage.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.storage.Database;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("learnings, risks and impact notes")
class SharedItemRepositoriesTest {
    private static final Instant NOW = Instant.parse("2026-11-27T14:00:00Z");

    @TempDir
    Path directory;

    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(directory.resolve("o.db"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    @DisplayName("a learning is kept with its text, and later with the post that shows it")
    void shouldKeepLearning() {
        LearningRepository learnings = new LearningRepository(database);

        long id = learnings.add("C1", "U1", "EXPLAIN ANALYZE beats guessing", ShareSource.PROMPT, NOW);
        learnings.attachMessage(id, "1700000000.000100");
        learnings.add("C2", "U1", "another team", ShareSource.COMMAND, NOW);

        assertThat(learnings.byUser("C1", "U1", NOW.minusSeconds(1)))
                .containsExactly(
                        new SharedItem(id, "C1", "U1", "EXPLAIN ANALYZE beats guessing", NOW, "1700000000.000100"));
        assertThat(learnings.byUser("C1", "U1", NOW.plusSeconds(1))).isEmpty();
    }

    @Test
    @DisplayName("a flagged risk counts as a check-in with a risk; \"no risks\" as one without")
    void shouldRecordRiskCheckins() {
        RiskRepository risks = new RiskRepository(database);

        long id = risks.flag("C1", "U1", "The vendor sunsets the v1 API in December", ShareSource.COMMAND, NOW);
        risks.noRisks("C1", "U1", NOW.plusSeconds(7 * 86_400));

        assertThat(risks.byUser("C1", "U1", NOW))
                .containsExactly(
                        new SharedItem(id, "C1", "U1", "The vendor sunsets the v1 API in December", NOW, null));
        assertThat(risks.checkins("C1", "U1", NOW))
                .extracting(RiskCheckin::hadRisk)
                .containsExactly(true, false);
    }

    @Test
    @DisplayName("an impact note is kept for the digest")
    void shouldKeepImpact() {
        ImpactRepository impacts = new ImpactRepository(database);

        long id = impacts.add("C1", "U1", "Checkout errors down 40%", NOW);

        assertThat(impacts.byUser("C1", "U1", NOW))
                .containsExactly(new SharedItem(id, "C1", "U1", "Checkout errors down 40%", NOW, null));
    }
}
