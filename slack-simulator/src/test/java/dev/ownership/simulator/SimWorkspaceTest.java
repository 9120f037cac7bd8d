package dev.ownership.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Simulated workspace")
class SimWorkspaceTest {
    private final SimWorkspace workspace = new SimWorkspace();

    @Test
    void startsWithTheBotUser() {
        assertThat(workspace.user(SlackSimulator.BOT_USER_ID))
                .hasValueSatisfying(bot -> assertThat(bot.bot()).isTrue());
    }

    @Test
    void directMessageIdsFollowTheUserIdAndNeverCollide() {
        workspace.addUser(SimUser.person("U0ANNA", "anna", "UTC"));
        workspace.addUser(SimUser.person("W0ANNA", "anna2", "UTC"));

        assertThat(workspace.dmChannelOf("U0ANNA")).isEqualTo("D0ANNA");
        assertThat(workspace.dmChannelOf("W0ANNA")).isEqualTo("D0ANNA2");
        assertThat(workspace.userOfDm("D0ANNA2")).contains("W0ANNA");
    }

    @Test
    void joiningAndLeavingChangeTheMembers() {
        workspace.addChannel(SimChannel.publicChannel("C1", "standup", "U1"));

        workspace.join("C1", "U2");
        workspace.leave("C1", "U1");

        assertThat(workspace.channel("C1").orElseThrow().members()).containsExactly("U2");
        assertThat(workspace.channelNamed("#standup")).isPresent();
    }

    @Test
    void ownersAreAdminsAndDeletedUsersStay() {
        workspace.addUser(SimUser.person("U1", "olga", "Europe/Paris").asOwner());

        workspace.deleteUser("U1");

        SimUser olga = workspace.user("U1").orElseThrow();
        assertThat(olga.admin()).isTrue();
        assertThat(olga.owner()).isTrue();
        assertThat(olga.deleted()).isTrue();
        assertThat(olga.realName()).isEqualTo("Olga");
    }

    @Test
    void refusesUnknownIdsAndBadTimezones() {
        assertThatThrownBy(() -> workspace.setTimezone("U404", "UTC")).hasMessageContaining("U404");
        assertThatThrownBy(() -> workspace.join("C404", "U1")).hasMessageContaining("C404");
        assertThatThrownBy(() -> SimUser.person("U1", "x", "Mars/Olympus")).isInstanceOf(RuntimeException.class);
    }
}
