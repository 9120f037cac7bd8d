-- An escalation reaches each lead in their own working hours, so leads in other timezones are told at different
-- times: one row per lead told (or being told) of a long-running blocker, claimed before the DM is sent so that no
-- lead is told twice. Ids and times only. Goes with its blocker (ON DELETE CASCADE); forget-me of a lead removes
-- their rows by lead_id; retention prunes by told_at.
CREATE TABLE escalation_leads (
    channel_id TEXT    NOT NULL,
    ts         TEXT    NOT NULL,
    lead_id    TEXT    NOT NULL,
    -- sending: claimed; sent: the DM went out; failed: Slack refused it, or a crash left it claimed.
    state      TEXT    NOT NULL CHECK (state IN ('sending', 'sent', 'failed')),
    told_at    INTEGER NOT NULL,
    PRIMARY KEY (channel_id, ts, lead_id),
    FOREIGN KEY (channel_id, ts) REFERENCES long_blockers (channel_id, ts) ON DELETE CASCADE
);
CREATE INDEX escalation_leads_lead ON escalation_leads (lead_id);
