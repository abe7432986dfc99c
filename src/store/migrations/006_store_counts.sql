-- Article and event counts kept by statement-level triggers in the writing transaction, so `stats()` reads a
-- few rows instead of counting millions. Counts are spread over slots (by backend) so concurrent ingests on
-- Postgres never queue on one hot row; a reader sums the slots.
CREATE TABLE IF NOT EXISTS store_counts (
  name text NOT NULL,
  slot integer NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (name, slot)
);

CREATE OR REPLACE FUNCTION store_counts_add(counter text, delta bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF delta <> 0 THEN
    INSERT INTO store_counts (name, slot, n) VALUES (counter, pg_backend_pid() % 16, delta)
    ON CONFLICT (name, slot) DO UPDATE SET n = store_counts.n + EXCLUDED.n;
  END IF;
END $$;

CREATE OR REPLACE FUNCTION store_counts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM store_counts_add(TG_ARGV[0], (SELECT count(*) FROM new_rows));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION store_counts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM store_counts_add(TG_ARGV[0], -(SELECT count(*) FROM old_rows));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION store_counts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM store_counts WHERE name = TG_ARGV[0];
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS events_counted_insert ON events;
CREATE TRIGGER events_counted_insert AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION store_counts_inserted('events');
DROP TRIGGER IF EXISTS events_counted_delete ON events;
CREATE TRIGGER events_counted_delete AFTER DELETE ON events REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION store_counts_deleted('events');
DROP TRIGGER IF EXISTS events_counted_truncate ON events;
CREATE TRIGGER events_counted_truncate AFTER TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION store_counts_truncated('events');
DROP TRIGGER IF EXISTS articles_counted_insert ON articles;
CREATE TRIGGER articles_counted_insert AFTER INSERT ON articles REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION store_counts_inserted('articles');
DROP TRIGGER IF EXISTS articles_counted_delete ON articles;
CREATE TRIGGER articles_counted_delete AFTER DELETE ON articles REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION store_counts_deleted('articles');
DROP TRIGGER IF EXISTS articles_counted_truncate ON articles;
CREATE TRIGGER articles_counted_truncate AFTER TRUNCATE ON articles
  FOR EACH STATEMENT EXECUTE FUNCTION store_counts_truncated('articles');

-- Counted after the triggers exist: creating them locks both tables against writes until this migration commits.
DELETE FROM store_counts;
INSERT INTO store_counts (name, slot, n) SELECT 'events', 0, count(*) FROM events;
INSERT INTO store_counts (name, slot, n) SELECT 'articles', 0, count(*) FROM articles;
