package dev.ownership.bot.pause;

import dev.ownership.storage.pause.PersonalControlRepository;
import dev.ownership.storage.pause.PersonalControlRepository.Controls;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Each person's own say over what reaches them, each control on its own: a pause (no nudges and no prompts, for a
 * while), nudges off, prompts off. The nudges and prompts ask here before anything is sent.
 *
 * <p>Thread-safe.
 */
public final class PersonalControls {
    /** Why nothing is sent: the person paused. */
    public static final String PAUSED = "paused";
    /** Why no nudge is sent: the person turned nudges off. */
    public static final String NUDGES_OFF = "nudges_off";
    /** Why no prompt is sent: the person turned prompts off. */
    public static final String PROMPTS_OFF = "prompts_off";

    private final Pauses pauses;
    private final PersonalControlRepository switches;
    private final Clock clock;

    public PersonalControls(Pauses pauses, PersonalControlRepository switches, Clock clock) {
        this.pauses = Objects.requireNonNull(pauses, "pauses");
        this.switches = Objects.requireNonNull(switches, "switches");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Why {@code userId} (in timezone {@code zone}) gets no nudge now, or empty when they may get one. */
    public Optional<String> whyNoNudge(String userId, ZoneId zone) {
        if (pauses.isPaused(userId, zone)) {
            return Optional.of(PAUSED);
        }
        return switches.controls(userId).nudges() ? Optional.empty() : Optional.of(NUDGES_OFF);
    }

    /** Why {@code userId} (in timezone {@code zone}) gets no prompt now, or empty when they may get one. */
    public Optional<String> whyNoPrompt(String userId, ZoneId zone) {
        if (pauses.isPaused(userId, zone)) {
            return Optional.of(PAUSED);
        }
        return switches.controls(userId).prompts() ? Optional.empty() : Optional.of(PROMPTS_OFF);
    }

    /** The person's switches (a pause is read through {@link #pauses()}). */
    public Controls controls(String userId) {
        return switches.controls(userId);
    }

    /** Turns nudges on or off for {@code userId}. */
    public void setNudges(String userId, boolean on) {
        switches.setNudges(userId, on, clock.instant());
    }

    /** Turns prompts on or off for {@code userId}. */
    public void setPrompts(String userId, boolean on) {
        switches.setPrompts(userId, on, clock.instant());
    }

    /** The person's pauses. */
    public Pauses pauses() {
        return pauses;
    }
}
