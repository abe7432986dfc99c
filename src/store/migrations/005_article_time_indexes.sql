-- One article's entries in time order (first / last entry of an article, editors' list checks): the index
-- matches both sort orders, so the planner never walks the global time index filtering on article_id.
CREATE INDEX IF NOT EXISTS events_article_time_asc_idx ON events (article_id, time ASC NULLS LAST, position DESC);
CREATE INDEX IF NOT EXISTS events_article_time_desc_idx ON events (article_id, time DESC NULLS LAST, position);
