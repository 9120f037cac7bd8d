-- Standup posts in watched channels and the nudges about them.
-- Privacy: a post is stored as ids, times, label, category and reasons; never its text. The proposal text is
-- what the author typed into the bot, theirs to share, and is kept.

CREATE TABLE standup_posts (
    channel_id      TEXT    NOT NULL,
    ts              TEXT    NOT NULL,
    user_id         TEXT    NOT NULL,
    posted_at       INTEGER NOT NULL,
    label           TEXT    NOT NULL CHECK (label IN ('none', 'blocker_with_proposal', 'blocker_without_proposal')),
    category        TEXT,
    reasons         TEXT    NOT NULL DEFAULT '',
    -- clear: no blocker; pending: waiting for the grace period; sending: claimed by a delivery;
    -- nudged: DM sent; proposed: a next step exists; dismissed: "not a blocker"; deleted: post removed;
    -- suppressed: not nudged (daily limit, paused, bot, deactivated); failed: the DM could not be sent.
    state           TEXT    NOT NULL CHECK (state IN ('clear', 'pending', 'sending', 'nudged', 'proposed',
                                                      'dismissed', 'deleted', 'suppressed', 'failed')),
    state_reason    TEXT,
    due_at          INTEGER,
    nudged_at       INTEGER,
    nudge_date      TEXT,    -- the author's local date of the nudge, for the daily limit
    dm_channel      TEXT,
    dm_ts           TEXT,
    proposed_at     INTEGER,
    proposal_via    TEXT CHECK (proposal_via IN ('at_once', 'edit', 'thread', 'nudge')),
    proposal_text   TEXT,
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (channel_id, ts)
);
CREATE INDEX standup_posts_due ON standup_posts (state, due_at);
CREATE INDEX standup_posts_user ON standup_posts (user_id, posted_at);
CREATE INDEX standup_posts_channel_time ON standup_posts (channel_id, posted_at);
CREATE INDEX standup_posts_nudge_date ON standup_posts (user_id, nudge_date);

-- Pauses are periods, so that weekly streaks can tell a paused week from a missed one.
CREATE TABLE pauses (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    TEXT    NOT NULL,
    start_date TEXT    NOT NULL, -- first paused day (YYYY-MM-DD, the person's own date)
    until_date TEXT,             -- first day back, or NULL until `resume`
    created_at INTEGER NOT NULL
);
CREATE INDEX pauses_user ON pauses (user_id, start_date);
