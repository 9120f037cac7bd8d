/** Operations: Prometheus metrics shared by every feature, their names in {@link dev.ownership.bot.ops.MetricName}. */
package dev.ownership.bot.ops;
