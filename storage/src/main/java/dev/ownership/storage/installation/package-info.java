/** What Slack said about the app's installation: whether the bot's access was revoked. */
package dev.ownership.storage.installation;
