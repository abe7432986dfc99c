-- The newest articles first (`sources`, `articles({ limit })`) read from an index, not a sort of every article.
CREATE INDEX IF NOT EXISTS articles_published_desc_idx ON articles (published_at DESC NULLS LAST, id);
