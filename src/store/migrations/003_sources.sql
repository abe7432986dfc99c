-- Followed sources (live blogs, articles, RSS/Atom feeds) with their polite-polling state, and the feed items seen.
CREATE TABLE IF NOT EXISTS sources (
  id text PRIMARY KEY,
  url text NOT NULL UNIQUE,
  story_id text,
  interval_ms integer NOT NULL CHECK (interval_ms > 0),
  timezone text,
  -- What the last successful fetch was: unknown until fetched, then a feed or a page.
  kind text NOT NULL DEFAULT 'unknown' CHECK (kind IN ('unknown', 'feed', 'page')),
  title text,
  etag text,
  last_modified text,
  created_at timestamptz NOT NULL,
  next_fetch_at timestamptz NOT NULL,
  last_fetched_at timestamptz,
  last_success_at timestamptz,
  failures integer NOT NULL DEFAULT 0,
  first_failure_at timestamptz,
  last_error text,
  paused boolean NOT NULL DEFAULT false,
  paused_reason text,
  events_added integer NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS sources_due_idx ON sources (next_fetch_at) WHERE NOT paused;

-- Items of a feed already ingested (by link), with the item's own update stamp so an edited item is fetched again.
CREATE TABLE IF NOT EXISTS source_items (
  source_id text NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  link text NOT NULL,
  updated text NOT NULL DEFAULT '',
  article_id text,
  seen_at timestamptz NOT NULL,
  PRIMARY KEY (source_id, link)
);
