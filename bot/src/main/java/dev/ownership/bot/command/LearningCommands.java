package dev.ownership.bot.command;

import dev.ownership.bot.learning.LearningLibrary;
import dev.ownership.bot.learning.LearningText;
import dev.ownership.bot.learning.LibraryScope;
import java.util.Objects;

/**
 * {@code learnings [WORDS] [#channel]}: the library of the team whose channel it was typed in or names, for its
 * members and leads only; typed anywhere else, every team of the person's. Read-only: it changes nothing.
 */
final class LearningCommands {
    private final LearningLibrary library;
    private final ChannelResolver channels;

    LearningCommands(LearningLibrary library, ChannelResolver channels) {
        this.library = Objects.requireNonNull(library, "library");
        this.channels = Objects.requireNonNull(channels, "channels");
    }

    Reply search(Command.Learnings command, Invocation invocation) {
        LibraryScope scope;
        if (command.channel().isCurrent()) {
            scope = library.scope(invocation.userId(), invocation.channelId(), false);
        } else {
            ChannelResolver.Resolved resolved = channels.resolve(command.channel(), invocation);
            if (!resolved.ok()) {
                return Reply.info(resolved.error());
            }
            scope = library.scope(invocation.userId(), resolved.channelId(), true);
        }
        return Reply.info(LearningText.answer(library.search(scope, command.words())));
    }
}
