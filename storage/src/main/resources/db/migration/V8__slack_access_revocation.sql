-- Slack's word that the bot may no longer use its token: the app was uninstalled (app_uninstalled) or the bot's own
-- token was revoked (tokens_revoked naming the bot user). At most one row. While it is there no scheduled work runs
-- (prompts, digests, nudges, fan-outs) and no Web API call is made; it survives restarts. Start-up deletes it when
-- auth.test accepts a bot token other than the revoked one (a reinstall hands out a new token). The token itself is
-- never stored: only a SHA-256 digest of it, to tell the revoked token from a new one.
CREATE TABLE slack_access_revocation (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    reason       TEXT    NOT NULL CHECK (reason IN ('app_uninstalled', 'tokens_revoked')),
    revoked_at   INTEGER NOT NULL, -- epoch milliseconds
    token_digest TEXT    NOT NULL  -- hex SHA-256 of the bot token then in use
);
