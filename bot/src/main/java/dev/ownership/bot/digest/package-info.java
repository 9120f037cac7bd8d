/**
 * The weekly digest for leads: per team and week (in the team's timezone) whether the team owns its blockers,
 * shares what it learns and raises risks early, and where someone needs help. Composed from recorded facts,
 * delivered once per lead per week, previewed on demand.
 *
 * <p>Slack types only in the slice's edge: {@code DigestSlackMessenger} (the DM, the chart upload) and
 * {@code DigestSlackBlocks} (its Block Kit). Records in {@code dev.ownership.storage.digest}.
 */
package dev.ownership.bot.digest;
