package dev.ownership.bot.learning;

import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import dev.ownership.bot.slack.SlackApi;
import dev.ownership.bot.slack.SlackCallException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Permalinks of the posts that show learnings, from {@code chat.getPermalink}, remembered: a post's permalink never
 * changes, and the App Home asks for the same few on every refresh. Thread-safe.
 */
public final class LearningSlackLinks implements PostLinks {
    private static final int REMEMBERED = 5_000;

    private final SlackApi api;
    private final Map<String, String> remembered = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    public LearningSlackLinks(SlackApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public Optional<String> permalink(String channelId, String ts) {
        String key = channelId + "|" + ts;
        synchronized (remembered) {
            String known = remembered.get(key);
            if (known != null) {
                return Optional.of(known);
            }
        }
        try {
            ChatGetPermalinkResponse response = api.call(
                    "chat.getPermalink",
                    methods ->
                            methods.chatGetPermalink(r -> r.channel(channelId).messageTs(ts)));
            if (!response.isOk() || response.getPermalink() == null) {
                return Optional.empty();
            }
            synchronized (remembered) {
                remembered.put(key, response.getPermalink());
            }
            return Optional.of(response.getPermalink());
        } catch (SlackCallException e) {
            // Shown without a link; the next look asks again.
            return Optional.empty();
        }
    }
}
