-- Weekly digests delivered to leads: one row per team, recipient and week makes delivery exactly-once across
-- restarts and replicas. `week_start` is the Monday (YYYY-MM-DD) of the team week the digest covers.
CREATE TABLE digest_deliveries (
    channel_id   TEXT    NOT NULL,
    recipient_id TEXT    NOT NULL,
    week_start   TEXT    NOT NULL,
    state        TEXT    NOT NULL CHECK (state IN ('sending', 'sent', 'failed')),
    reason       TEXT,
    created_at   INTEGER NOT NULL,
    sent_at      INTEGER,
    dm_channel   TEXT,
    dm_ts        TEXT,
    PRIMARY KEY (channel_id, recipient_id, week_start)
);
CREATE INDEX digest_deliveries_created ON digest_deliveries (created_at);
