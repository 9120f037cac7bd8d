-- Streak milestones and the App Home's leaderboard preference. Streaks themselves are not stored: they are derived
-- from the recorded facts (standup posts, learnings, risk check-ins, pauses) whenever they are read.

-- One row per milestone reached in a run of a streak: the key makes a celebration happen at most once per run,
-- across concurrent refreshes, restarts and replicas. `run_start` identifies the run (epoch milliseconds of its
-- first blocker, or of the start of its first week in the team's timezone). `local_date` is the person's own date
-- when it was reached, for the budget of one celebration DM per person per day.
CREATE TABLE streak_milestones (
    channel_id TEXT    NOT NULL,
    user_id    TEXT    NOT NULL,
    streak     TEXT    NOT NULL CHECK (streak IN ('ownership', 'learning', 'early_risk')),
    value      INTEGER NOT NULL,
    run_start  INTEGER NOT NULL,
    outcome    TEXT    NOT NULL CHECK (outcome IN ('sent', 'skipped', 'failed')),
    reason     TEXT,             -- why a celebration was skipped or failed (daily_budget, paused, ...)
    local_date TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (channel_id, user_id, streak, value, run_start)
);
CREATE INDEX streak_milestones_user_date ON streak_milestones (user_id, local_date);
CREATE INDEX streak_milestones_channel ON streak_milestones (channel_id, created_at);

-- People who asked not to be listed on their teams' leaderboards (the default is to be listed when a team turns
-- its leaderboard on). A preference, not a record: retention keeps it, forget-me erases it.
CREATE TABLE leaderboard_optouts (
    user_id    TEXT    NOT NULL PRIMARY KEY,
    created_at INTEGER NOT NULL
);
