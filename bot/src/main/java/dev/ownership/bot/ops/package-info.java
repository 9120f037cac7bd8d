/** Operations: Prometheus metrics shared by every feature. */
package dev.ownership.bot.ops;
