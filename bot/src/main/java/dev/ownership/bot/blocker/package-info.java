/**
 * Help for long-running blockers (the author is asked, privately and once, whether to raise it with their lead; with
 * escalation on, leads are told by link a workday later) and credit for the people who help unblock others (a
 * private thank-you at most once a day, their unblocks in {@code /ownership me}, the App Home and the digest).
 * Ids, dates and categories only: never the text of a post, a reply or a note. See {@code docs/BLOCKERS.md}.
 */
package dev.ownership.bot.blocker;
