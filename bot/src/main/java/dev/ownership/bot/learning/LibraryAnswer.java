package dev.ownership.bot.learning;

import dev.ownership.storage.learning.SearchTerms;
import java.util.List;
import java.util.Objects;

/**
 * What a look into the library found.
 *
 * @param scope the teams looked in
 * @param kind what was asked, and how it matched
 * @param terms the words searched for (none for the latest)
 * @param entries what was found, best match or newest first
 */
public record LibraryAnswer(LibraryScope scope, Kind kind, SearchTerms terms, List<LibraryEntry> entries) {
    public LibraryAnswer {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(terms, "terms");
        entries = List.copyOf(entries);
    }

    /** What was asked, and how it matched. */
    public enum Kind {
        /** The latest learnings: no words were given. */
        LATEST,
        /** The learnings holding every word. */
        ALL_WORDS,
        /** None held every word: those holding some. */
        SOME_WORDS,
        /** Words were given, but none a search can use ("???"). */
        NO_WORDS,
        /** The person may not read that library: see {@link LibraryScope#refusal()}. */
        REFUSED
    }
}
