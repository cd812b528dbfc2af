/**
 * Starts a real PostgreSQL 15 for the server tests (../shared/docs/team-server.md, «Real
 * PostgreSQL in tests»): initdb into a temporary folder, a free port, 127.0.0.1 only; run as
 * the `postgres` user when the tests run as root (initdb refuses root). Stopped in teardown.
 * Each test file makes its own database (see ./helpers.ts).
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Whether the PostgreSQL 15 server binaries are where PG_BIN says. */
export const postgresAvailable = () => existsSync(join(PG_BIN, 'initdb'));

/**
 * Starts a throwaway cluster (the recipe above) and answers its admin URL and a stop that
 * removes it. Also used by `npm run bench` (test/bench/team-server.ts).
 */
export async function startPostgres(): Promise<{ adminUrl: string; stop: () => void }> {
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'teamserver-pg-'));
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const run = (bin: string, args: string[]) =>
    execFileSync(root ? 'runuser' : join(PG_BIN, bin), root ? ['-u', 'postgres', '--', join(PG_BIN, bin), ...args] : args, { stdio: 'pipe' });
  const port = await freePort();
  run('initdb', ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'app', '--no-sync']);
  run('pg_ctl', [
    '-D',
    join(dir, 'data'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    '-l',
    join(dir, 'log'),
    '-w',
    'start',
  ]);
  return {
    adminUrl: `postgres://app@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export default async function setup(project: TestProject) {
  if (!postgresAvailable())
    throw new Error(
      `PostgreSQL 15 server binaries are missing (${PG_BIN}/initdb): the server tests need a real PostgreSQL. ` +
        'Install them with `apt-get install -y postgresql-15` (.ci/run does), or set PG_BIN to their folder.',
    );
  const { adminUrl, stop } = await startPostgres();
  project.provide('pgAdminUrl', adminUrl);
  return stop;
}
