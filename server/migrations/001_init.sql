-- The team server's tables. PostgreSQL is the system of record; every change to a workspace
-- (a region) counts its version up under the region's advisory lock, so version order is
-- commit order and a pull's cookie is one number.

CREATE TABLE workspaces (
  id text PRIMARY KEY,
  name text NOT NULL,
  -- The Workspace of lib/workflow/workspace.ts: region, regulation profile, schedule, directory.
  data jsonb NOT NULL,
  version bigint NOT NULL DEFAULT 0,
  directory_version bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE people (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id),
  name text NOT NULL,
  roles text[] NOT NULL CHECK (cardinality(roles) > 0),
  bodies text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz
);

-- One-time codes an administrator hands out; stored hashed.
CREATE TABLE invitations (
  code_hash text PRIMARY KEY,
  person_id text NOT NULL REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  device_id uuid
);

-- One per device: the token is stored hashed, revocable.
CREATE TABLE devices (
  id uuid PRIMARY KEY,
  person_id text NOT NULL REFERENCES people (id),
  token_hash text NOT NULL UNIQUE,
  name text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- A client group is one extension profile; it belongs to the device that first used it.
CREATE TABLE client_groups (
  id text PRIMARY KEY,
  device_id uuid NOT NULL REFERENCES devices (id),
  person_id text NOT NULL REFERENCES people (id),
  workspace_id text NOT NULL REFERENCES workspaces (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE clients (
  client_group_id text NOT NULL REFERENCES client_groups (id),
  id text NOT NULL,
  last_mutation_id bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (client_group_id, id)
);

CREATE TABLE messages (
  workspace_id text NOT NULL REFERENCES workspaces (id),
  id text NOT NULL,
  key text NOT NULL,
  data jsonb NOT NULL,
  -- Denormalised from data for scope filters and the row-level security policy.
  bodies text[] NOT NULL DEFAULT '{}',
  executors text[] NOT NULL DEFAULT '{}',
  version bigint NOT NULL,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, key)
);
CREATE INDEX messages_version ON messages (workspace_id, version);

CREATE TABLE events (
  seq bigserial PRIMARY KEY,
  workspace_id text NOT NULL,
  message_id text NOT NULL,
  data jsonb NOT NULL,
  version bigint NOT NULL
);
CREATE INDEX events_message ON events (workspace_id, message_id, seq);

-- Every pushed command, accepted or rejected (with its reason): the log replay and export read.
CREATE TABLE mutations (
  seq bigserial PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id),
  client_group_id text NOT NULL,
  client_id text NOT NULL,
  mutation_id bigint NOT NULL,
  name text NOT NULL,
  args jsonb NOT NULL,
  person_id text NOT NULL,
  -- The `now` the command ran at, epoch milliseconds (replay uses it).
  at bigint NOT NULL,
  status text NOT NULL CHECK (status IN ('accepted', 'rejected')),
  code text,
  error jsonb,
  context jsonb,
  message_id text,
  version bigint NOT NULL,
  UNIQUE (client_group_id, client_id, mutation_id)
);
CREATE INDEX mutations_group_version ON mutations (client_group_id, version);

-- What each client group was sent: a message leaving its scope becomes a `del`.
CREATE TABLE client_rows (
  client_group_id text NOT NULL REFERENCES client_groups (id) ON DELETE CASCADE,
  message_id text NOT NULL,
  PRIMARY KEY (client_group_id, message_id)
);
