package dev.ownership.bot.nudge;

import dev.ownership.storage.nudge.ReportBot;
import dev.ownership.storage.nudge.ReportBotRepository;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which standup bot a team's channel reads as reports: naming one ({@code settings reports from @geekbot}), stopping
 * ({@code settings reports off}) and what is set. Authorisation is the caller's (team admins only).
 *
 * <p>Thread-safe.
 */
public final class StandupBots {
    private final ReportBotRepository bots;
    private final Directory directory;
    private final Supplier<String> ownBotUserId;
    private final Clock clock;

    /** The bot accounts of the workspace, as Slack describes them. */
    @FunctionalInterface
    public interface Directory {
        /** The account with {@code userId}, or empty if Slack does not know it. */
        Optional<Account> account(String userId);
    }

    /**
     * A workspace account, as far as naming a standup bot needs.
     *
     * @param userId the user id
     * @param botId the bot id ({@code B…}) for a bot, else {@code null}
     * @param name the account's name
     * @param deleted whether it is deactivated
     */
    public record Account(String userId, String botId, String name, boolean deleted) {
        public Account {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(name, "name");
        }

        boolean isBot() {
            return botId != null && !botId.isBlank();
        }
    }

    /** What naming a bot did. */
    public sealed interface Naming {
        /** The bot is named: its posts in the channel are read as reports from now on. */
        record Named(ReportBot bot) implements Naming {}

        /** Nothing changed, for {@code reason}. */
        record Refused(Reason reason) implements Naming {}
    }

    /** Why a bot could not be named. */
    public enum Reason {
        /** Slack does not know the account. */
        UNKNOWN,
        /** The account is a person's. */
        PERSON,
        /** The account is deactivated. */
        DEACTIVATED,
        /** The account is Ownership itself, whose own posts are never read as reports. */
        OURSELVES
    }

    /**
     * @param ownBotUserId the user id of Ownership's own bot user, known once Slack has said who the bot is
     */
    public StandupBots(ReportBotRepository bots, Directory directory, Supplier<String> ownBotUserId, Clock clock) {
        this.bots = Objects.requireNonNull(bots, "bots");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.ownBotUserId = Objects.requireNonNull(ownBotUserId, "ownBotUserId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Names {@code botUserId} as the standup bot of {@code channelId}, replacing any named before. */
    public Naming name(String channelId, String botUserId) {
        if (botUserId.equals(ownBotUserId.get())) {
            return new Naming.Refused(Reason.OURSELVES);
        }
        Optional<Account> account = directory.account(botUserId);
        if (account.isEmpty()) {
            return new Naming.Refused(Reason.UNKNOWN);
        }
        if (!account.get().isBot()) {
            return new Naming.Refused(Reason.PERSON);
        }
        if (account.get().deleted()) {
            return new Naming.Refused(Reason.DEACTIVATED);
        }
        ReportBot bot = new ReportBot(
                channelId, botUserId, account.get().botId(), account.get().name(), clock.instant());
        bots.set(bot);
        return new Naming.Named(bot);
    }

    /** Stops reading reports in {@code channelId}; the bot that was named, or empty if none was. */
    public Optional<ReportBot> off(String channelId) {
        return bots.clear(channelId);
    }

    /** The bot whose reports {@code channelId} reads, if any. */
    public Optional<ReportBot> find(String channelId) {
        return bots.find(channelId);
    }
}
