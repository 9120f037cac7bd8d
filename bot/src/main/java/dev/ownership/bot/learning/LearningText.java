package dev.ownership.bot.learning;

import dev.ownership.storage.workspace.Team;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the learnings library says, in Slack mrkdwn, in one place: for the command, the App Home and the modal. */
public final class LearningText {
    private static final int TEXT_LIMIT = 280;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private LearningText() {}

    /** The whole answer to a search or a request for the latest. */
    public static String answer(LibraryAnswer answer) {
        if (answer.kind() == LibraryAnswer.Kind.REFUSED) {
            return answer.scope().refusal();
        }
        String where = where(answer.scope().teams());
        String words = "“" + String.join(" ", answer.terms().words()) + "”";
        boolean several = answer.scope().teams().size() > 1;
        return switch (answer.kind()) {
            case NO_WORDS ->
                "I search by words, and there are none in that. Try e.g. `/ownership learnings flaky test`, or "
                        + "`/ownership learnings` for the latest.";
            case LATEST ->
                answer.entries().isEmpty()
                        ? "No learnings in " + where + " yet. `/ownership learned TEXT` shares the first: it is posted "
                                + "in the channel and kept here."
                        : ":books: *The latest learnings in " + where + "*\n" + lines(answer, several)
                                + "\nSearch them all with `/ownership learnings WORDS`.";
            case ALL_WORDS ->
                answer.entries().isEmpty()
                        ? "No learning in " + where + " mentions " + words + ". Try other or fewer words, or "
                                + "`/ownership learnings` for the latest."
                        : ":books: *Learnings in " + where + " about " + words + "*, best match first\n"
                                + lines(answer, several);
            case SOME_WORDS ->
                ":books: No learning in " + where + " has all of " + words + "; these have some of them, best match "
                        + "first\n" + lines(answer, several);
            case REFUSED -> answer.scope().refusal();
        };
    }

    /** One learning: its text, who shared it, when, and a link to the post. */
    public static String line(LibraryEntry entry, boolean withTeam) {
        String text = entry.learning().text().replaceAll("\\s+", " ").strip();
        String shown = text.length() > TEXT_LIMIT ? text.substring(0, TEXT_LIMIT - 1) + "…" : text;
        StringBuilder line = new StringBuilder("• ")
                .append(shown)
                .append(" — <@")
                .append(entry.learning().userId())
                .append(">, ")
                .append(entry.learning()
                        .createdAt()
                        .atZone(entry.team().timezone())
                        .format(DATE));
        if (withTeam) {
            line.append(" in #").append(entry.team().channelName());
        }
        if (entry.link() != null) {
            line.append(" · <").append(entry.link()).append("|see the post>");
        }
        return line.toString();
    }

    /** The App Home's section when nothing was shared yet. */
    public static String nothingYet() {
        return "Nothing shared yet. `/ownership learned TEXT`, or *Share a learning* below, starts your team's "
                + "library.";
    }

    /** How the digest points to the library. */
    public static String digestPointer(String channelName) {
        return ":books: Every learning of #" + channelName + " stays in its library: `/ownership learnings WORDS` "
                + "searches them, as does *Search learnings* on my App Home tab.";
    }

    static String notAMember(Team team) {
        return "The learnings of #" + team.channelName() + " are for the people in it, and I don't see you there. "
                + "Join the channel and try again, or run `/ownership learnings WORDS` in your own team's channel.";
    }

    static String notWatched(String channelId) {
        return "I don't watch <#" + channelId + ">, so it has no learnings library. Name your team's standup "
                + "channel, e.g. `/ownership learnings retry #standup`.";
    }

    static String noTeam() {
        return "I haven't seen you in a standup channel I watch yet, so there is no library to search. Once you're in "
                + "one, `/ownership learnings WORDS` searches what your team has shared.";
    }

    private static String lines(LibraryAnswer answer, boolean several) {
        return answer.entries().stream().map(entry -> line(entry, several)).collect(Collectors.joining("\n"));
    }

    private static String where(List<Team> teams) {
        if (teams.size() == 1) {
            return "#" + teams.get(0).channelName();
        }
        return "your teams ("
                + teams.stream().map(team -> "#" + team.channelName()).collect(Collectors.joining(", ")) + ")";
    }
}
