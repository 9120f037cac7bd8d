package dev.ownership.bot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import dev.ownership.storage.prompt.SharedItem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("digest blocks")
class DigestSlackBlocksTest {
    private static final LocalDate WEEK = LocalDate.of(2026, 11, 16);
    private static final Instant AT = Instant.parse("2026-11-17T10:00:00Z");

    private static Digest digest(int learnings, int open) {
        Digest.WeekFigures figures = Digest.WeekFigures.week(WEEK)
                .raised(open + 2)
                .proposedAtOnce()
                .proposedAfterNudge()
                .nudgesSent(1)
                .figures();
        List<SharedItem> shared = IntStream.range(0, learnings)
                .mapToObj(i ->
                        new SharedItem(i, "C1", "U" + i, "learning number " + i + " " + "x".repeat(400), AT, "1." + i))
                .toList();
        List<Digest.OpenBlocker> stillOpen = IntStream.range(0, open)
                .mapToObj(i -> new Digest.OpenBlocker("U" + i, "C1", "2." + i, AT))
                .toList();
        return new Digest(
                "C1",
                "standup",
                ZoneId.of("Europe/Berlin"),
                WEEK,
                true,
                figures,
                List.of(figures),
                stillOpen,
                shared,
                List.of(),
                List.of(),
                List.of(),
                10,
                7);
    }

    @Test
    @DisplayName("long lists are cut with \"and N more\" and the rest goes to the thread, within Slack's limits")
    void shouldCutLongLists() {
        Digest digest = digest(12, 8);

        List<LayoutBlock> blocks = DigestSlackBlocks.digest(digest, Map.of());
        String json = GsonFactory.createSnakeCase().toJson(blocks);

        assertThat(blocks.size()).isLessThanOrEqualTo(50);
        assertThat(json).contains("and 7 more in the thread below").contains("and 3 more in the thread below");
        assertThat(json).doesNotContain("learning number 5 ").contains("learning number 4 ");
        List<String> overflow = DigestSlackBlocks.overflow(digest, Map.of());
        assertThat(String.join("\n", overflow))
                .contains("learning number 11")
                .contains("<@U7>")
                .doesNotContain("learning number 4 ");
    }

    @Test
    @DisplayName("shared texts are shortened and a short week has no overflow")
    void shouldShortenTexts() {
        Digest digest = digest(2, 1);

        String json = GsonFactory.createSnakeCase().toJson(DigestSlackBlocks.digest(digest, Map.of()));

        assertThat(json).contains("…").doesNotContain("x".repeat(300));
        assertThat(DigestSlackBlocks.overflow(digest, Map.of())).isEmpty();
        assertThat(json).contains("Prompts answered:* 7 of 10 (70%)");
    }

    @Test
    @DisplayName("the learnings part points to the library, and a week without learnings has no pointer")
    void shouldPointToTheLibrary() {
        String withLearnings = GsonFactory.createSnakeCase().toJson(DigestSlackBlocks.digest(digest(2, 0), Map.of()));
        String without = GsonFactory.createSnakeCase().toJson(DigestSlackBlocks.digest(digest(0, 1), Map.of()));

        assertThat(withLearnings)
                .contains("Every learning of #standup stays in its library")
                .contains("/ownership learnings WORDS")
                .contains("Search learnings");
        assertThat(without).doesNotContain("/ownership learnings");
    }
}
