-- A standup bot's report is recorded before its event is acknowledged, like any post, but the person it reports for
-- is found after the ack (that takes Slack lookups). Until then its verdict waits here, by ids, times and the verdict
-- only (never the text), and no query about people sees it. Attributed, it moves to standup_posts under the person's
-- id in one transaction; a report naming no single member of the channel is deleted. Rows a crash left behind hold
-- no person and are deleted at the next start.
CREATE TABLE report_arrivals (
    channel_id   TEXT    NOT NULL,
    ts           TEXT    NOT NULL,
    posted_at    INTEGER NOT NULL,
    label        TEXT    NOT NULL CHECK (label IN ('none', 'blocker_with_proposal', 'blocker_without_proposal')),
    category     TEXT,
    reasons      TEXT    NOT NULL DEFAULT '',
    state        TEXT    NOT NULL CHECK (state IN ('clear', 'pending', 'proposed')),
    due_at       INTEGER,
    proposal_via TEXT CHECK (proposal_via IN ('at_once')),
    arrived_at   INTEGER NOT NULL,
    PRIMARY KEY (channel_id, ts)
);
