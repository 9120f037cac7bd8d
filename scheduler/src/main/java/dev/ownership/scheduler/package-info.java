/**
 * Quartz, configured from the teams' schedules in storage.
 *
 * <p>Jobs are thin: each calls one method of an interface declared here ({@link Maintenance},
 * {@link DueWork}) and implemented by the bot. Nothing here knows about Slack.
 */
package dev.ownership.scheduler;
