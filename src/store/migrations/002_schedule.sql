-- Subscriptions (channels that follow the story) and the delivery ledger, unique per (subscription, window key).
CREATE TABLE IF NOT EXISTS subscriptions (
  id text PRIMARY KEY,
  platform text NOT NULL CHECK (platform IN ('discord', 'slack', 'console')),
  workspace text NOT NULL,
  channel text NOT NULL,
  local_time text NOT NULL,
  timezone text NOT NULL,
  topics text[] NOT NULL DEFAULT '{}',
  alerts boolean NOT NULL DEFAULT false,
  created_by text,
  created_at timestamptz NOT NULL,
  paused boolean NOT NULL DEFAULT false,
  paused_reason text,
  last_delivered_at timestamptz,
  -- End of the coverage window of the last delivered digest: the next digest starts here.
  last_window_end timestamptz,
  UNIQUE (platform, workspace, channel)
);

CREATE TABLE IF NOT EXISTS deliveries (
  id text PRIMARY KEY,
  subscription_id text NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
  window_key text NOT NULL,
  kind text NOT NULL DEFAULT 'digest',
  state text NOT NULL CHECK (state IN ('claimed', 'sending', 'sent', 'skipped', 'missed', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  parts_sent integer NOT NULL DEFAULT 0,
  platform_message_id text,
  late boolean NOT NULL DEFAULT false,
  due_at timestamptz,
  window_from timestamptz,
  window_to timestamptz,
  payload jsonb,
  claimed_by text,
  lease_until timestamptz,
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (subscription_id, window_key)
);
CREATE INDEX IF NOT EXISTS deliveries_open_idx ON deliveries (lease_until) WHERE state IN ('claimed', 'sending');
CREATE INDEX IF NOT EXISTS deliveries_sub_kind_idx ON deliveries (subscription_id, kind, updated_at);
