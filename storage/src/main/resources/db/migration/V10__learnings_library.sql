-- The learnings library: a full-text index over the learnings people chose to share (SQLite FTS5, ranked with bm25,
-- Porter stemming so that "retries" finds "retry"). It is an external-content index: it keeps the tokens, never a
-- second copy of the text, and reads the text from `learnings`. The team's channel id is indexed as a column of its
-- own so that a search within a team intersects two posting lists instead of ranking every team's matches.
--
-- Triggers keep the index in step with every insert, change of text and delete, whoever makes it: forget-me and
-- retention delete from `learnings`, and the index forgets with them. `secure-delete` makes a delete remove the
-- tokens from the index itself at once, not only mark them deleted until a later merge.
CREATE VIRTUAL TABLE learnings_fts USING fts5(
    text,
    channel_id,
    content = 'learnings',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO learnings_fts (learnings_fts, rank) VALUES ('secure-delete', 1);

CREATE TRIGGER learnings_fts_insert AFTER INSERT ON learnings BEGIN
    INSERT INTO learnings_fts (rowid, text, channel_id) VALUES (new.id, new.text, new.channel_id);
END;

CREATE TRIGGER learnings_fts_delete AFTER DELETE ON learnings BEGIN
    INSERT INTO learnings_fts (learnings_fts, rowid, text, channel_id)
    VALUES ('delete', old.id, old.text, old.channel_id);
END;

CREATE TRIGGER learnings_fts_update AFTER UPDATE OF text, channel_id ON learnings BEGIN
    INSERT INTO learnings_fts (learnings_fts, rowid, text, channel_id)
    VALUES ('delete', old.id, old.text, old.channel_id);
    INSERT INTO learnings_fts (rowid, text, channel_id) VALUES (new.id, new.text, new.channel_id);
END;

-- The learnings shared before this version.
INSERT INTO learnings_fts (learnings_fts) VALUES ('rebuild');
