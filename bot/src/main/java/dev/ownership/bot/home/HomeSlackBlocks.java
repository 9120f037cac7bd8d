package dev.ownership.bot.home;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import dev.ownership.bot.learning.LearningSlackBlocks;
import dev.ownership.bot.learning.LearningText;
import dev.ownership.bot.learning.LibraryAnswer;
import dev.ownership.bot.streak.StreakText;
import dev.ownership.bot.streak.TeamProgress;
import dev.ownership.bot.streak.TeamWeeks;
import dev.ownership.storage.workspace.Team;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Block Kit for the App Home tab and its "share a learning" and "flag a risk" modals. A page stays far within Slack's
 * limits (100 blocks, 3000 characters a section): at most {@link #MAX_TEAMS} teams, four weeks each.
 */
final class HomeSlackBlocks {
    static final String SHARE_LEARNING = "home_share_learning";
    static final String FLAG_RISK = "home_flag_risk";
    static final String PAUSE_BLOCK = "home_pause";
    static final String PAUSE_DATE = "home_pause_date";
    static final String PAUSE = "home_pause_until";
    static final String RESUME = "home_resume";
    static final String LEADERBOARD = "home_leaderboard";
    static final String NUDGES = "home_nudges";
    static final String PROMPTS = "home_prompts";
    static final String PREVIEW_DIGEST = "home_preview_digest";
    static final String SHARE_MODAL = "home_share";
    static final String TEXT_BLOCK = "share_text";
    static final String TEXT_INPUT = "share_text_input";
    static final String TEAM_BLOCK = "share_team";
    static final String TEAM_INPUT = "share_team_input";
    static final String LEARNING = "learning";
    static final String RISK = "risk";
    static final int MAX_TEAMS = 5;

    private static final int SECTION_LIMIT = 3_000;
    private static final int PAUSE_DAYS = 7;

    private HomeSlackBlocks() {}

    static View home(HomePage page) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("Your ownership"))));
        if (page.notice() != null) {
            blocks.add(text(page.notice()));
        }
        if (page.paused()) {
            blocks.add(pauseStatus(page));
        }
        if (page.teams().isEmpty()) {
            blocks.add(text("I haven't seen you in a standup channel I watch yet. Post your standup there, and your "
                    + "streaks and weeks show up here."));
        }
        page.teams().stream().limit(MAX_TEAMS).forEach(team -> addTeam(blocks, team, page));
        if (page.unblocks() != null) {
            blocks.add(text(page.unblocks()));
        }
        addTeamLearnings(blocks, page.learnings());
        blocks.add(divider());
        addQuickActions(blocks, page);
        blocks.add(context(c -> c.elements(List.of(markdownText("Only you see this page. `/ownership me` shows the "
                + "same, `/ownership forget-me` erases what I store about you.")))));
        return view(v -> v.type("home").blocks(blocks));
    }

    /** The modal of "Share a learning" or "Flag a risk"; a team picker when the person has several teams. */
    static View shareModal(String kind, List<Team> teams) {
        boolean learning = LEARNING.equals(kind);
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(text(
                learning
                        ? "It's posted in your team's channel and counts for your learning streak."
                        : "Only your team's leads and admins see it. Raising a risk early is what counts, even a "
                                + "small one."));
        if (teams.size() > 1) {
            List<OptionObject> options = teams.stream()
                    .limit(100)
                    .map(team -> option(plainText("#" + team.channelName()), team.channelId()))
                    .toList();
            blocks.add(input(
                    i -> i.blockId(TEAM_BLOCK).label(plainText("Team")).element(staticSelect(s -> s.actionId(TEAM_INPUT)
                            .options(options)))));
        }
        blocks.add(input(i -> i.blockId(TEXT_BLOCK)
                .label(plainText(learning ? "What did you learn?" : "What risk do you see?"))
                .element(plainTextInput(p -> p.actionId(TEXT_INPUT)
                        .multiline(true)
                        .maxLength(HomeActions.MAX_TEXT_LENGTH)
                        .placeholder(plainText(
                                learning
                                        ? "e.g. Our flaky test was a timezone bug: never call LocalDate.now() in tests"
                                        : "e.g. The vendor API deprecates v1 in March and we still call it"))))));
        String onlyTeam = teams.size() == 1 ? teams.get(0).channelId() : "";
        return view(v -> v.type("modal")
                .callbackId(SHARE_MODAL)
                .privateMetadata(kind + "|" + onlyTeam)
                .title(viewTitle(t -> t.type("plain_text").text(learning ? "Share a learning" : "Flag a risk")))
                .submit(viewSubmit(s -> s.type("plain_text").text(learning ? "Share" : "Send to leads")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    private static LayoutBlock pauseStatus(HomePage page) {
        String until = page.pausedUntil() == null ? "until you resume" : "until " + page.pausedUntil();
        return section(s -> s.text(markdownText(":double_vertical_bar: *You're paused " + until + ".* No nudges or "
                        + "prompts, and your weekly streaks are on hold."))
                .accessory(button(b -> b.actionId(RESUME).text(plainText("Resume now")))));
    }

    private static void addTeam(List<LayoutBlock> blocks, TeamProgress team, HomePage page) {
        blocks.add(divider());
        StringBuilder streaks = new StringBuilder("*#" + team.team().channelName() + "*");
        team.streaks().forEach(streak -> streaks.append('\n').append(StreakText.line(streak)));
        blocks.add(text(streaks.toString()));
        LocalDate currentWeek = TeamWeeks.weekOf(page.at(), team.team().timezone());
        blocks.add(text(StreakText.personalWeeks(team.weeks(), currentWeek)));
    }

    /** The latest learnings of the person's teams and the library's search; nothing for someone without a team. */
    private static void addTeamLearnings(List<LayoutBlock> blocks, LibraryAnswer learnings) {
        if (!learnings.scope().allowed()) {
            return;
        }
        blocks.add(divider());
        boolean several = learnings.scope().teams().size() > 1;
        StringBuilder latest = new StringBuilder("*Team learnings*");
        if (learnings.entries().isEmpty()) {
            latest.append('\n').append(LearningText.nothingYet());
        }
        learnings.entries().forEach(entry -> latest.append('\n').append(LearningText.line(entry, several)));
        blocks.add(text(latest.toString()));
        blocks.add(actions(a -> a.elements(List.of(LearningSlackBlocks.openButton()))));
    }

    private static void addQuickActions(List<LayoutBlock> blocks, HomePage page) {
        blocks.add(text("*Quick actions*"));
        blocks.add(actions(a -> a.elements(List.of(
                button(b -> b.actionId(SHARE_LEARNING)
                        .text(plainText("Share a learning"))
                        .style("primary")),
                button(b -> b.actionId(FLAG_RISK).text(plainText("Flag a risk")))))));
        String firstDayBack = page.today().plusDays(PAUSE_DAYS).toString();
        blocks.add(text("*Taking a break?* Pick your first day back: no nudges or prompts until then, and your weekly "
                + "streaks wait for you."));
        blocks.add(actions(a -> a.blockId(PAUSE_BLOCK)
                .elements(List.of(
                        datePicker(d -> d.actionId(PAUSE_DATE)
                                .initialDate(firstDayBack)
                                .placeholder(plainText("First day back"))),
                        button(b -> b.actionId(PAUSE)
                                .text(plainText("Pause until then"))
                                .value(firstDayBack))))));
        blocks.add(text("*Your controls*, each on its own"));
        blocks.add(toggle(
                NUDGES,
                "Nudges about blockers without a next step: *" + (page.nudgesOn() ? "on" : "off") + "*",
                page.nudgesOn()));
        blocks.add(toggle(
                PROMPTS,
                "Scheduled prompts (learnings, risks, impact): *" + (page.promptsOn() ? "on" : "off") + "*",
                page.promptsOn()));
        blocks.add(section(s -> s.text(markdownText("On the leaderboard of teams that turn one on: *"
                        + (page.onLeaderboard() ? "yes" : "no") + "* (only people who join are listed)"))
                .accessory(button(b -> b.actionId(LEADERBOARD)
                        .text(plainText(page.onLeaderboard() ? "Leave" : "Join"))
                        .value(page.onLeaderboard() ? "hide" : "show")))));
        if (!page.ledTeams().isEmpty()) {
            addLeadActions(blocks, page.ledTeams());
        }
    }

    private static LayoutBlock toggle(String actionId, String mrkdwn, boolean on) {
        return section(s -> s.text(markdownText(mrkdwn)).accessory(button(b -> b.actionId(actionId)
                .text(plainText(on ? "Turn off" : "Turn on"))
                .value(on ? "off" : "on"))));
    }

    private static void addLeadActions(List<LayoutBlock> blocks, List<Team> ledTeams) {
        blocks.add(text("*For leads*: the weekly digest of the teams you lead, privately."));
        List<BlockElement> buttons = new ArrayList<>();
        ledTeams.stream()
                .limit(MAX_TEAMS)
                .forEach(team -> buttons.add(button(b -> b.actionId(PREVIEW_DIGEST + "_" + team.channelId())
                        .text(plainText("Preview the #" + abbreviate(team.channelName(), 40) + " digest"))
                        .value(team.channelId()))));
        blocks.add(actions(a -> a.elements(buttons)));
    }

    private static LayoutBlock text(String mrkdwn) {
        String shown = mrkdwn.length() > SECTION_LIMIT ? mrkdwn.substring(0, SECTION_LIMIT - 1) + "…" : mrkdwn;
        return section(s -> s.text(markdownText(shown)));
    }

    private static String abbreviate(String name, int length) {
        return name.length() > length ? name.substring(0, length - 1) + "…" : name;
    }
}
