package dev.ownership.bot.digest;

import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import dev.ownership.bot.slack.MrkdwnBlocks;
import dev.ownership.bot.slack.SlackApi;
import dev.ownership.bot.slack.SlackCallException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends digests as DMs: the digest message, the lists' overflow in its thread, and the trend chart uploaded with
 * Slack's external upload flow into the same thread. Thread-safe.
 */
public final class DigestSlackMessenger implements DigestMessenger {
    private static final Logger log = LoggerFactory.getLogger(DigestSlackMessenger.class);

    private final SlackApi api;

    public DigestSlackMessenger(SlackApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public Delivery send(String recipientId, Digest digest, byte[] chartPng) {
        Map<String, String> links = links(digest);
        ChatPostMessageResponse posted = api.post(r -> r.channel(recipientId)
                .text(DigestSlackBlocks.fallbackText(digest))
                .blocks(DigestSlackBlocks.digest(digest, links))
                .unfurlLinks(false)
                .unfurlMedia(false));
        if (!posted.isOk()) {
            return Delivery.failed(posted.getError());
        }
        String dm = posted.getChannel();
        String ts = posted.getTs();
        for (String overflow : DigestSlackBlocks.overflow(digest, links)) {
            api.post(r -> r.channel(dm).threadTs(ts).text(overflow).unfurlLinks(false));
        }
        if (chartPng != null && !digest.isEmpty()) {
            uploadChart(dm, ts, chartPng, digest);
        }
        return Delivery.sent(dm, ts);
    }

    @Override
    public void sendPreview(String recipientId, Digest digest) {
        List<LayoutBlock> blocks = new java.util.ArrayList<>(MrkdwnBlocks.blocks("Here is the digest of #"
                + digest.channelName() + " for the week so far. Only you can see this; the leads get the full week "
                + "by DM."));
        blocks.addAll(previewBlocks(digest));
        api.post(r -> r.channel(recipientId)
                .text("Preview: " + DigestSlackBlocks.fallbackText(digest))
                .blocks(blocks)
                .unfurlLinks(false)
                .unfurlMedia(false));
    }

    /** The blocks of a digest for a private preview (no thread, no chart). */
    public List<LayoutBlock> previewBlocks(Digest digest) {
        return DigestSlackBlocks.digest(digest, links(digest));
    }

    private void uploadChart(String dm, String ts, byte[] png, Digest digest) {
        try {
            var response = api.shareFile(
                    dm,
                    ts,
                    png,
                    "proposal-share-" + digest.weekStart() + ".png",
                    "Blockers with a next step, week by week",
                    "Line chart of the share of blockers with a next step over the last weeks");
            if (!response.isOk()) {
                log.warn("The digest chart was not uploaded: {}", response.getError());
            }
        } catch (SlackCallException e) {
            log.warn("The digest chart was not uploaded: {}", e.getMessage());
        }
    }

    private Map<String, String> links(Digest digest) {
        Map<String, String> links = new HashMap<>();
        digest.stillOpen().forEach(open -> permalink(open.channelId(), open.ts(), links));
        digest.help().longRunning().forEach(running -> permalink(running.channelId(), running.ts(), links));
        digest.learnings().stream()
                .filter(item -> item.messageTs() != null)
                .forEach(item -> permalink(item.channelId(), item.messageTs(), links));
        return links;
    }

    private void permalink(String channelId, String ts, Map<String, String> links) {
        ChatGetPermalinkResponse response = api.call(
                "chat.getPermalink",
                methods -> methods.chatGetPermalink(r -> r.channel(channelId).messageTs(ts)));
        if (response.isOk() && response.getPermalink() != null) {
            links.put(DigestSlackBlocks.key(channelId, ts), response.getPermalink());
        }
    }
}
