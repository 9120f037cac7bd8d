-- The risk register: every risk flagged (`risks`, with its text) becomes an entry with a status that moves
-- open -> mitigating -> resolved | accepted, every change dated in `risk_changes`, and a private check-in to its
-- author once per follow-up period while it is open or mitigating. Times are epoch milliseconds.
--
-- An entry lives and dies with its risk (forget-me and retention delete the risk; the entry and its changes follow
-- by cascade). Retention counts an entry's age from its last activity (`updated_at`), so a risk still being worked
-- on is kept with its text.

CREATE TABLE risk_register (
    risk_id         INTEGER PRIMARY KEY REFERENCES risks (id) ON DELETE CASCADE,
    channel_id      TEXT    NOT NULL,
    user_id         TEXT    NOT NULL,  -- the author, as in `risks`
    status          TEXT    NOT NULL CHECK (status IN ('open', 'mitigating', 'resolved', 'accepted')),
    opened_at       INTEGER NOT NULL,
    status_at       INTEGER NOT NULL,  -- when the status last changed
    updated_at      INTEGER NOT NULL,  -- last activity: a change or an answer to the check-in
    note            TEXT,              -- the latest mitigation note, as typed into the bot
    period_from     INTEGER NOT NULL,  -- start of the current follow-up period
    checkin_due     INTEGER,           -- when the next check-in may go; NULL once resolved or accepted
    -- the latest check-in: sending (claimed), sent, failed (could not be sent, or interrupted by a crash),
    -- skipped (the author turned prompts off, left, or the team is no longer watched)
    checkin_state   TEXT CHECK (checkin_state IN ('sending', 'sent', 'failed', 'skipped')),
    checkin_reason  TEXT,
    checkin_at      INTEGER,           -- when it was claimed
    checkin_date    TEXT,              -- the author's local date of it (YYYY-MM-DD): one check-in a person a day
    checkin_channel TEXT,              -- where its DM is, to update it with the answer
    checkin_ts      TEXT
);
CREATE INDEX risk_register_due ON risk_register (checkin_due) WHERE checkin_due IS NOT NULL;
CREATE INDEX risk_register_channel ON risk_register (channel_id, status, opened_at);
CREATE INDEX risk_register_user_day ON risk_register (user_id, checkin_date);

-- Each change of status, and each "still open" answer to a check-in (the status it confirmed), with who and how.
CREATE TABLE risk_changes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    risk_id    INTEGER NOT NULL REFERENCES risk_register (risk_id) ON DELETE CASCADE,
    status     TEXT    NOT NULL CHECK (status IN ('open', 'mitigating', 'resolved', 'accepted')),
    changed_by TEXT    NOT NULL,      -- the author, a lead or an admin
    via        TEXT    NOT NULL CHECK (via IN ('flagged', 'checkin', 'register')),
    note       TEXT,
    changed_at INTEGER NOT NULL
);
CREATE INDEX risk_changes_risk ON risk_changes (risk_id, changed_at);
CREATE INDEX risk_changes_by ON risk_changes (changed_by);

-- A team's follow-up period (`schedule risk-followup DAYS`); no row means the default, 7 days.
CREATE TABLE risk_followups (
    channel_id TEXT    NOT NULL PRIMARY KEY REFERENCES teams (channel_id) ON DELETE CASCADE,
    days       INTEGER NOT NULL CHECK (days BETWEEN 1 AND 90)
);

-- The risks recorded before the register existed are open entries from their original dates; their first check-in
-- is due a default period after they were flagged (at once, for the older ones: one a person a day).
INSERT INTO risk_register (risk_id, channel_id, user_id, status, opened_at, status_at, updated_at, period_from,
                           checkin_due)
SELECT id, channel_id, user_id, 'open', created_at, created_at, created_at, created_at, created_at + 7 * 86400000
  FROM risks;
INSERT INTO risk_changes (risk_id, status, changed_by, via, changed_at)
SELECT id, 'open', user_id, 'flagged', created_at FROM risks;
