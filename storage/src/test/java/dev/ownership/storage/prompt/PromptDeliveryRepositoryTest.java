package dev.ownership.storage.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.storage.Database;
import dev.ownership.storage.prompt.PromptDelivery.Key;
import dev.ownership.storage.prompt.PromptDelivery.State;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("prompt deliveries")
class PromptDeliveryRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-11-27T14:00:00Z");
    private static final Key KEY = new Key("C1", "learning", "U1", "2026-11-27");

    @TempDir
    Path directory;

    private Database database;
    private PromptDeliveryRepository deliveries;

    @BeforeEach
    void open() {
        database = Database.open(directory.resolve("o.db"));
        deliveries = new PromptDeliveryRepository(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    @DisplayName("exactly one of many concurrent claims of the same occurrence wins")
    void shouldClaimOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> claims = IntStream.range(0, 16)
                .mapToObj(i -> pool.submit(() -> deliveries.claim(KEY, NOW)))
                .toList();
        long won = 0;
        for (Future<Boolean> claim : claims) {
            if (claim.get(10, TimeUnit.SECONDS)) {
                won++;
            }
        }
        pool.shutdown();

        assertThat(won).isEqualTo(1);
        assertThat(deliveries.claim(new Key("C1", "learning", "U1", "2026-12-04"), NOW))
                .isTrue();
        assertThat(deliveries.claim(new Key("C1", "risk", "U1", "2026-11-27"), NOW))
                .isTrue();
    }

    @Test
    @DisplayName("a sent prompt is answered once; a second answer or a skip changes nothing")
    void shouldAnswerOnce() {
        assertThat(deliveries.answer(KEY, NOW)).as("never claimed").isFalse();
        deliveries.claim(KEY, NOW);
        assertThat(deliveries.markSent(KEY, "D1", "1.0001", NOW)).isTrue();

        assertThat(deliveries.answer(KEY, NOW.plusSeconds(60))).isTrue();
        assertThat(deliveries.answer(KEY, NOW.plusSeconds(90))).isFalse();
        assertThat(deliveries.skip(KEY, NOW.plusSeconds(90))).isFalse();

        PromptDelivery delivery = deliveries.find(KEY).orElseThrow();
        assertThat(delivery.state()).isEqualTo(State.ANSWERED);
        assertThat(delivery.dmChannel()).isEqualTo("D1");
        assertThat(delivery.dmTs()).isEqualTo("1.0001");
        assertThat(delivery.answeredAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    @DisplayName("an answer faster than recording the DM is kept, and the DM's place is still recorded")
    void shouldKeepAnswerBeforeMarkSent() {
        deliveries.claim(KEY, NOW);

        assertThat(deliveries.answer(KEY, NOW)).isTrue();
        assertThat(deliveries.markSent(KEY, "D1", "1.0001", NOW)).isTrue();

        PromptDelivery delivery = deliveries.find(KEY).orElseThrow();
        assertThat(delivery.state()).isEqualTo(State.ANSWERED);
        assertThat(delivery.dmTs()).isEqualTo("1.0001");
    }

    @Test
    @DisplayName("a refused DM is recorded as failed with the reason, and cannot be sent any more")
    void shouldRecordFailure() {
        deliveries.claim(KEY, NOW);

        assertThat(deliveries.markFailed(KEY, "account_inactive")).isTrue();
        assertThat(deliveries.markSent(KEY, "D1", "1.0001", NOW)).isFalse();

        PromptDelivery delivery = deliveries.find(KEY).orElseThrow();
        assertThat(delivery.state()).isEqualTo(State.FAILED);
        assertThat(delivery.reason()).isEqualTo("account_inactive");
    }

    @Test
    @DisplayName("a failed delivery clicked in its DM reached the person: it learns the DM and can be answered once")
    void shouldAnswerFailedDeliveryFromItsDm() {
        deliveries.claim(KEY, NOW);
        deliveries.markFailed(KEY, "Slack chat.postMessage failed (timeout); it may have gone through");

        assertThat(deliveries.recordDm(KEY, "D1", "1.0001")).isTrue();
        assertThat(deliveries.recordDm(KEY, "D2", "2.0002"))
                .as("a known DM is kept")
                .isFalse();
        assertThat(deliveries.answer(KEY, NOW)).isTrue();
        assertThat(deliveries.skip(KEY, NOW)).isFalse();

        PromptDelivery delivery = deliveries.find(KEY).orElseThrow();
        assertThat(delivery.state()).isEqualTo(State.ANSWERED);
        assertThat(delivery.dmChannel()).isEqualTo("D1");
        assertThat(delivery.dmTs()).isEqualTo("1.0001");
    }

    @Test
    @DisplayName("claims interrupted by a crash are settled as failed, never re-sent; recent ones are left alone")
    void shouldFailInterruptedClaims() {
        deliveries.claim(KEY, NOW);
        Key recent = new Key("C1", "learning", "U2", "2026-11-27");
        deliveries.claim(recent, NOW.plusSeconds(600));

        assertThat(deliveries.failInterrupted(NOW.plusSeconds(300))).isEqualTo(1);

        assertThat(deliveries.find(KEY).orElseThrow().reason()).isEqualTo("interrupted");
        assertThat(deliveries.find(recent).orElseThrow().state()).isEqualTo(State.SENDING);
        assertThat(deliveries.claim(KEY, NOW.plusSeconds(900))).isFalse();
    }
}
