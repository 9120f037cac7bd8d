package dev.ownership.bot.command;

import static dev.ownership.bot.BotHarness.ADMIN;
import static dev.ownership.bot.BotHarness.ALICE;
import static dev.ownership.bot.BotHarness.BOB;
import static dev.ownership.bot.BotHarness.LEAD;
import static dev.ownership.bot.BotHarness.STANDUP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ownership.bot.BotHarness;
import dev.ownership.simulator.SimChannel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who configures what, through the simulator: whoever set a team up and its leads configure that team; Ownership
 * admins (workspace admins, OWNERSHIP_ADMINS, people added with {@code admins add}) configure every team; only
 * workspace admins change who the Ownership admins are. ADMIN is a workspace admin; everyone else is not.
 */
@DisplayName("team admins")
class TeamAdminsEndToEndTest {
    private static final String PLATFORM = "C0PLATFORM";
    private static final String DESIGN = "C0DESIGN1";

    @RegisterExtension
    final BotHarness harness = new BotHarness();

    @BeforeEach
    void channels() {
        harness.sim().workspace().addChannel(SimChannel.publicChannel(PLATFORM, "platform", ADMIN, ALICE, BOB));
        harness.sim().workspace().addChannel(SimChannel.publicChannel(DESIGN, "design", ALICE, BOB));
    }

    @Nested
    @DisplayName("a team's own admins")
    class OwnTeam {
        @BeforeEach
        void team() {
            harness.watchStandup();
            assertThat(harness.command(ADMIN, STANDUP, "leads <@" + LEAD + "|lee>"))
                    .contains("Leads of #standup");
        }

        @Test
        @DisplayName("a lead configures the team they lead, and nobody else's")
        void shouldLetLeadsConfigureTheirTeam() {
            assertThat(harness.command(LEAD, STANDUP, "schedule hours 08:00-16:00"))
                    .contains("08:00–16:00");
            assertThat(harness.command(LEAD, STANDUP, "settings")).contains("08:00–16:00");
            assertThat(harness.command(LEAD, STANDUP, "leads <@" + LEAD + "> <@" + BOB + ">"))
                    .contains("<@" + BOB + ">");

            harness.command(ADMIN, PLATFORM, "watch quiet");
            String refused = harness.command(LEAD, PLATFORM, "schedule hours 07:00-15:00");
            assertThat(refused)
                    .contains("Only the people who look after #platform")
                    .contains("<@" + ADMIN + ">");
            assertThat(harness.command(ADMIN, PLATFORM, "settings")).contains("09:00–18:00");
        }

        @Test
        @DisplayName(
                "a member who neither set it up nor leads it is refused with the names of who can, and nothing changes")
        void shouldRefuseMembersNamingWhoCan() {
            String refused = harness.command(ALICE, STANDUP, "schedule workdays mon-thu");

            assertThat(refused)
                    .contains("ask <@" + ADMIN + ">, who set up #standup, or its leads, <@" + LEAD + ">")
                    .doesNotContain("OWNERSHIP_ADMINS")
                    .doesNotContain("environment");
            assertThat(harness.command(ADMIN, STANDUP, "settings")).contains("Working days: mon-fri");
        }

        @Test
        @DisplayName("a non-admin who set a team up and was then unwatched may watch it again; a stranger may not")
        void shouldLetTheTeamsOwnAdminsWatchAgain() {
            harness.command(ADMIN, STANDUP, "admins add <@" + ALICE + "|alice>");
            harness.command(ALICE, PLATFORM, "watch quiet");
            harness.command(ADMIN, STANDUP, "admins remove <@" + ALICE + "|alice>");
            assertThat(harness.command(ALICE, PLATFORM, "unwatch")).contains("Stopped watching #platform");

            assertThat(harness.command(BOB, PLATFORM, "watch")).contains("Only the people who look after #platform");
            assertThat(harness.command(ALICE, PLATFORM, "watch quiet")).contains("Now watching #platform");
        }
    }

    @Nested
    @DisplayName("Ownership admins kept in the database")
    class AddedAdmins {
        @Test
        @DisplayName("a workspace admin adds one, who can then watch a new channel at once, without a restart")
        void shouldAddAnAdmin() {
            assertThat(harness.command(BOB, PLATFORM, "watch"))
                    .contains("Starting to watch a new channel is up to an Ownership admin")
                    .contains("ask a workspace admin or owner");

            assertThat(harness.command(ADMIN, STANDUP, "admins add <@" + BOB + "|bob>"))
                    .contains("<@" + BOB + "> can now watch channels and configure every team");
            assertThat(harness.command(ALICE, STANDUP, "admins")).contains("<@" + BOB + ">");
            assertThat(harness.command(BOB, PLATFORM, "watch quiet")).contains("Now watching #platform");
            assertThat(harness.command(ALICE, PLATFORM, "watch"))
                    .as("a team's refusal names who set it up")
                    .contains("ask <@" + BOB + ">, who set up #platform");
            assertThat(harness.command(ALICE, DESIGN, "watch"))
                    .as("a new channel's refusal names the added admin")
                    .contains("ask <@" + BOB + ">, or a workspace admin");
        }

        @Test
        @DisplayName("an added admin configures every team but cannot add or remove admins")
        void shouldKeepAddingToWorkspaceAdmins() {
            harness.watchStandup();
            harness.command(ADMIN, STANDUP, "admins add <@" + BOB + "|bob>");

            assertThat(harness.command(BOB, STANDUP, "schedule hours 10:00-18:00"))
                    .contains("10:00–18:00");
            assertThat(harness.command(BOB, STANDUP, "admins add <@" + ALICE + "|alice>"))
                    .contains("Only workspace admins and owners can change who the Ownership admins are");
            assertThat(harness.command(ADMIN, STANDUP, "admins")).doesNotContain(ALICE);
        }

        @Test
        @DisplayName("removing an admin takes effect at once; removing someone who was not one changes nothing")
        void shouldRemoveAnAdmin() {
            harness.watchStandup();
            harness.command(ADMIN, STANDUP, "admins add <@" + BOB + "|bob>");

            assertThat(harness.command(ADMIN, STANDUP, "admins remove <@" + BOB + "|bob>"))
                    .contains("no longer an Ownership admin");
            assertThat(harness.command(BOB, STANDUP, "schedule hours 10:00-18:00"))
                    .contains("Only the people who look after #standup");
            assertThat(harness.command(ADMIN, STANDUP, "admins remove <@" + BOB + "|bob>"))
                    .contains("wasn't added");
        }
    }

    @Nested
    @DisplayName("help")
    class Help {
        @Test
        @DisplayName("shows a member only their own commands")
        void shouldShowMembersTheirOwn() {
            harness.watchStandup();

            String help = harness.command(ALICE, STANDUP, "help");

            assertThat(help)
                    .contains("/ownership nudges off|on")
                    .contains("/ownership leaderboard join|leave")
                    .doesNotContain("/ownership schedule")
                    .doesNotContain("/ownership watch")
                    .doesNotContain("admins add");
        }

        @Test
        @DisplayName("shows a lead the team section, and a workspace admin every section")
        void shouldShowAdminSectionsToAdmins() {
            harness.watchStandup();
            harness.command(ADMIN, STANDUP, "leads <@" + LEAD + "|lee>");

            assertThat(harness.command(LEAD, STANDUP, "help"))
                    .contains("For the people who look after a team")
                    .contains("/ownership schedule")
                    .doesNotContain("For Ownership admins")
                    .doesNotContain("admins add");
            assertThat(harness.command(ADMIN, STANDUP, "help"))
                    .contains("For the people who look after a team")
                    .contains("/ownership watch [#channel] [quiet]")
                    .contains("/ownership admins add|remove @person");
        }
    }
}
