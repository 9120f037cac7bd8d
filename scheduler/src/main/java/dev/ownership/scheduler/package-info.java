/**
 * Quartz, configured from the teams' schedules in storage.
 *
 * <p>Jobs are thin: each calls one method of an interface declared here ({@link Maintenance},
 * {@link DueWork}, {@link PromptWork}) and implemented by the bot. The prompt triggers are built from the schedules
 * stored in the database ({@link PromptTimetable}), in each member's own timezone ({@link PromptCalendar}). Nothing
 * here knows about Slack.
 */
package dev.ownership.scheduler;
