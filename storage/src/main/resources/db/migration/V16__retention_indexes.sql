-- Retention deletes records older than the cutoff in small batches, each its own short transaction, so that an ack
-- waiting for the writer waits one batch at most. Each batch finds its rows by the record's time: these indexes make
-- that a range read instead of a scan of the whole table (millions of rows in a large organisation's two years).
-- Risks age by an expression over their register entry and stay few; they are read without an index.
CREATE INDEX IF NOT EXISTS standup_posts_posted ON standup_posts (posted_at);
CREATE INDEX IF NOT EXISTS learnings_created ON learnings (created_at);
CREATE INDEX IF NOT EXISTS risk_checkins_checked ON risk_checkins (checked_at);
CREATE INDEX IF NOT EXISTS impacts_created ON impacts (created_at);
CREATE INDEX IF NOT EXISTS prompt_deliveries_created ON prompt_deliveries (created_at);
CREATE INDEX IF NOT EXISTS standup_days_created ON standup_days (created_at);
CREATE INDEX IF NOT EXISTS streak_milestones_created ON streak_milestones (created_at);
CREATE INDEX IF NOT EXISTS long_blockers_detected ON long_blockers (detected_at);
CREATE INDEX IF NOT EXISTS blocker_replies_replied ON blocker_replies (replied_at);
CREATE INDEX IF NOT EXISTS blocker_resolutions_resolved ON blocker_resolutions (resolved_at);
CREATE INDEX IF NOT EXISTS unblocks_resolved ON unblocks (resolved_at);
CREATE INDEX IF NOT EXISTS escalation_leads_told ON escalation_leads (told_at);
CREATE INDEX IF NOT EXISTS report_arrivals_arrived ON report_arrivals (arrived_at);
