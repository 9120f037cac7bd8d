-- Each member's own timezone (from users.info, refreshed daily), so that a prompt fires at the scheduled local time
-- for every member and the prompt triggers can be rebuilt from the database alone, without a users.info call per
-- member at start-up.
ALTER TABLE team_members ADD COLUMN timezone TEXT NOT NULL DEFAULT 'UTC';
