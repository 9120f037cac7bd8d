-- Long-running blockers and credit for the people who help unblock them (docs/BLOCKERS.md).
-- Privacy: ids, times, states and a category only; never the text of a post, a reply or the author's note to a
-- lead. Every row about a post goes with the post (ON DELETE CASCADE): forget-me of its author and retention
-- remove them with it; forget-me of a helper removes their replies and credits by their own id.

-- Per team: whether leads are told of a long-running blocker the author did not answer, and after how many
-- workdays a blocker counts as long-running. No row means the defaults (escalation off, 3 workdays). A setting,
-- not a record: retention keeps it.
CREATE TABLE blocker_settings (
    channel_id      TEXT    NOT NULL PRIMARY KEY,
    escalation      INTEGER NOT NULL DEFAULT 0 CHECK (escalation IN (0, 1)),
    long_after_days INTEGER NOT NULL DEFAULT 3 CHECK (long_after_days BETWEEN 2 AND 10),
    updated_at      INTEGER NOT NULL
);

-- A long-running blocker, identified by the first post of its run: a blocker still without a next step
-- (no_next_step), or the first of the same person's blockers of one category on consecutive workdays (recurring).
CREATE TABLE long_blockers (
    channel_id   TEXT    NOT NULL,
    ts           TEXT    NOT NULL,
    user_id      TEXT    NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('no_next_step', 'recurring')),
    category     TEXT,
    since_at     INTEGER NOT NULL, -- when the first post of the run was posted
    latest_ts    TEXT    NOT NULL, -- the latest post of the run, which links point to
    detected_at  INTEGER NOT NULL,
    -- due: the author is to be asked; sending: claimed by a delivery; asked: DM sent; skipped: not asked
    -- (paused, nudges off, bot, unwatched, resolved meanwhile); failed: the DM could not be sent (or a crash).
    ask_state    TEXT    NOT NULL CHECK (ask_state IN ('due', 'sending', 'asked', 'skipped', 'failed')),
    ask_reason   TEXT,
    ask_due_at   INTEGER,
    asked_at     INTEGER,
    dm_channel   TEXT,
    dm_ts        TEXT,
    -- raised: "Ask my lead for help"; on_it: "I've got it".
    answer       TEXT CHECK (answer IN ('raised', 'on_it')),
    answered_at  INTEGER,
    escalate_at  INTEGER,          -- when leads are told, if the team turned escalation on and nobody answered
    escalation   TEXT CHECK (escalation IN ('sending', 'sent', 'skipped', 'failed')),
    escalated_at INTEGER,
    updated_at   INTEGER NOT NULL,
    PRIMARY KEY (channel_id, ts),
    FOREIGN KEY (channel_id, ts) REFERENCES standup_posts (channel_id, ts) ON DELETE CASCADE
);
CREATE INDEX long_blockers_ask ON long_blockers (ask_state, ask_due_at);
CREATE INDEX long_blockers_escalate ON long_blockers (escalation, escalate_at);
CREATE INDEX long_blockers_user ON long_blockers (user_id);

-- Someone other than the author replied in a blocker's thread (people only, never bots): who and when.
CREATE TABLE blocker_replies (
    channel_id TEXT    NOT NULL,
    reply_ts   TEXT    NOT NULL,
    thread_ts  TEXT    NOT NULL,
    user_id    TEXT    NOT NULL,
    replied_at INTEGER NOT NULL,
    PRIMARY KEY (channel_id, reply_ts),
    FOREIGN KEY (channel_id, thread_ts) REFERENCES standup_posts (channel_id, ts) ON DELETE CASCADE
);
CREATE INDEX blocker_replies_thread ON blocker_replies (channel_id, thread_ts, replied_at);
CREATE INDEX blocker_replies_user ON blocker_replies (user_id);

-- A blocker its author resolved, once, and how: a next step, a thanks/fixed reply, a check-mark reaction, or the
-- nudge's "It's resolved".
CREATE TABLE blocker_resolutions (
    channel_id  TEXT    NOT NULL,
    ts          TEXT    NOT NULL,
    resolved_at INTEGER NOT NULL,
    via         TEXT    NOT NULL CHECK (via IN ('next_step', 'thanks', 'reaction', 'nudge')),
    PRIMARY KEY (channel_id, ts),
    FOREIGN KEY (channel_id, ts) REFERENCES standup_posts (channel_id, ts) ON DELETE CASCADE
);

-- The person credited with unblocking a resolved blocker, and their private thank-you (at most one a day).
CREATE TABLE unblocks (
    channel_id    TEXT    NOT NULL,
    ts            TEXT    NOT NULL,
    helper_id     TEXT    NOT NULL,
    author_id     TEXT    NOT NULL,
    reply_ts      TEXT    NOT NULL,
    resolved_at   INTEGER NOT NULL,
    -- due: to thank; sending: claimed; sent; skipped (already thanked that day, paused, bot); failed.
    thanks_state  TEXT    NOT NULL CHECK (thanks_state IN ('due', 'sending', 'sent', 'skipped', 'failed')),
    thanks_reason TEXT,
    thanks_due_at INTEGER,
    thanked_at    INTEGER,
    thanks_date   TEXT,             -- the helper's local date of the thank-you, for the daily limit
    updated_at    INTEGER NOT NULL,
    PRIMARY KEY (channel_id, ts),
    FOREIGN KEY (channel_id, ts) REFERENCES standup_posts (channel_id, ts) ON DELETE CASCADE
);
CREATE INDEX unblocks_helper ON unblocks (helper_id, resolved_at);
CREATE INDEX unblocks_thanks ON unblocks (thanks_state, thanks_due_at);
CREATE INDEX unblocks_channel ON unblocks (channel_id, resolved_at);
