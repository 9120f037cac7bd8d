package dev.ownership.storage.risk;

import java.util.Locale;
import java.util.Optional;

/** Where a risk of the register stands: open, then mitigating, then resolved or accepted (both final). */
public enum RiskStatus {
    OPEN,
    MITIGATING,
    RESOLVED,
    ACCEPTED;

    /** The word stored and shown, e.g. {@code mitigating}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the risk still needs attention (open or mitigating), and so gets check-ins. */
    public boolean isLive() {
        return this == OPEN || this == MITIGATING;
    }

    /** The status stored as {@code word}, if it is one. */
    public static Optional<RiskStatus> fromWord(String word) {
        for (RiskStatus status : values()) {
            if (status.word().equals(word)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
