/**
 * The SQLite database: one file in WAL mode, versioned migrations applied by Flyway, and small repositories
 * that return immutable records.
 *
 * <p>This package holds what every feature shares and none owns: {@link dev.ownership.storage.Database}
 * (connections, transactions, the group commit), time and day helpers, the module's exception, and the record of
 * processed Slack event ids. The repositories live in one package per feature, named as the feature is in the bot
 * ({@code nudge}, {@code prompt}, {@code streak}, {@code digest}, {@code pause}, {@code privacy}, {@code workspace}),
 * so that one name finds a feature in every module.
 *
 * <p>Nothing here knows about Slack or Quartz; identifiers are plain strings as Slack hands them out.
 */
package dev.ownership.storage;
