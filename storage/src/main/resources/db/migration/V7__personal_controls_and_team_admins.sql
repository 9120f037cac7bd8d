-- What a first week needs: each person's own controls, the leaderboard as an opt-in, Ownership admins kept in the
-- database, and which newcomers were already introduced to a watched channel.

-- Each person's controls, each on its own (a pause stays in `pauses`). No row means the defaults: nudges and
-- prompts on. A preference, not a record: retention keeps it, forget-me erases it.
CREATE TABLE personal_controls (
    user_id     TEXT    NOT NULL PRIMARY KEY,
    nudges_off  INTEGER NOT NULL DEFAULT 0 CHECK (nudges_off IN (0, 1)),
    prompts_off INTEGER NOT NULL DEFAULT 0 CHECK (prompts_off IN (0, 1)),
    updated_at  INTEGER NOT NULL
);

-- The leaderboard ranks only the people who opted in. Opt-outs recorded under the old rule (listed unless opted
-- out) mean "not listed", which is now everybody's default, so they carry nothing over.
CREATE TABLE leaderboard_optins (
    user_id    TEXT    NOT NULL PRIMARY KEY,
    created_at INTEGER NOT NULL
);
DROP TABLE leaderboard_optouts;

-- Admins added with `/ownership admins add @person` (by a workspace admin): they may configure every team, like
-- workspace admins and OWNERSHIP_ADMINS. A role, not a record: retention keeps it, forget-me erases it.
CREATE TABLE ownership_admins (
    user_id  TEXT    NOT NULL PRIMARY KEY,
    added_by TEXT    NOT NULL,
    added_at INTEGER NOT NULL
);

-- Who got the channel's introduction as a DM when they joined it: once per person and channel.
CREATE TABLE introductions (
    channel_id TEXT    NOT NULL,
    user_id    TEXT    NOT NULL,
    sent_at    INTEGER NOT NULL,
    PRIMARY KEY (channel_id, user_id)
);
