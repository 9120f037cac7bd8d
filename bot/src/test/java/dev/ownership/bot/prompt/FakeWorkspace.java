package dev.ownership.bot.prompt;

import dev.ownership.bot.workspace.ChannelInfo;
import dev.ownership.bot.workspace.Person;
import dev.ownership.bot.workspace.Workspace;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** People and channel members held in memory, for the prompt work's unit tests. */
final class FakeWorkspace implements Workspace {
    private final Map<String, Person> people = new ConcurrentHashMap<>();
    private final Map<String, List<String>> channelMembers = new ConcurrentHashMap<>();
    private volatile boolean listsEveryone = true;

    FakeWorkspace person(String userId, String zone) {
        people.put(userId, new Person(userId, userId.toLowerCase(), ZoneId.of(zone), false, false, false, false));
        return this;
    }

    FakeWorkspace bot(String userId) {
        people.put(userId, new Person(userId, "bot", ZoneId.of("UTC"), false, false, true, false));
        return this;
    }

    void deactivate(String userId) {
        Person person = people.get(userId);
        people.put(
                userId,
                new Person(userId, person.name(), person.timezone(), person.admin(), person.owner(), false, true));
    }

    void channel(String channelId, String... userIds) {
        channelMembers.put(channelId, new ArrayList<>(List.of(userIds)));
    }

    void leave(String channelId, String userId) {
        channelMembers.get(channelId).remove(userId);
    }

    @Override
    public Optional<Person> person(String userId) {
        return Optional.ofNullable(people.get(userId));
    }

    @Override
    public Optional<ChannelInfo> channel(String channelId) {
        return Optional.of(new ChannelInfo(channelId, channelId.toLowerCase(), false, true));
    }

    @Override
    public boolean join(String channelId) {
        return true;
    }

    @Override
    public List<String> members(String channelId) {
        return memberIds(channelId).orElse(List.of()).stream()
                .filter(id -> person(id).map(Person::isReachableHuman).orElse(false))
                .toList();
    }

    @Override
    public Optional<List<String>> memberIds(String channelId) {
        return Optional.ofNullable(channelMembers.get(channelId)).map(List::copyOf);
    }

    @Override
    public Optional<Map<String, Person>> everyone() {
        return listsEveryone ? Optional.of(Map.copyOf(people)) : Optional.empty();
    }

    /** Makes {@link #everyone} answer as Slack does when it will not list the workspace. */
    void refuseToListEveryone() {
        listsEveryone = false;
    }

    @Override
    public void forget(String userId) {}
}
