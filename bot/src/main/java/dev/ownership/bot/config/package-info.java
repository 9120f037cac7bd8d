/** Configuration: read once from the environment into an immutable record, failing fast naming the variable. */
package dev.ownership.bot.config;
