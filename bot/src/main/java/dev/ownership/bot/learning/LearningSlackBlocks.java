package dev.ownership.bot.learning;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import dev.ownership.bot.slack.MrkdwnBlocks;
import dev.ownership.storage.workspace.Team;
import java.util.ArrayList;
import java.util.List;

/**
 * Block Kit for the library's search modal: the words, a team picker for people in several teams, and what the last
 * search found. Only the person who opened it sees it.
 */
public final class LearningSlackBlocks {
    /** The App Home's button that opens the modal. */
    public static final String OPEN_SEARCH = "learnings_search_open";

    static final String MODAL = "learnings_search";
    static final String WORDS_BLOCK = "learnings_words";
    static final String WORDS_INPUT = "learnings_words_input";
    static final String TEAM_BLOCK = "learnings_team";
    static final String TEAM_INPUT = "learnings_team_input";
    static final String ALL_TEAMS = "all";
    static final int MAX_WORDS_LENGTH = 200;
    private static final int MAX_TEAM_OPTIONS = 99;

    private LearningSlackBlocks() {}

    /** The App Home's button that opens the search modal. */
    public static ButtonElement openButton() {
        return button(b -> b.actionId(OPEN_SEARCH).text(plainText("Search learnings")));
    }

    /**
     * The modal, showing {@code answer} below the search box.
     *
     * @param teams the person's teams, for the picker
     * @param words the words last searched for, kept in the box
     * @param teamChoice the team last picked ({@value #ALL_TEAMS} or a channel id)
     */
    static View modal(List<Team> teams, String words, String teamChoice, LibraryAnswer answer) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(input(i -> i.blockId(WORDS_BLOCK)
                .optional(true)
                .label(plainText("Words to look for"))
                .hint(plainText("Leave it empty for the latest. \"retries\" finds \"retry\" too."))
                .element(plainTextInput(p -> p.actionId(WORDS_INPUT)
                        .maxLength(MAX_WORDS_LENGTH)
                        .initialValue(words == null || words.isBlank() ? null : words)
                        .placeholder(plainText("e.g. flaky tests"))))));
        if (teams.size() > 1) {
            List<OptionObject> options = new ArrayList<>();
            options.add(option(plainText("All my teams"), ALL_TEAMS));
            teams.stream()
                    .limit(MAX_TEAM_OPTIONS)
                    .forEach(team -> options.add(option(plainText("#" + team.channelName()), team.channelId())));
            OptionObject initial = options.stream()
                    .filter(each -> each.getValue().equals(teamChoice))
                    .findFirst()
                    .orElse(options.get(0));
            blocks.add(input(i -> i.blockId(TEAM_BLOCK)
                    .optional(true)
                    .label(plainText("Team"))
                    .element(staticSelect(
                            s -> s.actionId(TEAM_INPUT).options(options).initialOption(initial)))));
        }
        blocks.add(divider());
        blocks.addAll(MrkdwnBlocks.blocks(LearningText.answer(answer)));
        blocks.add(context(c -> c.elements(List.of(markdownText("Only you see this. The learnings are those your "
                + "teams shared with `/ownership learned` or from a prompt.")))));
        return view(v -> v.type("modal")
                .callbackId(MODAL)
                .title(viewTitle(t -> t.type("plain_text").text("Team learnings")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Search")))
                .close(viewClose(c -> c.type("plain_text").text("Done")))
                .blocks(blocks));
    }
}
