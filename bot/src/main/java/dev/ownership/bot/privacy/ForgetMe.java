package dev.ownership.bot.privacy;

import dev.ownership.bot.ops.MetricName;
import dev.ownership.bot.ops.Metrics;
import dev.ownership.bot.workspace.Person;
import dev.ownership.bot.workspace.Workspace;
import dev.ownership.storage.privacy.ErasureRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ownership forget-me}: asks first, then erases every row about the person in one transaction and keeps
 * them out (no nudges, prompts or celebrations) until they resume. Keeping them out is an open-ended pause created
 * in the same transaction, so every feature that respects pauses already respects it, and {@code resume} lifts it.
 *
 * <p>The erasure is carried out for whoever clicked the confirmation button, never for an id the button carries.
 * Thread-safe.
 */
public final class ForgetMe {
    /** The confirmation button's action. */
    public static final String CONFIRM = "forget_me_confirm";
    /** The button that changes nothing. */
    public static final String CANCEL = "forget_me_cancel";

    private static final Logger log = LoggerFactory.getLogger(ForgetMe.class);

    private final ErasureRepository erasure;
    private final Workspace workspace;
    private final Clock clock;
    private final Metrics metrics;

    public ForgetMe(ErasureRepository erasure, Workspace workspace, Clock clock, Metrics metrics) {
        this.erasure = Objects.requireNonNull(erasure, "erasure");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** The answer when the person changed their mind. */
    public static String cancelled() {
        return "Nothing was erased. `/ownership forget-me` asks again whenever you like.";
    }

    /**
     * Erases {@code userId} and pauses them until they resume.
     *
     * @return the answer to show them
     */
    public String erase(String userId) {
        ZoneId zone = workspace.person(userId).map(Person::timezone).orElse(ZoneOffset.UTC);
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        Map<String, Integer> erased = erasure.eraseAndPause(userId, today, now);
        int rows = erased.values().stream().mapToInt(Integer::intValue).sum();
        metrics.count(MetricName.FORGET_ME);
        log.info("Erased a person on request: {} rows in {}", rows, erased.keySet());
        return ":wastebasket: *Done: I erased everything I stored about you* (" + rows + " records, all at once). "
                + "Your streaks start again from zero.\nTo keep it that way I've paused you: no nudges, prompts or "
                + "celebrations reach you until you `/ownership resume`. That pause is the one thing I keep, so I "
                + "know to leave you out.";
    }
}
