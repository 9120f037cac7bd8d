/**
 * The weekly digest for leads: per team and week (in the team's timezone) whether the team owns its blockers,
 * shares what it learns and raises risks early, and where someone needs help. Composed from recorded facts,
 * delivered once per lead per week, previewed on demand. No Slack types: the edge implements
 * {@link dev.ownership.bot.digest.DigestMessenger}.
 */
package dev.ownership.bot.digest;
