-- Articles and events (one row per live-blog entry or plain article), with quotes and lists split out for lookup.
CREATE TABLE IF NOT EXISTS articles (
  id text PRIMARY KEY,
  source text NOT NULL,
  outlet text,
  title text NOT NULL,
  url text,
  published_at timestamptz,
  kind text NOT NULL CHECK (kind IN ('live', 'article')),
  lede jsonb NOT NULL DEFAULT '[]'::jsonb,
  editor_key_points jsonb NOT NULL DEFAULT '[]'::jsonb,
  timezone text NOT NULL,
  story_id text,
  content_hash text NOT NULL,
  ingested_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS articles_source_idx ON articles (source);

CREATE TABLE IF NOT EXISTS events (
  id text PRIMARY KEY,
  article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  source text NOT NULL,
  headline text NOT NULL,
  time timestamptz,
  time_estimated boolean NOT NULL DEFAULT false,
  author text,
  paragraphs jsonb NOT NULL DEFAULT '[]'::jsonb,
  body text NOT NULL DEFAULT '',
  lists jsonb NOT NULL DEFAULT '[]'::jsonb,
  quotes jsonb NOT NULL DEFAULT '[]'::jsonb,
  entities jsonb NOT NULL DEFAULT '[]'::jsonb,
  topics text[] NOT NULL DEFAULT '{}',
  duplicate_of text,
  hints jsonb NOT NULL DEFAULT '[]'::jsonb,
  images jsonb NOT NULL DEFAULT '[]'::jsonb,
  position integer NOT NULL,
  content_hash text NOT NULL,
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, headline), 'A') ||
    setweight(to_tsvector('english'::regconfig, body), 'B')
  ) STORED,
  ingested_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS events_time_idx ON events (time);
CREATE INDEX IF NOT EXISTS events_article_position_idx ON events (article_id, position);
CREATE INDEX IF NOT EXISTS events_topics_idx ON events USING gin (topics);
CREATE INDEX IF NOT EXISTS events_search_idx ON events USING gin (search);

CREATE TABLE IF NOT EXISTS quotes (
  event_id text NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  ord integer NOT NULL,
  speaker text NOT NULL,
  speaker_id text,
  text text NOT NULL,
  time timestamptz,
  PRIMARY KEY (event_id, ord)
);
CREATE INDEX IF NOT EXISTS quotes_speaker_id_idx ON quotes (speaker_id, time);
CREATE INDEX IF NOT EXISTS quotes_speaker_lower_idx ON quotes (lower(speaker) text_pattern_ops);
CREATE INDEX IF NOT EXISTS quotes_time_idx ON quotes (time);

CREATE TABLE IF NOT EXISTS lists (
  event_id text NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  ord integer NOT NULL,
  title text NOT NULL,
  items jsonb NOT NULL DEFAULT '[]'::jsonb,
  items_text text NOT NULL DEFAULT '',
  declared_count integer,
  time timestamptz,
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, title), 'A') ||
    setweight(to_tsvector('english'::regconfig, items_text), 'B')
  ) STORED,
  PRIMARY KEY (event_id, ord)
);
CREATE INDEX IF NOT EXISTS lists_search_idx ON lists USING gin (search);
CREATE INDEX IF NOT EXISTS lists_title_lower_idx ON lists (lower(title) text_pattern_ops);
CREATE INDEX IF NOT EXISTS lists_time_idx ON lists (time);
