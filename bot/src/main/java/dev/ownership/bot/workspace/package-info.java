/**
 * The people and channels of the workspace as the domain sees them: plain records and a {@link
 * dev.ownership.bot.workspace.Workspace} interface that {@code SlackWorkspace} implements
 * with cached Web API look-ups; {@code WorkspaceSlackListener} keeps that cache fresh. Teams and their members are
 * stored in {@code dev.ownership.storage.workspace}.
 */
package dev.ownership.bot.workspace;
