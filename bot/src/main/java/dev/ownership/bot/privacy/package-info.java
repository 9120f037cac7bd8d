/**
 * People's control over their data: {@code /ownership forget-me} erases a person after they confirm, and a daily
 * retention job deletes records older than {@code OWNERSHIP_RETENTION}.
 */
package dev.ownership.bot.privacy;
