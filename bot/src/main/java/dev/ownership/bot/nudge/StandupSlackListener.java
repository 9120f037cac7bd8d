package dev.ownership.bot.nudge;

import com.slack.api.bolt.App;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import dev.ownership.bot.slack.BackgroundWork;
import dev.ownership.bot.slack.Listener;
import java.util.Objects;
import java.util.Optional;

/**
 * Message events from channels: top-level posts (plain and with files), the author's thread replies and
 * broadcasts, edits and deletions go to the {@link StandupService}. Messages from bots are ignored, except the
 * top-level posts (and their edits) of other apps' bots, which go to {@link StandupReports}: it reads only those of the
 * bot a team named, records them before the ack like any post, and attributes them to their person after it, since
 * that looks people up. Ownership's own posts are never
 * reports. Other subtypes (joins, topic changes, ...) are acknowledged without effect by the app's auto-ack.
 */
public final class StandupSlackListener implements Listener {
    private final StandupService standups;
    private final StandupReports reports;
    private final BackgroundWork work;
    private final String ownBotUserId;

    public StandupSlackListener(
            StandupService standups, StandupReports reports, BackgroundWork work, String ownBotUserId) {
        this.standups = Objects.requireNonNull(standups, "standups");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.work = Objects.requireNonNull(work, "work");
        this.ownBotUserId = Objects.requireNonNull(ownBotUserId, "ownBotUserId");
    }

    @Override
    public void register(App app) {
        app.event(MessageEvent.class, (payload, context) -> {
            MessageEvent event = payload.getEvent();
            if (isHuman(event.getUser(), event.getBotId())) {
                message(event.getChannel(), event.getTs(), event.getThreadTs(), event.getUser(), event.getText());
            } else if (isOtherBot(event.getUser(), event.getBotId())
                    && isTopLevel(event.getTs(), event.getThreadTs())) {
                attributeLater(reports.received(ReportSlackPosts.of(event)));
            }
            return context.ack();
        });
        app.event(MessageBotEvent.class, (payload, context) -> {
            MessageBotEvent event = payload.getEvent();
            if (isOtherBot(null, event.getBotId()) && isTopLevel(event.getTs(), event.getThreadTs())) {
                attributeLater(reports.received(ReportSlackPosts.of(event)));
            }
            return context.ack();
        });
        app.event(MessageFileShareEvent.class, (payload, context) -> {
            MessageFileShareEvent event = payload.getEvent();
            if (isHuman(event.getUser(), null)) {
                message(event.getChannel(), event.getTs(), event.getThreadTs(), event.getUser(), event.getText());
            }
            return context.ack();
        });
        app.event(MessageThreadBroadcastEvent.class, (payload, context) -> {
            MessageThreadBroadcastEvent event = payload.getEvent();
            if (isHuman(event.getUser(), null) && event.getThreadTs() != null) {
                standups.replied(
                        event.getChannel(), event.getThreadTs(), event.getTs(), event.getUser(), text(event.getText()));
            }
            return context.ack();
        });
        app.event(MessageChangedEvent.class, (payload, context) -> {
            MessageChangedEvent event = payload.getEvent();
            MessageChangedEvent.Message message = event.getMessage();
            if (message != null
                    && isHuman(message.getUser(), message.getBotId())
                    && isTopLevel(message.getTs(), message.getThreadTs())) {
                standups.edited(event.getChannel(), message.getTs(), message.getUser(), text(message.getText()));
            } else if (message != null && isHuman(message.getUser(), message.getBotId())) {
                standups.replied(event.getChannel(), message.getThreadTs(), message.getUser(), text(message.getText()));
            } else if (message != null
                    && isOtherBot(message.getUser(), message.getBotId())
                    && isTopLevel(message.getTs(), message.getThreadTs())) {
                attributeLater(reports.edited(ReportSlackPosts.of(event.getChannel(), message)));
            }
            return context.ack();
        });
        app.event(MessageDeletedEvent.class, (payload, context) -> {
            MessageDeletedEvent event = payload.getEvent();
            if (event.getDeletedTs() != null) {
                standups.deleted(event.getChannel(), event.getDeletedTs());
            }
            return context.ack();
        });
    }

    private void attributeLater(Optional<StandupReports.Arrival> arrival) {
        arrival.ifPresent(report -> work.submit("standup.report", () -> reports.attribute(report)));
    }

    private void message(String channel, String ts, String threadTs, String user, String text) {
        if (isTopLevel(ts, threadTs)) {
            standups.posted(channel, ts, user, text(text));
        } else {
            standups.replied(channel, threadTs, ts, user, text(text));
        }
    }

    private static boolean isTopLevel(String ts, String threadTs) {
        return threadTs == null || threadTs.equals(ts);
    }

    private static boolean isHuman(String user, String botId) {
        return user != null && botId == null;
    }

    /** A message of another app's bot: Ownership's own (its bot user) is never read as a report. */
    private boolean isOtherBot(String user, String botId) {
        return botId != null && !ownBotUserId.equals(user);
    }

    private static String text(String text) {
        return text == null ? "" : text;
    }
}
