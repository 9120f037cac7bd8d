/**
 * What happens to the app's installation in Slack: when Slack says the app was uninstalled or the bot's token revoked
 * ({@link dev.ownership.bot.installation.Installation}), all scheduled work stops until a new token is accepted at
 * start-up; when a watched channel is archived or removes the bot
 * ({@link dev.ownership.bot.installation.ChannelLoss}), the team is unwatched and the admin who set it up is told once.
 *
 * <p>Slack types only in the slice's edge, {@code InstallationSlackListener} (the events); its one DM goes through an
 * {@link dev.ownership.bot.installation.InstallationMessenger}. Records in {@code dev.ownership.storage.installation}.
 */
package dev.ownership.bot.installation;
