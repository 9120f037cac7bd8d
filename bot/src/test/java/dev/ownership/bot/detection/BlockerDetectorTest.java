package dev.ownership.bot.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules half of the detector, phrase by phrase. The whole detector (rules blended with the learned model) is
 * measured on the labelled corpus ({@link CorpusTest}) and must keep the design's hard lines ({@link HardLinesTest}).
 */
@DisplayName("Blocker detection rules")
class BlockerDetectorTest {

    private static final BlockerDetector DETECTOR = BlockerDetector.rulesOnly();

    private static Classification classify(String text) {
        return DETECTOR.classify(text.replace("\\n", "\n"));
    }

    @Nested
    @DisplayName("negations and empty sections are none")
    class EmptySections {

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "*Blockers:* none",
                    "Blockers: N/A",
                    "Blockers: -",
                    "*Blockers:* :x:",
                    "Blockers: nope :+1:",
                    "Nothing blocking, thanks for asking",
                    "No impediments. Shipped the export.",
                    "*Yesterday:* tests\\n*Today:* docs\\n*Blockers:*\\n• none so far",
                    "Y: reviews\\nT: on-call\\nB: nil",
                    "*Anything blocking your progress?*\\nNo",
                    ":octagonal_sign: Blockers — nothing atm",
                    "Blockers: none, but heads up that I'm out on Friday",
                    "Blockers? none really, just need to catch up on reviews",
                    "Blocked: -",
                    "No blockers.\\nWaiting for CI to finish on my PR, then merging."
                })
        void shouldLabelNegatedBlockersSectionAsNone(String text) {
            assertThat(classify(text).label()).isEqualTo(Label.NONE);
        }

        @Test
        void shouldExplainAnEmptyBlockersSection() {
            assertThat(classify("*Blockers:* none").reasons()).anyMatch(reason -> reason.contains("no blockers"));
        }
    }

    @Nested
    @DisplayName("past and resolved blockers are none")
    class PastAndResolved {

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "Was stuck on the CORS issue yesterday, fixed now. Today: upload UI.",
                    "~Blocked on DB credentials~ got them, thanks <@U1|dba>!",
                    "Yesterday's blocker (no prod access) is solved. Rolling out the config today.",
                    "*Yesterday:* spent the day stuck on the proxy config, turned out to be a typo\\n*Today:* widget",
                    "Had a blocker with the VPN yesterday but IT resolved it. Back on search today.",
                    "Finally unblocked: IT fixed my laptop. Catching up today.",
                    "I was waiting on the staging restore, done now. Verifying data today."
                })
        void shouldLabelResolvedOrPastBlockerAsNone(String text) {
            assertThat(classify(text).label()).isEqualTo(Label.NONE);
        }

        @Test
        void shouldStillCountABlockerThatPersists() {
            assertThat(classify("Yesterday I was blocked on the VPN and I still am, can't reach the cluster")
                            .isBlocker())
                    .isTrue();
        }
    }

    @Nested
    @DisplayName("other people's blockers are none")
    class OtherPeoplesBlockers {

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "<@U2|lena> is blocked on the auth contract, I'm writing the mock with her today.",
                    "Pairing with <@U3|mia> today because she's stuck on schema stitching.",
                    "Today: help <@U4|ben> with his blocker on the Redis cluster.",
                    "The SSO customers are blocked by the login bug, <@U5|kai> is on it. Nothing blocking me.",
                    "FYI the mobile team is waiting on the vendor for SSO metadata, they're handling it.",
                    "Priya from the data team is waiting for me to send the crash logs, doing it right after standup."
                })
        void shouldLabelSomeoneElsesBlockerAsNone(String text) {
            assertThat(classify(text).label()).isEqualTo(Label.NONE);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "I'm the blocker for <@U6|fe> right now, finishing the endpoint today.",
                    "Our API is blocking the mobile team, deploying it this morning.",
                    "Reviewing <@U7|bob>'s PR first thing, it's blocking his release."
                })
        void shouldLabelTheAuthorBlockingOthersAsNone(String text) {
            assertThat(classify(text).label()).isEqualTo(Label.NONE);
        }
    }

    @Nested
    @DisplayName("other senses of the word are none")
    class OtherSenses {

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "Fixed the P0 blocker bug in checkout, RC is green again.",
                    "Working on release blocker JIRA-552 today, should be done by noon.",
                    "Blocked out Thursday afternoon for planning, slow on Slack then.",
                    "Added an ad blocker warning to the paywall.",
                    "I unblocked <@U8|amy> by merging the schema change.",
                    "Fixed the code block rendering in the docs site.",
                    "Moving the uploader off blocking I/O onto the async client.",
                    "Built the Block Kit modal for feedback today.",
                    "I can't wait to ship this one :tada:"
                })
        void shouldLabelOtherSenseOfBlockerAsNone(String text) {
            assertThat(classify(text).label()).isEqualTo(Label.NONE);
        }
    }

    @Nested
    @DisplayName("routine waits and work updates are none")
    class WorkUpdates {

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "I haven't finished the migration yet, will do today.",
                    "Reviewing the PR that's been waiting since Monday, then the release notes.",
                    "Finished the doc. Waiting for feedback from the team, no rush.",
                    "Shipped the feature flag. Now waiting to see metrics before rolling out further.",
                    "Deploy is scheduled for tomorrow, waiting for the release window.",
                    "Investigating why the nightly job fails.",
                    "Deployed the fix for the timeout errors.",
                    "Couldn't make it to the retro yesterday, sorry."
                })
        void shouldLabelWorkUpdateAsNone(String text) {
            assertThat(classify(text).label()).isEqualTo(Label.NONE);
        }
    }

    @Nested
    @DisplayName("blockers without the word count")
    class BlockersWithoutTheWord {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(
                delimiterString = " => ",
                value = {
                    "still waiting on <@U9|ops> for the new queue => waiting_on_person",
                    "Can't log in to the prod Grafana, getting 403 => access",
                    "We depend on the platform team's mesh upgrade landing first, no date yet => external_dependency",
                    "My PR has been open for a week, no reviewers yet => review_pending",
                    "Staging is down since 8am, can't test the onboarding flow => broken_environment",
                    "Requirements for the reporting page are unclear, not sure which metrics they want => unclear_requirements",
                    "Still need a decision from product on multi-currency, can't design the schema => unclear_requirements",
                    "Going in circles on a race condition in the cache, no idea why it flakes => technical_problem",
                    "Apple still hasn't approved the 4.2 build => external_dependency"
                })
        void shouldDetectBlockerWithoutTheWord(String text, String category) {
            Classification classification = classify(text);
            assertThat(classification.label()).isEqualTo(Label.BLOCKER_WITHOUT_PROPOSAL);
            assertThat(classification.category()).isEqualTo(Category.fromWireName(category));
        }
    }

    @Nested
    @DisplayName("a proposal is a concrete next step, option, workaround or directed ask")
    class Proposals {

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "Blocked on review for #412. <@U10|anna> could you review it today?",
                    "Waiting on <@U11|data> for the schema; I'll draft the backfill against the old one meanwhile.",
                    "Staging is down. Going to spin up a preview env and test there instead.",
                    "Stuck on the flaky test. Next step: bisect the last 20 commits.",
                    "No access to the S3 bucket. Workaround: use the anonymised copy in staging.",
                    "Unclear if partials are in scope. Options: full refunds now, partials later. I'd go with that.",
                    "Blockers: ACs contradict each other, I'll go with soft delete and flag it in refinement.",
                    "Blocked by the backend team. <!subteam^S1|@backend> can you deploy the endpoint today?",
                    "still waiting the answer from Ahmed, <@U12|ahmed> kindly share the format today",
                    "Staging search is broken. Rebuilding the index now, should be back by 11.",
                    "Billing: blocked on the tax mapping from finance — booked 30 min with <@U19|carla> at 3pm"
                })
        void shouldLabelBlockerWithProposal(String text) {
            assertThat(classify(text).label()).isEqualTo(Label.BLOCKER_WITH_PROPOSAL);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "Blocked on review for #412, will wait.",
                    "Stuck on the flaky serialization bug, any ideas?",
                    "Waiting on legal for the DPA, need help.",
                    "No access to the prod logs, let me know if anyone can help.",
                    "Staging is down, hopefully it's back soon.",
                    "Waiting on ops for the queue, I'll keep an eye on the ticket.",
                    "PR waiting for review for 3 days, pls someone review",
                    "Blocked on design, I'll keep going on the UI until then."
                })
        void shouldLabelPassiveWaitingAsWithoutProposal(String text) {
            assertThat(classify(text).label()).isEqualTo(Label.BLOCKER_WITHOUT_PROPOSAL);
        }

        @Test
        void shouldNotTakeSomeoneElsesPromiseForTheAuthorsStep() {
            assertThat(classify("Blockers: waiting on review for #501, <@U13|kim> said she'd look today")
                            .label())
                    .isEqualTo(Label.BLOCKER_WITHOUT_PROPOSAL);
        }
    }

    @Nested
    @DisplayName("several blockers with a proposal for only some are without proposal")
    class SeveralBlockers {

        @Test
        void shouldLabelPartlyProposedBlockersAsWithoutProposal() {
            Classification classification = classify("*Blockers:*\\n"
                    + "1. staging is down — I'll check with <@U14|ops> after standup\\n"
                    + "2. no access to the prod Sentry project, nobody answered my request");
            assertThat(classification.label()).isEqualTo(Label.BLOCKER_WITHOUT_PROPOSAL);
            assertThat(classification.category()).isEqualTo(Category.ACCESS);
        }

        @Test
        void shouldLabelFullyProposedBlockersAsWithProposal() {
            assertThat(classify("• search: blocked, staging ES is red — I'll restart the data nodes\\n"
                                    + "• billing: blocked on finance — I'll ping Carla again after lunch")
                            .label())
                    .isEqualTo(Label.BLOCKER_WITH_PROPOSAL);
        }
    }

    @Nested
    @DisplayName("Slack text is read as the Events API delivers it")
    class SlackMarkup {

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "```\\nERROR: blocked by policy: cannot access resource\\n```\\nExpected in the dry-run. No blockers.",
                    "&gt; Blockers: waiting on legal\\nThat was last week's update, legal signed off. On the banner today.",
                    "~Blockers: waiting on DB creds~ all sorted",
                    "*Blockers* _none_",
                    "<!here> reminder: I'm blocking off Friday for the hackathon. No blockers."
                })
        void shouldIgnoreQuotedCodeAndStruckText(String text) {
            assertThat(classify(text).label()).isEqualTo(Label.NONE);
        }

        @Test
        void shouldReadMentionsLinksAndEscapes() {
            Classification classification = classify("*Blockers:* waiting on <@U15|marta> &amp; "
                    + "<!subteam^S2|@finance> for the tax codes, see <https://x.example/t/1|the ticket> "
                    + "in <#C1|billing-help>");
            assertThat(classification.label()).isEqualTo(Label.BLOCKER_WITHOUT_PROPOSAL);
            assertThat(classification.category()).isEqualTo(Category.WAITING_ON_PERSON);
        }

        @Test
        void shouldToleratTyposAndNonNativeEnglish() {
            assertThat(classify("im blokced with the excel export, library crashing on big files")
                            .isBlocker())
                    .isTrue();
            assertThat(classify("Wating for the jenkins to be fixed, the pipline is broken since yesterday")
                            .label())
                    .isEqualTo(Label.BLOCKER_WITHOUT_PROPOSAL);
        }
    }

    @Nested
    @DisplayName("reasons say what was matched")
    class Reasons {

        @Test
        void shouldNameTheCueItsSectionAndTheMissingStep() {
            assertThat(classify("*Yesterday:* export\\n*Today:* import\\n*Blockers:* waiting on the data team")
                            .reasons())
                    .contains("'waiting on' in the Blockers section; no next step found");
        }

        @Test
        void shouldNameTheProposalFound() {
            assertThat(classify("Staging is down. I'll roll back the last deploy.")
                            .reasons())
                    .anyMatch(reason -> reason.contains("next step: 'I'll roll'"));
        }

        @Test
        void shouldSayWhyAnOtherSenseWasSetAside() {
            assertThat(classify("Fixed the P0 blocker bug in checkout.").reasons())
                    .anyMatch(reason -> reason.contains("does not mean the author is blocked"));
        }
    }

    @Nested
    @DisplayName("any input is classified without throwing")
    class Robustness {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\\n\\n", ":wave:", "```unclosed code", "<@U1", "&gt;&gt;&gt;", "* * *", "~~~"})
        void shouldLabelBlankOrOddInputAsNone(String text) {
            Classification classification = DETECTOR.classify(text == null ? null : text.replace("\\n", "\n"));
            assertThat(classification.label()).isEqualTo(Label.NONE);
            assertThat(classification.category()).isNull();
            assertThat(classification.reasons()).isNotEmpty();
        }

        @Test
        void shouldClassifyVeryLongText() {
            String text = "Blocked on review. ".repeat(5_000);
            assertThat(DETECTOR.classify(text).isBlocker()).isTrue();
        }

        @Test
        void shouldClassifyARunOnSentenceQuickly() {
            String text = "blocked waiting on review stuck can't deploy staging down ".repeat(2_000);
            Classification classification =
                    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> DETECTOR.classify(text));
            assertThat(classification.isBlocker()).isTrue();
        }
    }

    @Nested
    @DisplayName("a reply or edit can carry the proposal on its own")
    class ContainsProposal {

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "I'll ping <@U16|anna> at 2pm",
                    "<@U17|dave> could you approve REQ-5521 today?",
                    "Going to mock the API and keep going",
                    "Workaround: pin the runner to Node 18",
                    "Booked 30 min with <@U18|carla> at 3pm to sort it out"
                })
        void shouldFindAProposalInAReply(String text) {
            assertThat(DETECTOR.containsProposal(text)).isTrue();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"I'll wait", "any ideas?", "need help", "let me know", "still blocked", "thanks!"})
        void shouldFindNoProposalInPassiveReplies(String text) {
            assertThat(DETECTOR.containsProposal(text)).isFalse();
        }

        @ParameterizedTest
        @NullAndEmptySource
        void shouldFindNoProposalInNothing(String text) {
            assertThat(DETECTOR.containsProposal(text)).isFalse();
        }
    }
}
