package dev.ownership.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * A standup bot's report of one person's answers, in one of the shapes a bot can give it on Slack (see the bot's
 * {@code docs/STANDUP_BOTS.md} for where each is documented), for {@link SlackRequests#botReport}.
 *
 * @param text the message's {@code text}
 * @param postedAs the {@code username} it is posted under ({@code chat:write.customize}), or {@code null}
 * @param attachments the message's {@code attachments}, possibly empty
 * @param classic whether Slack delivers it with subtype {@code bot_message} (no {@code user}), as it does for posts
 *     under another name and for classic integrations; else as a modern app's message ({@code bot_id}, the bot's
 *     {@code user} and {@code bot_profile}, no subtype)
 */
public record BotReport(String text, String postedAs, ArrayNode attachments, boolean classic) {
    public BotReport {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(attachments, "attachments");
    }

    /** One question of the report and its answer. */
    public record Answer(String question, String answer) {
        public Answer {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(answer, "answer");
        }
    }

    public static Answer answer(String question, String answer) {
        return new Answer(question, answer);
    }

    /**
     * The person mentioned on the first line ({@code <@U…> posted an update for *Daily Standup*}), each answer an
     * attachment whose {@code title} is the question and {@code text} the answer; a modern app's message.
     */
    public static BotReport mentioning(String userId, List<Answer> answers) {
        ArrayNode attachments = Json.array();
        for (Answer answer : answers) {
            attachments.add(Json.object()
                    .put("fallback", answer.question() + " " + answer.answer())
                    .put("color", "#4b7bec")
                    .put("title", answer.question())
                    .put("text", answer.answer())
                    .set("mrkdwn_in", Json.array().add("text")));
        }
        return new BotReport("<@" + userId + "> posted an update for *Daily Standup*", null, attachments, false);
    }

    /**
     * The person as the attachment's {@code author_name} (with an {@code author_icon}), the answers as its
     * {@code fields} ({@code title} the question, {@code value} the answer); a {@code bot_message}.
     */
    public static BotReport authoredBy(String authorName, List<Answer> answers) {
        ArrayNode fields = Json.array();
        for (Answer answer : answers) {
            fields.add(Json.object()
                    .put("title", answer.question())
                    .put("value", answer.answer())
                    .put("short", false));
        }
        ObjectNode attachment = Json.object()
                .put("fallback", authorName + "'s standup")
                .put("color", "#20bf6b")
                .put("author_name", authorName)
                .put("author_icon", "https://avatars.sim.slack.test/" + authorName.hashCode() + "_24.png");
        attachment.set("fields", fields);
        return new BotReport("", null, Json.array().add(attachment), true);
    }

    /**
     * Posted under the person's name ({@code username}, and their picture as {@code icons}), the answers in the text
     * as a bold question and the answer on the lines below; a {@code bot_message}.
     */
    public static BotReport postedAs(String name, List<Answer> answers) {
        StringBuilder text = new StringBuilder();
        for (Answer answer : answers) {
            text.append(text.length() == 0 ? "" : "\n")
                    .append('*')
                    .append(answer.question())
                    .append("*\n")
                    .append(answer.answer());
        }
        return new BotReport(text.toString(), name, Json.array(), true);
    }

    /** A plain message of the bot that names nobody, such as a reminder to the channel. */
    public static BotReport plain(String text) {
        return new BotReport(text, null, Json.array(), false);
    }

    /** The message as Slack delivers it in an event from {@code bot} at {@code ts} in {@code channel}. */
    ObjectNode toMessage(SimUser bot, String channel, String ts) {
        ObjectNode message = Json.object().put("type", "message");
        if (classic) {
            message.put("subtype", "bot_message");
        } else {
            message.put("user", bot.id());
        }
        message.put("text", text).put("ts", ts).put("bot_id", bot.botId());
        if (postedAs != null) {
            message.put("username", postedAs);
            message.set("icons", Json.object().put("image_48", "https://avatars.sim.slack.test/posted-as_48.png"));
        }
        if (!attachments.isEmpty()) {
            message.set("attachments", attachments.deepCopy());
        }
        if (!classic) {
            message.set(
                    "bot_profile",
                    Json.object()
                            .put("id", bot.botId())
                            .put("deleted", false)
                            .put("name", bot.realName())
                            .put("app_id", "A" + bot.id().substring(1))
                            .put("team_id", SlackSimulator.TEAM_ID));
        }
        message.put("team", SlackSimulator.TEAM_ID);
        return message;
    }
}
