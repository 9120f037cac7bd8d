package dev.ownership.bot.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a list of people as people type it: {@code @a @b}, {@code @a, @b and @c}, {@code @a & @b}, escaped by Slack
 * ({@code <@U1|a>,<@U2|b>}) or not. Each person once, in the order named. Stateless.
 */
final class PeopleList {
    /** A Slack escape, whole (a name in it may hold a comma or a space), or a run of anything but separators. */
    private static final Pattern TOKEN = Pattern.compile("<[^<>]*>|[^\\s,]+");

    private static final Set<String> JOINERS = Set.of("and", "&", "&amp;", "+");

    private PeopleList() {}

    /**
     * The people named in {@code words}, or the problem with the first word that is not a person.
     *
     * @param example what would work, shown after the problem (e.g. {@code `leads @lee @ada`})
     */
    static Parsed<List<UserRef>> people(List<String> words, String example) {
        List<UserRef> people = new ArrayList<>();
        for (String token : tokens(words)) {
            Optional<UserRef> person = CommandParser.userRef(token);
            if (person.isEmpty()) {
                return Parsed.problem(Echo.quoted(token) + " isn't a person I can recognise: mention them with `@`, "
                        + "e.g. " + example + ".");
            }
            if (!people.contains(person.get())) {
                people.add(person.get());
            }
        }
        return people.isEmpty()
                ? Parsed.problem("Name at least one person, e.g. " + example + ".")
                : Parsed.of(List.copyOf(people));
    }

    private static List<String> tokens(List<String> words) {
        List<String> tokens = new ArrayList<>();
        Matcher token = TOKEN.matcher(String.join(" ", words));
        while (token.find()) {
            String found = token.group();
            if (!JOINERS.contains(found.toLowerCase(Locale.ROOT))) {
                tokens.add(found);
            }
        }
        return tokens;
    }
}
