/**
 * People's control over their data: {@code /ownership forget-me} erases a person after they confirm, and a daily
 * retention job deletes records older than {@code OWNERSHIP_RETENTION}. {@code PrivacySlackInteractions} is the edge: the
 * confirmation's buttons. Records in {@code dev.ownership.storage.privacy}.
 */
package dev.ownership.bot.privacy;
