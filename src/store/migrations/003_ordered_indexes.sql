-- Indexes in the exact order the window queries sort by (newest / oldest first, ties by article and position),
-- so "latest N events", "events of a day" and "latest quotes / lists" read a few index entries instead of
-- sorting every row: command work stays flat as the store grows to millions of events.
CREATE INDEX IF NOT EXISTS events_time_desc_idx ON events (time DESC NULLS LAST, article_id, position);
CREATE INDEX IF NOT EXISTS events_time_asc_idx ON events (time ASC NULLS LAST, article_id, position DESC);
DROP INDEX IF EXISTS events_time_idx;
CREATE INDEX IF NOT EXISTS quotes_speaker_id_time_desc_idx ON quotes (speaker_id, time DESC NULLS LAST);
DROP INDEX IF EXISTS quotes_speaker_id_idx;
CREATE INDEX IF NOT EXISTS quotes_time_desc_idx ON quotes (time DESC NULLS LAST);
DROP INDEX IF EXISTS quotes_time_idx;
CREATE INDEX IF NOT EXISTS lists_time_desc_idx ON lists (time DESC NULLS LAST);
DROP INDEX IF EXISTS lists_time_idx;
