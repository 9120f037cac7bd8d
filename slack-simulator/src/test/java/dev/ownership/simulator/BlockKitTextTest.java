package dev.ownership.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Block Kit as plain text")
class BlockKitTextTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text.replace('\'', '"'));
    }

    @Nested
    @DisplayName("blocks")
    class Blocks {
        @Test
        void aNudgeReadsLikeTheMessage() throws Exception {
            JsonNode blocks = json(
                    """
                    [{'type':'header','text':{'type':'plain_text','text':'A next step?'}},
                     {'type':'section','text':{'type':'mrkdwn','text':'You wrote in <#C1|standup>: _blocked on review_'},
                      'accessory':{'type':'button','text':{'type':'plain_text','text':'Add a next step'},'action_id':'a'}},
                     {'type':'context','elements':[{'type':'mrkdwn','text':'Ownership bot'},
                                                   {'type':'image','image_url':'https://x/i.png','alt_text':'logo'}]},
                     {'type':'divider'},
                     {'type':'actions','elements':[{'type':'button','text':{'type':'plain_text','text':'Yes'}},
                                                   {'type':'button','text':{'type':'plain_text','text':'Later'}}]}]
                    """);

            assertThat(BlockKitText.render(blocks))
                    .isEqualTo(
                            """
                            A next step?
                            ============
                            You wrote in #standup: _blocked on review_  [Add a next step]
                              Ownership bot | [image: logo]
                            ----------------------------------------
                            [Yes] [Later]""");
        }

        @Test
        void sectionFieldsGoOnTheirOwnLines() throws Exception {
            JsonNode blocks = json(
                    """
                    [{'type':'section','text':{'type':'mrkdwn','text':'*Week 46*'},
                      'fields':[{'type':'mrkdwn','text':'*Blockers*\\n4'},{'type':'mrkdwn','text':'*With a next step*\\n3'}]}]
                    """);

            assertThat(BlockKitText.render(blocks)).isEqualTo("*Week 46*\n  *Blockers* 4\n  *With a next step* 3");
        }

        @Test
        void inputsShowTheirLabelAndAnyInitialValue() throws Exception {
            JsonNode blocks = json(
                    """
                    [{'type':'input','label':{'type':'plain_text','text':'Your next step'},
                      'element':{'type':'plain_text_input','action_id':'s'}},
                     {'type':'input','optional':true,'label':{'type':'plain_text','text':'By when'},
                      'element':{'type':'datepicker','action_id':'d','initial_date':'2024-01-15'}}]
                    """);

            assertThat(BlockKitText.render(blocks)).isEqualTo("Your next step: ____\nBy when (optional): 2024-01-15");
        }

        @Test
        void imagesAndSelectsAreBracketed() throws Exception {
            JsonNode blocks = json(
                    """
                    [{'type':'image','image_url':'https://x/c.png','alt_text':'trend chart'},
                     {'type':'actions','elements':[{'type':'static_select','placeholder':{'type':'plain_text','text':'Pick a team'}},
                                                   {'type':'datepicker','action_id':'d'}]}]
                    """);

            assertThat(BlockKitText.render(blocks)).isEqualTo("[image: trend chart]\n[Pick a team v] [date: ]");
        }

        @Test
        void richTextKeepsListsQuotesAndCode() throws Exception {
            JsonNode blocks = json(
                    """
                    [{'type':'rich_text','elements':[
                      {'type':'rich_text_section','elements':[{'type':'text','text':'Hi '},{'type':'user','user_id':'U1'}]},
                      {'type':'rich_text_list','style':'bullet','elements':[
                        {'type':'rich_text_section','elements':[{'type':'text','text':'one'}]},
                        {'type':'rich_text_section','elements':[{'type':'link','url':'https://x','text':'two'}]}]},
                      {'type':'rich_text_quote','elements':[{'type':'text','text':'quoted'}]},
                      {'type':'rich_text_preformatted','elements':[{'type':'text','text':'code'}]}]}]
                    """);

            assertThat(BlockKitText.render(blocks))
                    .isEqualTo("Hi @U1\n- one\n- two (https://x)\n> quoted\n```\ncode\n```");
        }

        @Test
        void acceptsAJsonStringOrAMessageAndIgnoresNothing() throws Exception {
            String blocks = "[{\"type\":\"section\",\"text\":{\"type\":\"plain_text\",\"text\":\"hi\"}}]";

            assertThat(BlockKitText.render(TextNode.valueOf(blocks))).isEqualTo("hi");
            assertThat(BlockKitText.render(json("{'blocks':" + blocks.replace('"', '\'') + "}")))
                    .isEqualTo("hi");
            assertThat(BlockKitText.render(null)).isEmpty();
            assertThat(BlockKitText.render(TextNode.valueOf("not json"))).isEmpty();
        }
    }

    @Nested
    @DisplayName("mrkdwn markup")
    class Markup {
        @ParameterizedTest(name = "{0} reads {1}")
        @CsvSource(
                delimiterString = " => ",
                value = {
                    "<@U123> => @U123",
                    "<@U123|anna> => @anna",
                    "<#C1|standup> => #standup",
                    "<!here> => @here",
                    "<!subteam^S1|@backend> => @backend",
                    "<https://example.com|the docs> => the docs (https://example.com)",
                    "<https://example.com> => https://example.com",
                    "<mailto:a@b.c> => a@b.c",
                    "5 &gt; 3 &amp;&amp; 2 &lt; 4 => 5 > 3 && 2 < 4"
                })
        void isShownAsSlackDisplaysIt(String mrkdwn, String shown) {
            assertThat(BlockKitText.plainMrkdwn(mrkdwn)).isEqualTo(shown);
        }
    }
}
