-- Foundation: idempotent event processing and the teams (watched standup channels).

CREATE TABLE processed_events (
    event_id    TEXT    NOT NULL PRIMARY KEY,
    event_type  TEXT    NOT NULL,
    received_at INTEGER NOT NULL -- epoch milliseconds
);
CREATE INDEX processed_events_received_at ON processed_events (received_at);

CREATE TABLE teams (
    channel_id   TEXT    NOT NULL PRIMARY KEY,
    workspace_id TEXT    NOT NULL,
    channel_name TEXT    NOT NULL,
    timezone     TEXT    NOT NULL,
    watched      INTEGER NOT NULL CHECK (watched IN (0, 1)),
    watched_by   TEXT    NOT NULL,
    watched_at   INTEGER NOT NULL,
    workdays     TEXT    NOT NULL DEFAULT 'MON,TUE,WED,THU,FRI',
    work_start   TEXT    NOT NULL DEFAULT '09:00',
    work_end     TEXT    NOT NULL DEFAULT '18:00',
    leaderboard  INTEGER NOT NULL DEFAULT 0 CHECK (leaderboard IN (0, 1))
);

CREATE TABLE team_leads (
    channel_id TEXT NOT NULL REFERENCES teams (channel_id) ON DELETE CASCADE,
    user_id    TEXT NOT NULL,
    PRIMARY KEY (channel_id, user_id)
);
CREATE INDEX team_leads_user ON team_leads (user_id);
