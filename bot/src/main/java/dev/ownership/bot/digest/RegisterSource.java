package dev.ownership.bot.digest;

import java.time.Instant;

/** The risk register as the digest lists it, as the risk feature keeps it. */
@FunctionalInterface
public interface RegisterSource {
    /** The team's open risks now, and those resolved or accepted in {@code [from, to)}. */
    Digest.Register register(String channelId, Instant from, Instant to);
}
