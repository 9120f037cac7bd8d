package dev.ownership.bot.workspace;

import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.methods.response.conversations.ConversationsJoinResponse;
import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.users.UsersListResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ResponseMetadata;
import com.slack.api.model.User;
import dev.ownership.bot.slack.SlackApi;
import dev.ownership.bot.slack.TierPacer;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The workspace as Slack reports it, with people cached briefly so that authorisation checks and timezone
 * lookups do not call {@code users.info} every time.
 *
 * <p>Thread-safe.
 */
public final class SlackWorkspace implements Workspace {
    private static final Duration PERSON_TTL = Duration.ofMinutes(10);
    /** People per {@code users.list} page: Slack's recommended most. */
    private static final int PAGE = 200;

    private final SlackApi api;
    private final Clock clock;
    private final ConcurrentHashMap<String, Cached> people = new ConcurrentHashMap<>();
    /** {@code conversations.members} is Tier 4: the start-up catch-up of many channels goes at that pace. */
    private final TierPacer membersPace;
    /** {@code users.list} is Tier 2: the pages of a large workspace go at that pace. */
    private final TierPacer listPace;

    public SlackWorkspace(SlackApi api, Clock clock) {
        this(api, clock, TierPacer.tier4(), TierPacer.tier2());
    }

    /**
     * A workspace whose {@code conversations.members} calls (every page) keep to {@code membersPace}, and whose
     * {@code users.list} pages keep to {@code listPace}.
     */
    public SlackWorkspace(SlackApi api, Clock clock, TierPacer membersPace, TierPacer listPace) {
        this.api = Objects.requireNonNull(api, "api");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.membersPace = Objects.requireNonNull(membersPace, "membersPace");
        this.listPace = Objects.requireNonNull(listPace, "listPace");
    }

    @Override
    public Optional<Person> person(String userId) {
        Instant now = clock.instant();
        Cached cached = people.get(userId);
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.person();
        }
        UsersInfoResponse response = api.call("users.info", methods -> methods.usersInfo(r -> r.user(userId)));
        Optional<Person> person = response.isOk() ? Optional.of(toPerson(response.getUser())) : Optional.empty();
        // Only answers are cached: an error (a hiccup, a user Slack does not know yet) is asked again next time.
        person.ifPresent(found -> people.put(userId, new Cached(person, now.plus(PERSON_TTL))));
        return person;
    }

    @Override
    public Optional<ChannelInfo> channel(String channelId) {
        ConversationsInfoResponse response =
                api.call("conversations.info", methods -> methods.conversationsInfo(r -> r.channel(channelId)));
        if (!response.isOk()) {
            return Optional.empty();
        }
        Conversation channel = response.getChannel();
        return Optional.of(new ChannelInfo(
                channel.getId(),
                channel.getName() == null ? channel.getId() : channel.getName(),
                channel.isPrivate() || channel.isGroup(),
                channel.isMember()));
    }

    @Override
    public boolean join(String channelId) {
        ConversationsJoinResponse response =
                api.call("conversations.join", methods -> methods.conversationsJoin(r -> r.channel(channelId)));
        return response.isOk();
    }

    @Override
    public List<String> members(String channelId) {
        return memberIds(channelId).orElse(List.of()).stream()
                .filter(member ->
                        person(member).filter(Person::isReachableHuman).isPresent())
                .toList();
    }

    @Override
    public Optional<List<String>> memberIds(String channelId) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            String page = cursor;
            membersPace.acquire();
            ConversationsMembersResponse response = api.call(
                    "conversations.members",
                    methods -> methods.conversationsMembers(
                            r -> r.channel(channelId).cursor(page).limit(200)));
            if (!response.isOk()) {
                return Optional.empty();
            }
            ids.addAll(response.getMembers());
            cursor = nextCursor(response.getResponseMetadata());
        } while (cursor != null);
        return Optional.of(ids);
    }

    /**
     * Reads {@code users.list} in pages of {@value #PAGE}: a refresh of every team asks Slack once per 200 people of
     * the workspace instead of once per member ({@code users.info}, 20,000 calls a day in a large organisation).
     */
    @Override
    public Optional<Map<String, Person>> everyone() {
        Map<String, Person> everyone = new HashMap<>();
        String cursor = null;
        do {
            String page = cursor;
            listPace.acquire();
            UsersListResponse response = api.call(
                    "users.list",
                    methods -> methods.usersList(r -> r.cursor(page).limit(PAGE)));
            if (!response.isOk()) {
                return Optional.empty();
            }
            Instant expires = clock.instant().plus(PERSON_TTL);
            for (User user : response.getMembers()) {
                Person person = toPerson(user);
                everyone.put(person.id(), person);
                people.put(person.id(), new Cached(Optional.of(person), expires));
            }
            cursor = nextCursor(response.getResponseMetadata());
        } while (cursor != null);
        return Optional.of(Map.copyOf(everyone));
    }

    @Override
    public void forget(String userId) {
        people.remove(userId);
    }

    /** The cursor of the next page, or null on the last one. */
    private static String nextCursor(ResponseMetadata metadata) {
        String cursor = metadata == null ? null : metadata.getNextCursor();
        return cursor == null || cursor.isEmpty() ? null : cursor;
    }

    static Person toPerson(User user) {
        String name = firstNonBlank(
                user.getProfile() == null ? null : user.getProfile().getDisplayName(),
                user.getRealName(),
                user.getName(),
                user.getId());
        return new Person(
                user.getId(),
                name,
                zone(user.getTz()),
                user.isAdmin(),
                user.isOwner() || user.isPrimaryOwner(),
                user.isBot() || "USLACKBOT".equals(user.getId()),
                user.isDeleted(),
                firstNonBlank(
                        user.getProfile() == null ? null : user.getProfile().getRealName(), user.getRealName(), name));
    }

    private static ZoneId zone(String tz) {
        if (tz == null || tz.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "someone";
    }

    private record Cached(Optional<Person> person, Instant expires) {}
}
