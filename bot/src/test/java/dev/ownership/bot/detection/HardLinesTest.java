package dev.ownership.bot.detection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The examples DESIGN.md gives for each labelling rule, which the whole detector (rules and model) must get right. */
@DisplayName("the whole detector keeps the design's hard lines")
class HardLinesTest {

    private static final BlockerDetector DETECTOR = BlockerDetector.withDefaultLexicon();

    private static Classification classify(String text) {
        return DETECTOR.classify(text.replace("\\n", "\n"));
    }

    @Nested
    @DisplayName("no nudge")
    class None {

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "*Blockers:* none",
                    "Blockers: N/A",
                    "Blockers: -",
                    "Nothing blocking, thanks for asking",
                    "No impediments. Shipped the export.",
                    "*Where am I blocked?* N/A",
                    "*Anything blocking your progress?*\\nNo",
                    "*What did you do yesterday?* billing export\\n*What will you do today?* the import"
                            + "\\n*Anything blocking your progress?* Nothing for now",
                    "Fixed the P0 blocker bug in checkout, RC is green again.",
                    "Blocked out Thursday afternoon for planning, slow on Slack then.",
                    "Added an ad blocker warning to the paywall.",
                    "I unblocked <@U8|amy> by merging the schema change.",
                    "Fixed the code block rendering in the docs site.",
                    "Moving the uploader off blocking I/O onto the async client.",
                    "I'm the blocker for Sam's PR, reviewing it first thing today.",
                    "Was stuck on the flaky test yesterday, fixed now.",
                    "Priya is blocked on the VPN, I'm helping her after standup.",
                    "~Blocked on legal~ never mind, they signed this morning."
                })
        void shouldNotNudge(String text) {
            assertThat(classify(text).label()).isNotEqualTo(Label.BLOCKER_WITHOUT_PROPOSAL);
        }

        @Test
        void shouldReadEmptyBlockersSectionsAsNone() {
            assertThat(classify("*Yesterday:* tests\\n*Today:* docs\\n*Blockers:*\\n• none so far")
                            .label())
                    .isEqualTo(Label.NONE);
        }
    }

    @Nested
    @DisplayName("a nudge for a blocker without a next step")
    class Without {

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "*Blockers:* waiting on <@U1|anna> for the schema",
                    "Still stuck on the OAuth redirect, any ideas?",
                    "Can't deploy, staging has been down since this morning.",
                    "No access to the prod logs yet.",
                    "The export depends on the billing API landing, no word on when.",
                    "Blockers: requirements for the refund flow are unclear, need a decision from product.",
                    "*Blockers:* #412 pending approval since Tuesday. Let me know if anyone can help."
                })
        void shouldNudge(String text) {
            assertThat(classify(text).label()).isEqualTo(Label.BLOCKER_WITHOUT_PROPOSAL);
        }

        @Test
        void shouldNudgeWhenOnlySomeBlockersHaveAStep() {
            assertThat(classify("*Blockers:*\\n• staging is down, I'll restart it after standup"
                                    + "\\n• still no access to the billing dashboard")
                            .label())
                    .isEqualTo(Label.BLOCKER_WITHOUT_PROPOSAL);
        }
    }

    @Nested
    @DisplayName("no nudge for a blocker with a next step")
    class With {

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "Blocked on review for #412. <@U10|anna> could you review it today?",
                    "Staging is down. Going to spin up a preview env and test there instead.",
                    "Stuck on the flaky test. Next step: bisect the last 20 commits.",
                    "No access to the S3 bucket, requested it in IT-123 this morning.",
                    "Waiting on <@U11|data> for the schema; I'll draft the backfill against the old one meanwhile."
                })
        void shouldCountTheBlockerWithItsProposalAndNotNudge(String text) {
            // Not nudged, and counted for the ownership streak.
            assertThat(classify(text).label()).isEqualTo(Label.BLOCKER_WITH_PROPOSAL);
        }
    }
}
