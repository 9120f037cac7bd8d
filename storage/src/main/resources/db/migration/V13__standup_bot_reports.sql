-- Reading the standup bot a team already uses (Geekbot, DailyBot, Standuply, ...): the one bot whose posts in the
-- team's channel are read as reports, each judged like the post of the person it reports for (in standup_posts,
-- under that person's id, as ids, times and the verdict only). A team setting: it names a bot, never a person, and
-- holds no text. Removed with its team; `settings reports off` deletes the row.
CREATE TABLE report_bots (
    channel_id  TEXT    NOT NULL PRIMARY KEY REFERENCES teams (channel_id) ON DELETE CASCADE,
    bot_user_id TEXT    NOT NULL,     -- the bot's user id (U…), as the admin named it
    bot_id      TEXT    NOT NULL,     -- its bot id (B…), as its messages carry it
    bot_name    TEXT    NOT NULL,     -- its name as Slack reports it, to tell its own name from a posted-as name
    set_at      INTEGER NOT NULL      -- epoch milliseconds
);
CREATE INDEX report_bots_bot ON report_bots (bot_id);
