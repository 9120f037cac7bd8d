package dev.ownership.bot.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.bot.nudge.BotPost.Attachment;
import dev.ownership.bot.nudge.BotPost.Field;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("reading a standup bot's post as a report")
class ReportReadingTest {
    private static BotPost post(String postedAs, String text, Attachment... attachments) {
        return new BotPost("C1", "1.0001", "B0GEEK", null, postedAs, text, List.of(attachments));
    }

    private static Attachment fields(String author, Field... fields) {
        return new Attachment(author, null, null, null, List.of(fields));
    }

    private static ReportReading.Reading read(BotPost post) {
        return ReportReading.read(post, "Geekbot");
    }

    @Nested
    @DisplayName("whom it reports for")
    class Whom {
        @Test
        @DisplayName("the one person mentioned on the first line, by id; the line itself is not an answer")
        void shouldReadMention() {
            ReportReading.Reading reading = read(post(
                    null,
                    "<@U0ALICE1|alice> posted an update for *Daily Standup*\nAnything blocking your progress?\nNo"));

            assertThat(reading.named()).isEqualTo(new ReportReading.Named.ById("U0ALICE1"));
            assertThat(reading.answers()).isEqualTo("Anything blocking your progress?\nNo");
        }

        @Test
        @DisplayName("else the attachments' author, by name (or by id when the author is a mention)")
        void shouldReadAuthor() {
            assertThat(read(post(null, "", fields("  Alice  Smith ", new Field("Blockers", "none"))))
                            .named())
                    .isEqualTo(new ReportReading.Named.ByName("alice smith"));
            assertThat(read(post(null, "", fields("<@U0ALICE1>", new Field("Blockers", "none"))))
                            .named())
                    .isEqualTo(new ReportReading.Named.ById("U0ALICE1"));
        }

        @Test
        @DisplayName("else the name it was posted under, unless that is the bot's own")
        void shouldReadPostedAs() {
            assertThat(read(post("@alice", "*Blockers*\nnone")).named())
                    .isEqualTo(new ReportReading.Named.ByName("alice"));
            assertThat(read(post("geekbot", "*Blockers*\nnone")).isReport()).isFalse();
        }

        @Test
        @DisplayName("two people where one is expected, or nobody, is no report")
        void shouldSkipAmbiguous() {
            assertThat(read(post(null, "<@U1> and <@U2> posted\nBlockers: none"))
                            .isReport())
                    .isFalse();
            assertThat(read(post(
                                    null,
                                    "",
                                    fields("Alice", new Field("Blockers", "none")),
                                    fields("Bob", new Field("Blockers", "none"))))
                            .isReport())
                    .isFalse();
            assertThat(read(post(null, "Standup time! Please answer in DM.")).isReport())
                    .isFalse();
        }

        @Test
        @DisplayName("a post with nothing but its header has no answers and is no report")
        void shouldSkipWithoutAnswers() {
            assertThat(read(post(null, "<@U0ALICE1> hasn't reported yet")).isReport())
                    .isFalse();
            assertThat(read(post(null, "", fields("Alice", new Field("Anything blocking your progress?", " "))))
                            .isReport())
                    .isFalse();
        }
    }

    @Test
    @DisplayName("answers become question lines with their answers below, in order; unanswered questions are left out")
    void shouldLayOutQuestions() {
        BotPost post = post(
                null,
                "<@U0ALICE1> posted an update",
                new Attachment(null, null, "What did you do yesterday?", "Export job\nand its tests", List.of()),
                new Attachment(null, null, "How do you feel today?", "", List.of()),
                fields(
                        null,
                        new Field("What will you do today?", "Billing retries"),
                        new Field("Anything blocking your progress?", "Waiting on a review of #412")));

        assertThat(read(post).answers())
                .isEqualTo(
                        """
                        What did you do yesterday?
                        Export job
                        and its tests
                        What will you do today?
                        Billing retries
                        Anything blocking your progress?
                        Waiting on a review of #412""");
    }
}
