-- Row-level security as a second fence: reads made for a person run as the role
-- teamserver_reader with `app.user_id` set (SET LOCAL), and see only what the person may see —
-- a curator the region, an executor the messages routed to his bodies or named to him. The
-- server filters the same way in its own queries; this catches a query that forgets.
-- Creating a role needs CREATEROLE: where the database user lacks it, the fence is skipped
-- (the server says so in /healthz: "rowSecurity": false).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'teamserver_reader') THEN
    IF (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
      CREATE ROLE teamserver_reader NOLOGIN;
    END IF;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'teamserver_reader') THEN
    EXECUTE format('GRANT teamserver_reader TO %I', current_user);
    GRANT USAGE ON SCHEMA public TO teamserver_reader;
    GRANT SELECT ON messages, events, people TO teamserver_reader;
  END IF;
END
$$;

ALTER TABLE messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE events ENABLE ROW LEVEL SECURITY;

CREATE FUNCTION app_may_see(ws text, msg_bodies text[], msg_executors text[]) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM people p
    WHERE p.id = nullif(current_setting('app.user_id', true), '')
      AND p.workspace_id = ws
      AND p.disabled_at IS NULL
      AND ('curator' = ANY (p.roles) OR p.bodies && msg_bodies OR p.id = ANY (msg_executors))
  )
$$;

-- The owner (the server's own user) is not bound by these (no FORCE): it writes under the
-- region's lock. The reader sees what the person may see, and nothing without app.user_id.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'teamserver_reader') THEN
    CREATE POLICY messages_reader ON messages FOR SELECT TO teamserver_reader
      USING (app_may_see(workspace_id, bodies, executors));
    CREATE POLICY events_reader ON events FOR SELECT TO teamserver_reader
      USING (EXISTS (SELECT 1 FROM messages m WHERE m.workspace_id = events.workspace_id AND m.id = events.message_id));
  END IF;
END
$$;
