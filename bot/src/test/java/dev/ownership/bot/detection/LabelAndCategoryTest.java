package dev.ownership.bot.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("labels, categories and classifications")
class LabelAndCategoryTest {

    @ParameterizedTest
    @EnumSource(Label.class)
    void shouldRoundTripLabelWireNames(Label label) {
        assertThat(Label.fromWireName(label.wireName())).isEqualTo(label);
    }

    @ParameterizedTest
    @EnumSource(Category.class)
    void shouldRoundTripCategoryWireNames(Category category) {
        assertThat(Category.fromWireName(category.wireName())).isEqualTo(category);
        assertThat(category.displayName()).isNotBlank();
    }

    @Test
    void shouldUseTheContractWireNames() {
        assertThat(Label.BLOCKER_WITHOUT_PROPOSAL.wireName()).isEqualTo("blocker_without_proposal");
        assertThat(Category.WAITING_ON_PERSON.wireName()).isEqualTo("waiting_on_person");
        assertThat(Category.WAITING_ON_PERSON.displayName()).isEqualTo("waiting on a person or team");
        assertThat(Category.BROKEN_ENVIRONMENT.wireName()).isEqualTo("broken_environment");
    }

    @Test
    void shouldRefuseUnknownWireNames() {
        assertThatThrownBy(() -> Label.fromWireName("maybe")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Category.fromWireName("weather")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldTellBlockersAndProposalsApart() {
        Classification with = new Classification(Label.BLOCKER_WITH_PROPOSAL, Category.ACCESS, List.of("r"));
        Classification without = new Classification(Label.BLOCKER_WITHOUT_PROPOSAL, Category.OTHER, List.of());
        Classification none = new Classification(Label.NONE, null, List.of());

        assertThat(with.isBlocker()).isTrue();
        assertThat(with.hasProposal()).isTrue();
        assertThat(without.isBlocker()).isTrue();
        assertThat(without.hasProposal()).isFalse();
        assertThat(none.isBlocker()).isFalse();
        assertThat(none.hasProposal()).isFalse();
    }

    @Test
    void shouldRequireACategoryExactlyForBlockers() {
        assertThatThrownBy(() -> new Classification(Label.NONE, Category.OTHER, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Classification(Label.BLOCKER_WITH_PROPOSAL, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
