-- Running the standup for teams that have none: the standup is one more scheduled prompt kind ('standup'), whose
-- DM asks the team's questions; the answers are posted in the team's channel and judged like any standup post
-- (standup_posts). The answers themselves are never stored here: an edit reads them back from Slack.
--
-- SQLite cannot change a CHECK constraint in place, so the two tables whose `kind` lists the prompt kinds are
-- rebuilt with 'standup' added. The copy is `SELECT *` on purpose: a column another migration added to either table
-- makes it fail loudly instead of being dropped.

CREATE TABLE team_schedules_v9 (
    channel_id TEXT    NOT NULL REFERENCES teams (channel_id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('learning', 'risk', 'impact', 'digest', 'standup')),
    days       TEXT    NOT NULL,
    at_time    TEXT    NOT NULL,
    enabled    INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    PRIMARY KEY (channel_id, kind)
);
INSERT INTO team_schedules_v9 SELECT * FROM team_schedules;
DROP TABLE team_schedules;
ALTER TABLE team_schedules_v9 RENAME TO team_schedules;

CREATE TABLE prompt_deliveries_v9 (
    channel_id  TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('learning', 'risk', 'impact', 'standup')),
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
INSERT INTO prompt_deliveries_v9 SELECT * FROM prompt_deliveries;
DROP TABLE prompt_deliveries;
ALTER TABLE prompt_deliveries_v9 RENAME TO prompt_deliveries;
CREATE INDEX prompt_deliveries_user ON prompt_deliveries (user_id, created_at);
CREATE INDEX prompt_deliveries_channel ON prompt_deliveries (channel_id, created_at);
CREATE INDEX prompt_deliveries_open ON prompt_deliveries (kind, state, sent_at);

-- A team's standup questions (NULL: the default three) and its reminder: `remind_at` is each member's local time
-- (NULL: two hours after the standup), `remind_enabled` 0 after `remind off`.
CREATE TABLE standup_settings (
    channel_id     TEXT    PRIMARY KEY REFERENCES teams (channel_id) ON DELETE CASCADE,
    questions      TEXT,                 -- one question a line, 1 to 5
    remind_at      TEXT,                 -- 'HH:MM'
    remind_enabled INTEGER NOT NULL DEFAULT 1 CHECK (remind_enabled IN (0, 1))
);

-- What happened to one person's standup of one day beyond its delivery: where its answers were posted (for an edit
-- the same day), the reminder (claimed once), and the one "Remind me in 1 h" after it. Keyed like the delivery.
CREATE TABLE standup_days (
    channel_id     TEXT    NOT NULL,
    user_id        TEXT    NOT NULL,
    occurrence     TEXT    NOT NULL,     -- the person's local date, as in prompt_deliveries
    created_at     INTEGER NOT NULL,
    post_ts        TEXT,                 -- the answers' post in the team's channel
    reminded_at    INTEGER,
    reminder_channel TEXT,
    reminder_ts    TEXT,
    snooze_due     INTEGER,              -- "Remind me in 1 h": when
    snooze_sent_at INTEGER,
    PRIMARY KEY (channel_id, user_id, occurrence)
);
CREATE INDEX standup_days_user ON standup_days (user_id);
CREATE INDEX standup_days_snooze ON standup_days (snooze_due) WHERE snooze_sent_at IS NULL;
