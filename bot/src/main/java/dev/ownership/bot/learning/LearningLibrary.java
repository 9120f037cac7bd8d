package dev.ownership.bot.learning;

import dev.ownership.storage.learning.LearningLibraryRepository;
import dev.ownership.storage.learning.SearchTerms;
import dev.ownership.storage.prompt.SharedItem;
import dev.ownership.storage.workspace.MemberRepository;
import dev.ownership.storage.workspace.Team;
import dev.ownership.storage.workspace.TeamRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The learnings library: who may read which team's learnings, and the search itself.
 *
 * <p>A person reads the library of a team they are a member of (its channel's members, as the bot last saw them) or
 * lead; nobody else's, whoever they are: the learnings were shared with the team, and admins see the team's
 * configuration, not its conversations. A search in a channel names that channel's team; anywhere else, every team
 * of the person's.
 *
 * <p>Thread-safe. May block on Slack for the posts' links: run it after the ack.
 */
public final class LearningLibrary {
    /** How many learnings an answer shows. */
    public static final int SHOWN = 8;

    /** How many the App Home shows. */
    public static final int HOME_SHOWN = 3;

    private final LearningLibraryRepository library;
    private final TeamRepository teams;
    private final MemberRepository members;
    private final PostLinks links;

    public LearningLibrary(
            LearningLibraryRepository library, TeamRepository teams, MemberRepository members, PostLinks links) {
        this.library = Objects.requireNonNull(library, "library");
        this.teams = Objects.requireNonNull(teams, "teams");
        this.members = Objects.requireNonNull(members, "members");
        this.links = Objects.requireNonNull(links, "links");
    }

    /** The watched teams whose library {@code userId} may read: those they are a member of or lead, by name. */
    public List<Team> teamsOf(String userId) {
        Map<String, Team> mine = new LinkedHashMap<>();
        for (String channelId : members.watchedTeamsOf(userId)) {
            teams.find(channelId).filter(Team::watched).ifPresent(team -> mine.put(team.channelId(), team));
        }
        teams.ledBy(userId).stream().filter(Team::watched).forEach(team -> mine.putIfAbsent(team.channelId(), team));
        List<Team> sorted = new ArrayList<>(mine.values());
        sorted.sort(Comparator.comparing(Team::channelName).thenComparing(Team::channelId));
        return sorted;
    }

    /**
     * Whose learnings {@code userId} may search from {@code channelId}.
     *
     * @param named whether the person named the channel ({@code #channel}) rather than typing where they were
     */
    public LibraryScope scope(String userId, String channelId, boolean named) {
        Optional<Team> team = teams.find(channelId).filter(Team::watched);
        if (team.isPresent()) {
            return mayRead(userId, team.get())
                    ? LibraryScope.of(List.of(team.get()))
                    : LibraryScope.refused(LearningText.notAMember(team.get()));
        }
        if (named) {
            return LibraryScope.refused(LearningText.notWatched(channelId));
        }
        return everyTeamOf(userId);
    }

    /** Every team of {@code userId}'s, or why there is none. */
    public LibraryScope everyTeamOf(String userId) {
        List<Team> mine = teamsOf(userId);
        return mine.isEmpty() ? LibraryScope.refused(LearningText.noTeam()) : LibraryScope.of(mine);
    }

    /** Whether {@code userId} may read the library of {@code team}. */
    public boolean mayRead(String userId, Team team) {
        return team.isLead(userId) || members.watchedTeamsOf(userId).contains(team.channelId());
    }

    /**
     * Searches the scope's learnings for {@code words}, best match first: those holding every word, else those
     * holding some; blank words list the latest.
     */
    public LibraryAnswer search(LibraryScope scope, String words) {
        Objects.requireNonNull(scope, "scope");
        String typed = words == null ? "" : words.strip();
        SearchTerms terms = SearchTerms.of(typed);
        if (!scope.allowed()) {
            return new LibraryAnswer(scope, LibraryAnswer.Kind.REFUSED, terms, List.of());
        }
        if (typed.isEmpty()) {
            return answer(scope, LibraryAnswer.Kind.LATEST, terms, library.latest(scope.channelIds(), SHOWN));
        }
        if (terms.isEmpty()) {
            return new LibraryAnswer(scope, LibraryAnswer.Kind.NO_WORDS, terms, List.of());
        }
        List<SharedItem> found = library.searchAll(scope.channelIds(), terms, SHOWN);
        if (found.isEmpty() && terms.words().size() > 1) {
            List<SharedItem> some = library.searchAny(scope.channelIds(), terms, SHOWN);
            if (!some.isEmpty()) {
                return answer(scope, LibraryAnswer.Kind.SOME_WORDS, terms, some);
            }
        }
        return answer(scope, LibraryAnswer.Kind.ALL_WORDS, terms, found);
    }

    /** The latest few learnings of every team of {@code userId}'s, for the App Home. */
    public LibraryAnswer latestForHome(String userId) {
        LibraryScope scope = everyTeamOf(userId);
        if (!scope.allowed()) {
            return new LibraryAnswer(scope, LibraryAnswer.Kind.REFUSED, SearchTerms.of(""), List.of());
        }
        return answer(
                scope, LibraryAnswer.Kind.LATEST, SearchTerms.of(""), library.latest(scope.channelIds(), HOME_SHOWN));
    }

    private LibraryAnswer answer(
            LibraryScope scope, LibraryAnswer.Kind kind, SearchTerms terms, List<SharedItem> found) {
        Map<String, Team> byChannel = new LinkedHashMap<>();
        scope.teams().forEach(team -> byChannel.put(team.channelId(), team));
        List<SharedItem> shown = found.stream()
                .filter(item -> byChannel.containsKey(item.channelId()))
                .toList();
        Map<PostLinks.Post, String> permalinks = links.permalinks(shown.stream()
                .filter(item -> item.messageTs() != null)
                .map(item -> new PostLinks.Post(item.channelId(), item.messageTs()))
                .toList());
        List<LibraryEntry> entries = new ArrayList<>();
        for (SharedItem item : shown) {
            String link = item.messageTs() == null
                    ? null
                    : permalinks.get(new PostLinks.Post(item.channelId(), item.messageTs()));
            entries.add(new LibraryEntry(item, byChannel.get(item.channelId()), link));
        }
        return new LibraryAnswer(scope, kind, terms, entries);
    }
}
