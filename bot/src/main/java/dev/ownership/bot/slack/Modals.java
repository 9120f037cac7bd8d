package dev.ownership.bot.slack;

import com.slack.api.model.view.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the modal a click asked for. A modal that cannot be opened is logged once and not tried again: its trigger
 * lasts seconds, and a {@code views.open} that timed out may have opened it already. Thread-safe.
 */
public final class Modals {
    private static final Logger log = LoggerFactory.getLogger(Modals.class);

    private Modals() {}

    /**
     * Opens {@code view} for the click of {@code triggerId}; {@code what} names it for the log (an {@code ok:false}
     * answer is logged by {@link SlackApi}).
     */
    public static void open(SlackApi api, String what, String userId, String triggerId, View view) {
        try {
            api.call(
                    "views.open",
                    methods -> methods.viewsOpen(r -> r.triggerId(triggerId).view(view)));
        } catch (SlackCallException e) {
            log.warn("Could not open the {} modal for {}: {}", what, userId, e.getMessage());
        }
    }
}
