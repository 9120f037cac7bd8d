/**
 * The Slack edge: the Bolt app and its listeners (parse, record, ack, hand slow work on), the Web API client with
 * retries and metrics, and Block Kit rendering. The only package besides the simulator that imports
 * {@code com.slack}.
 */
package dev.ownership.bot.slack;
