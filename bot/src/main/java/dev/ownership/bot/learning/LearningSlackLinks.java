package dev.ownership.bot.learning;

import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import dev.ownership.bot.slack.SlackApi;
import dev.ownership.bot.slack.SlackCallException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Permalinks of the posts that show learnings, from {@code chat.getPermalink}, remembered: a post's permalink never
 * changes, and the App Home asks for the same few on every refresh. The ones not remembered are asked for together,
 * and whatever has not come back within {@link #BUDGET} is left out (shown without a link) and remembered when it
 * comes, so that a modal's answer stays within Slack's three seconds. Thread-safe.
 */
public final class LearningSlackLinks implements PostLinks {
    /** How long one answer waits for the permalinks it does not remember. */
    static final Duration BUDGET = Duration.ofMillis(1_500);

    private static final int REMEMBERED = 5_000;
    private static final int THREADS = LearningLibrary.SHOWN;

    private final SlackApi api;
    private final Duration budget;
    private final Map<Post, String> remembered = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Post, String> eldest) {
            return size() > REMEMBERED;
        }
    };
    /** Idle threads end after a while: nothing to stop, and none is kept when nobody looks. */
    private final ThreadPoolExecutor askers;

    public LearningSlackLinks(SlackApi api) {
        this(api, BUDGET);
    }

    LearningSlackLinks(SlackApi api, Duration budget) {
        this.api = Objects.requireNonNull(api, "api");
        this.budget = Objects.requireNonNull(budget, "budget");
        AtomicInteger count = new AtomicInteger();
        this.askers = new ThreadPoolExecutor(0, THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "ownership-permalinks-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // More posts than threads at once: the asking thread asks for the rest itself.
        this.askers.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
    }

    @Override
    public Map<Post, String> permalinks(List<Post> posts) {
        Map<Post, String> found = new HashMap<>();
        List<Post> missing = new ArrayList<>();
        synchronized (remembered) {
            for (Post post : posts) {
                String known = remembered.get(post);
                if (known != null) {
                    found.put(post, known);
                } else if (!missing.contains(post)) {
                    missing.add(post);
                }
            }
        }
        Map<Post, CompletableFuture<String>> asked = new LinkedHashMap<>();
        for (Post post : missing) {
            asked.put(post, CompletableFuture.supplyAsync(() -> ask(post), askers));
        }
        long deadline = System.nanoTime() + budget.toNanos();
        asked.forEach((post, link) -> {
            try {
                String value = link.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (value != null) {
                    found.put(post, value);
                }
            } catch (TimeoutException e) {
                // Shown without a link this time; remembered when Slack answers.
            } catch (ExecutionException e) {
                // ask() answers null for what Slack refuses; anything else is shown without a link.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return found;
    }

    /** The permalink Slack gives for {@code post}, remembered; null when it gives none. */
    private String ask(Post post) {
        try {
            ChatGetPermalinkResponse response = api.call(
                    "chat.getPermalink",
                    methods -> methods.chatGetPermalink(
                            r -> r.channel(post.channelId()).messageTs(post.ts())));
            if (!response.isOk() || response.getPermalink() == null) {
                return null;
            }
            synchronized (remembered) {
                remembered.put(post, response.getPermalink());
            }
            return response.getPermalink();
        } catch (SlackCallException e) {
            // Shown without a link; the next look asks again.
            return null;
        }
    }
}
