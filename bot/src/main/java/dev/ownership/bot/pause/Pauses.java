package dev.ownership.bot.pause;

import dev.ownership.storage.pause.PauseRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether someone is paused, and pausing or resuming them. Dates are the person's own local dates: a pause
 * {@code until 2026-12-01} ends when December 1st begins where they are.
 *
 * <p>Thread-safe.
 */
public final class Pauses {
    private final PauseRepository repository;
    private final Clock clock;

    public Pauses(PauseRepository repository, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether {@code userId} is paused now, in their timezone {@code zone}. */
    public boolean isPaused(String userId, ZoneId zone) {
        return repository.activeOn(userId, today(zone)).isPresent();
    }

    /** The pause in force now, if any. */
    public Optional<PauseRepository.Pause> current(String userId, ZoneId zone) {
        return repository.activeOn(userId, today(zone));
    }

    /**
     * Pauses {@code userId} from today until {@code until} (the first day back), or until resumed if null.
     *
     * @throws IllegalArgumentException if {@code until} is not after today
     */
    public void pause(String userId, ZoneId zone, LocalDate until) {
        LocalDate today = today(zone);
        if (until != null && !until.isAfter(today)) {
            throw new IllegalArgumentException("The date to resume must be after today (" + today + ")");
        }
        repository.pause(userId, today, until, clock.instant());
    }

    /** Ends a pause in force; returns whether there was one. */
    public boolean resume(String userId, ZoneId zone) {
        return repository.resume(userId, today(zone));
    }

    /** Today's date where the person is. */
    public LocalDate today(ZoneId zone) {
        return clock.instant().atZone(zone).toLocalDate();
    }
}
