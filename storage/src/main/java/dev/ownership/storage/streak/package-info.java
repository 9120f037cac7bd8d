/** What streaks are computed from (weekly activity), the milestones already celebrated, leaderboard opt-outs. */
package dev.ownership.storage.streak;
