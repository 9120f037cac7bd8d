/**
 * The learnings library's storage: ranked full-text search over the learnings table through its FTS5 index
 * ({@code learnings_fts}, kept in step by triggers), and the words people type turned into a query that FTS5 cannot
 * misread.
 */
package dev.ownership.storage.learning;
