/**
 * The learnings library: the learnings a team shared, searchable by words (ranked full-text search with stemming) or
 * listed newest first, for the people of that team only. {@code /ownership learnings} (the command slice), the App
 * Home's "Team learnings" section and its search modal read it; the weekly digest points to it.
 *
 * <p>{@link dev.ownership.bot.learning.LearningLibrary} decides whose library a person may read and searches it;
 * {@link dev.ownership.bot.learning.LearningText} says the answer. Slack types only in the slice's edge:
 * {@code LearningSlackLinks} (permalinks of the posts), {@code LearningSlackInteractions} and
 * {@code LearningSlackBlocks} (the search modal).
 */
package dev.ownership.bot.learning;
