/**
 * The database: a pg pool with Kysely over it. With DATABASE_URL, a real PostgreSQL; without,
 * an embedded one (PGlite, real PostgreSQL in WebAssembly) behind pglite-socket on 127.0.0.1,
 * so the same pg code path serves both. Migrations are plain SQL files applied in order.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, PostgresDialect, type Generated } from 'kysely';
import pg from 'pg';

export interface Tables {
  workspaces: { id: string; name: string; data: unknown; version: Generated<string>; directory_version: Generated<string>; created_at: Generated<Date> };
  people: { id: string; workspace_id: string; name: string; roles: string[]; bodies: string[]; created_at: Generated<Date>; disabled_at: Date | null };
  invitations: { code_hash: string; person_id: string; created_at: Generated<Date>; expires_at: Date; used_at: Date | null; device_id: string | null };
  devices: { id: string; person_id: string; token_hash: string; name: string; created_at: Generated<Date>; revoked_at: Date | null };
  client_groups: { id: string; device_id: string; person_id: string; workspace_id: string; created_at: Generated<Date> };
  clients: { client_group_id: string; id: string; last_mutation_id: string };
  messages: { workspace_id: string; id: string; key: string; data: unknown; bodies: string[]; executors: string[]; version: string };
  events: { seq: Generated<string>; workspace_id: string; message_id: string; data: unknown; version: string };
  mutations: {
    seq: Generated<string>;
    workspace_id: string;
    client_group_id: string;
    client_id: string;
    mutation_id: string;
    name: string;
    args: unknown;
    person_id: string;
    at: string;
    status: 'accepted' | 'rejected';
    code: string | null;
    error: unknown;
    context: unknown;
    message_id: string | null;
    version: string;
  };
  client_rows: { client_group_id: string; message_id: string };
  schema_migrations: { version: number; name: string; applied_at: Generated<Date> };
}

export type DB = Kysely<Tables>;

export interface Database {
  db: DB;
  pool: pg.Pool;
  mode: 'embedded' | 'postgres';
  /** Closes the pool, then the embedded database (if any). */
  close(): Promise<void>;
}

/** bigint (int8) columns arrive as strings; JSON stays JSON. */
pg.types.setTypeParser(20, (v) => v);

export const POOL_MAX = 8;
const here = dirname(fileURLToPath(import.meta.url));
export const MIGRATIONS_DIR = join(here, 'migrations');

export interface DatabaseOptions {
  databaseUrl?: string;
  dataDir?: string;
  poolMax?: number;
  log?: (msg: string) => void;
}

/** Opens the database named by the options: DATABASE_URL, or the embedded one in dataDir. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const poolMax = options.poolMax ?? POOL_MAX;
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: poolMax });
    // An idle connection that drops (the database restarted) is replaced on the next query.
    pool.on('error', (e) => options.log?.(`database connection lost: ${e.message}`));
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    return { db, pool, mode: 'postgres', close: () => db.destroy() };
  }
  const dataDir = resolve(options.dataDir ?? './server-data');
  mkdirSync(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    const pglite = await PGlite.create(join(dataDir, 'pgdata'));
    // PGlite is one session; the socket server multiplexes the pool's connections over it
    // (its default of one connection would break the pool's second).
    const socket = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: poolMax * 2 });
    await socket.start();
    const [host, port] = socket.getServerConn().split(':');
    options.log?.(`embedded PostgreSQL (PGlite) in ${dataDir}`);
    const pool = new pg.Pool({ host, port: Number(port), user: 'postgres', database: 'postgres', max: poolMax });
    let closing = false;
    pool.on('error', (e) => closing || options.log?.(`database connection lost: ${e.message}`));
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      pool,
      mode: 'embedded',
      async close() {
        closing = true;
        await db.destroy();
        await socket.stop();
        await pglite.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/**
 * The embedded database is one process's: a second one (a CLI command while the server runs)
 * would corrupt it, so it is refused with the holder's pid.
 */
function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'server.pid');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8'));
    let alive = false;
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid) {
      try {
        process.kill(pid, 0);
        alive = true;
      } catch {
        alive = false;
      }
    }
    if (alive) throw new Error(`the embedded database in ${dataDir} is in use by process ${pid}: stop it first, or use DATABASE_URL`);
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

/** The migration files, in order: NNN_name.sql. */
export function migrationFiles(dir = MIGRATIONS_DIR): Array<{ version: number; name: string; sql: string }> {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.slice(4, -4), sql: readFileSync(join(dir, f), 'utf8') }));
}

/**
 * Applies the migrations not yet applied, each in its own transaction, recorded in
 * schema_migrations; two servers starting at once take turns (an advisory lock).
 */
export async function migrate(pool: pg.Pool, dir = MIGRATIONS_DIR): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(7231001)');
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of migrationFiles(dir)) {
      if (done.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${m.version}_${m.name} failed: ${(e as Error).message}`, { cause: e });
      }
      applied.push(m.version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock(7231001)').catch(() => undefined);
    client.release();
  }
}

/** Whether every migration file is applied (what /healthz reports). */
export async function migrationState(pool: pg.Pool): Promise<{ applied: number; expected: number }> {
  const expected = migrationFiles().length;
  const exists = await pool.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
  if (!exists.rows[0]?.t) return { applied: 0, expected };
  const r = await pool.query<{ n: string }>('SELECT count(*) AS n FROM schema_migrations');
  return { applied: Number(r.rows[0]?.n ?? 0), expected };
}

/** Whether the row-level security fence is in place (the reader role exists and we may use it). */
export async function rowSecurityAvailable(pool: pg.Pool): Promise<boolean> {
  const r = await pool
    .query<{ ok: boolean }>(
      "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'teamserver_reader') AND pg_has_role(current_user, 'teamserver_reader', 'MEMBER') AS ok",
    )
    .catch(() => ({ rows: [{ ok: false }] }));
  return r.rows[0]?.ok === true;
}
