-- The fan-outs of `/ownership prompt` that have not finished: a row is written before the first DM and deleted after
-- the last, so that a fan-out cut short by a crash or a stop is finished after the restart (the claims in
-- prompt_deliveries keep anyone from getting it twice). Its recipients are the team's members who had joined by
-- `requested_at`.
CREATE TABLE prompt_fanouts (
    channel_id   TEXT    NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('learning', 'risk', 'impact')),
    occurrence   TEXT    NOT NULL, -- 'now-<epoch millis>', as in prompt_deliveries
    requested_at INTEGER NOT NULL, -- epoch milliseconds
    PRIMARY KEY (channel_id, kind, occurrence)
);
