/**
 * The people and channels of the workspace as the domain sees them: plain records and a {@link
 * dev.ownership.bot.workspace.Workspace} interface that the Slack edge implements.
 */
package dev.ownership.bot.workspace;
