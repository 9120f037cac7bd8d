package dev.ownership.bot.command;

import dev.ownership.bot.digest.Digest;
import java.util.List;
import java.util.Objects;

/**
 * The private answer to a command, in Slack mrkdwn; only the person who ran the command sees it.
 *
 * @param text the answer
 * @param changed whether the command changed anything (false for refusals, errors and read-only commands)
 * @param buttons buttons shown under the answer, e.g. to confirm what the command asked for
 * @param digest a digest to show below the text (a preview), or {@code null}
 * @param rows items shown after the text, each with buttons of its own (the risk register)
 */
public record Reply(String text, boolean changed, List<Button> buttons, Digest digest, List<Row> rows) {
    public Reply {
        Objects.requireNonNull(text, "text");
        buttons = List.copyOf(buttons);
        rows = List.copyOf(rows);
    }

    /** An answer without rows. */
    public Reply(String text, boolean changed, List<Button> buttons, Digest digest) {
        this(text, changed, buttons, digest, List.of());
    }

    /** An answer without buttons. */
    public Reply(String text, boolean changed) {
        this(text, changed, List.of(), null);
    }

    /** An answer to a command that changed something. */
    public static Reply done(String text) {
        return new Reply(text, true);
    }

    /** An answer that changed nothing: information, a refusal or an error. */
    public static Reply info(String text) {
        return new Reply(text, false);
    }

    /** A digest preview, introduced by {@code text}. */
    public static Reply withDigest(String text, Digest digest) {
        return new Reply(text, false, List.of(), Objects.requireNonNull(digest, "digest"));
    }

    /** A question that changes nothing until the person clicks one of the buttons. */
    public static Reply confirm(String text, Button... buttons) {
        return new Reply(text, false, List.of(buttons), null);
    }

    /** Information in {@code rows} after {@code text}, changing nothing until a row's button is clicked. */
    public static Reply withRows(String text, List<Row> rows) {
        return new Reply(text, false, List.of(), null, rows);
    }

    /**
     * A button under an answer. Its action is carried out for whoever clicks it, never for an id it carries; a value
     * names only what it acts on, and the click is checked against whoever made it.
     *
     * @param actionId what clicking it does
     * @param label the button's text
     * @param danger whether it does something that cannot be undone
     * @param value what it acts on (e.g. a risk's id), or {@code null}
     */
    public record Button(String actionId, String label, boolean danger, String value) {
        public Button {
            Objects.requireNonNull(actionId, "actionId");
            Objects.requireNonNull(label, "label");
        }

        /** A button without a value. */
        public Button(String actionId, String label, boolean danger) {
            this(actionId, label, danger, null);
        }
    }

    /**
     * One item of an answer, with its own buttons.
     *
     * @param text the item, in mrkdwn
     * @param buttons its buttons, possibly none
     */
    public record Row(String text, List<Button> buttons) {
        public Row {
            Objects.requireNonNull(text, "text");
            buttons = List.copyOf(buttons);
        }
    }
}
