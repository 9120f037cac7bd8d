/**
 * The SQLite database: one file in WAL mode, versioned migrations applied by Flyway, and small repositories
 * that return immutable records.
 *
 * <p>Nothing here knows about Slack or Quartz; identifiers are plain strings as Slack hands them out.
 */
package dev.ownership.storage;
