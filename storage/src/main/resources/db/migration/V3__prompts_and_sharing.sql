-- Scheduled prompts, team membership, and what people chose to share (learnings, risks, impact notes).
-- Times are epoch milliseconds; weeks are computed at read time in the team's timezone, so a timezone change
-- never corrupts history.

CREATE TABLE team_schedules (
    channel_id TEXT    NOT NULL REFERENCES teams (channel_id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('learning', 'risk', 'impact', 'digest')),
    days       TEXT    NOT NULL,            -- e.g. 'FRI' or 'MON,TUE,WED,THU,FRI'
    at_time    TEXT    NOT NULL,            -- 'HH:MM', each member's own timezone (the team's for the digest)
    enabled    INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    PRIMARY KEY (channel_id, kind)
);

-- Members of a team's channel (humans only), kept current from member_joined_channel / member_left_channel.
CREATE TABLE team_members (
    channel_id TEXT    NOT NULL REFERENCES teams (channel_id) ON DELETE CASCADE,
    user_id    TEXT    NOT NULL,
    joined_at  INTEGER NOT NULL,
    PRIMARY KEY (channel_id, user_id)
);
CREATE INDEX team_members_user ON team_members (user_id);

-- One row per person per prompt occurrence: the unique key makes a prompt go out at most once, across restarts,
-- overlapping runs and replicas. `occurrence` is the person's local date of a scheduled prompt (YYYY-MM-DD), or
-- 'now-<epoch millis>' for a prompt an admin or lead sent with `/ownership prompt`.
CREATE TABLE prompt_deliveries (
    channel_id  TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('learning', 'risk', 'impact')),
    user_id     TEXT    NOT NULL,
    occurrence  TEXT    NOT NULL,
    state       TEXT    NOT NULL CHECK (state IN ('sending', 'sent', 'answered', 'skipped', 'failed')),
    reason      TEXT,
    created_at  INTEGER NOT NULL,
    sent_at     INTEGER,
    answered_at INTEGER,
    dm_channel  TEXT,
    dm_ts       TEXT,
    PRIMARY KEY (channel_id, kind, user_id, occurrence)
);
CREATE INDEX prompt_deliveries_user ON prompt_deliveries (user_id, created_at);
CREATE INDEX prompt_deliveries_channel ON prompt_deliveries (channel_id, created_at);

CREATE TABLE learnings (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    channel_id TEXT    NOT NULL,
    user_id    TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    message_ts TEXT,                          -- the post in the team channel, for links
    source     TEXT    NOT NULL CHECK (source IN ('command', 'prompt', 'home'))
);
CREATE INDEX learnings_channel ON learnings (channel_id, created_at);
CREATE INDEX learnings_user ON learnings (user_id, created_at);

-- Risk check-ins: every answer to the risk check-in, a risk (with its text in `risks`) or "no risks this week".
CREATE TABLE risk_checkins (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    channel_id TEXT    NOT NULL,
    user_id    TEXT    NOT NULL,
    checked_at INTEGER NOT NULL,
    had_risk   INTEGER NOT NULL CHECK (had_risk IN (0, 1))
);
CREATE INDEX risk_checkins_user ON risk_checkins (user_id, checked_at);
CREATE INDEX risk_checkins_channel ON risk_checkins (channel_id, checked_at);

CREATE TABLE risks (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    channel_id TEXT    NOT NULL,
    user_id    TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    source     TEXT    NOT NULL CHECK (source IN ('command', 'prompt', 'home'))
);
CREATE INDEX risks_channel ON risks (channel_id, created_at);
CREATE INDEX risks_user ON risks (user_id, created_at);

CREATE TABLE impacts (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    channel_id TEXT    NOT NULL,
    user_id    TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX impacts_channel ON impacts (channel_id, created_at);
CREATE INDEX impacts_user ON impacts (user_id, created_at);
