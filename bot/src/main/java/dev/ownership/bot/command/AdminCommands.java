package dev.ownership.bot.command;

import dev.ownership.bot.workspace.Person;
import dev.ownership.bot.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code /ownership admins}, {@code admins add|remove @person}: who configures every team. */
final class AdminCommands {
    private final Admins admins;
    private final Workspace workspace;

    AdminCommands(Admins admins, Workspace workspace) {
        this.admins = Objects.requireNonNull(admins, "admins");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    Reply list(String userId) {
        List<String> added = admins.added();
        String who = added.isEmpty()
                ? "Nobody has been added yet, so workspace admins and owners set up and configure every team."
                : "Besides workspace admins and owners: " + mentions(added) + ".";
        String how = admins.isWorkspaceAdmin(userId)
                ? " Add someone with `/ownership admins add @person`, remove with `/ownership admins remove @person`."
                : "";
        return Reply.info("*Ownership admins* can watch channels and configure every team. " + who + how
                + " Each team's own settings can also be changed by whoever set it up and its leads.");
    }

    Reply change(Command.AdminsChange command, String userId) {
        List<String> ids = new ArrayList<>();
        for (UserRef user : command.people()) {
            if (user.id() == null) {
                return Reply.info("I couldn't tell who `@" + user.name() + "` is. Pick them from Slack's list as you "
                        + "type `@`, so that I get their id.");
            }
            ids.add(user.id());
        }
        return command.add() ? add(ids, userId) : remove(ids);
    }

    private Reply add(List<String> ids, String userId) {
        for (String id : ids) {
            Optional<Person> person = workspace.person(id);
            if (person.isEmpty() || !person.get().isReachableHuman()) {
                return Reply.info("<@" + id + "> can't be an admin: I can't find an active person with that id. "
                        + "Nothing changed.");
            }
        }
        List<String> newlyAdded =
                ids.stream().filter(id -> admins.add(id, userId)).toList();
        if (newlyAdded.isEmpty()) {
            return Reply.info(mentions(ids) + (ids.size() == 1 ? " is" : " are") + " already an Ownership admin.");
        }
        return Reply.done(mentions(newlyAdded) + " can now watch channels and configure every team.");
    }

    private Reply remove(List<String> ids) {
        List<String> removed = ids.stream().filter(admins::remove).toList();
        List<String> configured = ids.stream().filter(admins::isConfigured).toList();
        StringBuilder text = new StringBuilder();
        if (!removed.isEmpty()) {
            text.append(mentions(removed))
                    .append(removed.size() == 1 ? " is" : " are")
                    .append(" no longer an Ownership admin. Teams they set up or lead stay theirs to configure.");
        }
        if (!configured.isEmpty()) {
            text.append(text.length() == 0 ? "" : " ")
                    .append(mentions(configured))
                    .append(" stays an admin through the bot's own configuration, which only whoever runs the bot "
                            + "can change.");
        }
        if (text.length() == 0) {
            return Reply.info(mentions(ids) + (ids.size() == 1 ? " wasn't" : " weren't")
                    + " added as an Ownership admin, so nothing changed.");
        }
        return removed.isEmpty() ? Reply.info(text.toString()) : Reply.done(text.toString());
    }

    private static String mentions(List<String> ids) {
        return ids.stream().map(Refusals::mention).collect(Collectors.joining(", "));
    }
}
