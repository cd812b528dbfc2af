/**
 * The embedded default: `npm run server` without DATABASE_URL runs on PGlite behind
 * pglite-socket. It starts, migrates, answers /healthz, stops cleanly on SIGTERM, and keeps its
 * data across a restart.
 */
import { spawn, execFile } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db';
import { buildApp } from '../../server/app';
import { captureArgs } from './helpers';

const root = join(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const dataDir = mkdtempSync(join(tmpdir(), 'teamserver-embedded-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
/** Commands the server answered as accepted before it stopped. */
let accepted = -1;
let deviceToken = '';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

const env = (extra: Record<string, string> = {}) => {
  const e: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...extra };
  delete e.DATABASE_URL;
  return e;
};

describe('embedded PostgreSQL (PGlite)', () => {
  it('the CLI creates a workspace; the server starts, migrates, answers /healthz and stops on SIGTERM', async () => {
    const cli = await promisify(execFile)(tsx, ['server/main.ts', 'create-workspace', '--id', 'yak', '--name', 'Якутия', '--region', 'yakutia'], {
      cwd: root,
      env: env(),
    });
    expect(JSON.parse(cli.stdout)).toMatchObject({ workspace: 'yak', region: 'yakutia' });
    const run = async (...args: string[]) => JSON.parse((await promisify(execFile)(tsx, ['server/main.ts', ...args], { cwd: root, env: env() })).stdout);
    expect(await run('create-person', '--workspace', 'yak', '--id', 'ivanova', '--name', 'Иванова', '--role', 'curator')).toEqual({ person: 'ivanova' });
    const { code } = (await run('invite', '--person', 'ivanova')) as { code: string };
    const help = await promisify(execFile)(tsx, ['server/main.ts', '--help'], { cwd: root, env: env() });
    expect(help.stdout).toMatch(/create-workspace[\s\S]*invite[\s\S]*revoke[\s\S]*export/);

    const port = await freePort();
    // As `npm run server` runs it: one node process (the tsx CLI would sit in between and relay
    // SIGTERM, which raced the server's own handler now and then).
    const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: root,
      env: env({ PORT: String(port), LOG_LEVEL: 'info' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout.on('data', (d) => (output += d));
    server.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    try {
      let health: { status: number; body: unknown } | undefined;
      for (let i = 0; i < 100 && !health; i++) {
        await new Promise((r) => setTimeout(r, 200));
        try {
          const r = await fetch(`http://127.0.0.1:${port}/healthz`);
          health = { status: r.status, body: await r.json() };
        } catch {
          // not listening yet
        }
      }
      expect(health, output).toEqual({ status: 200, body: { ok: true, database: 'embedded', migrations: { applied: 2, expected: 2 }, rowSecurity: true } });
      // A second process on the same folder is refused while the server holds it.
      const second = await promisify(execFile)(tsx, ['server/main.ts', 'migrate'], { cwd: root, env: env() }).catch((e: { stderr: string }) => e);
      expect('stderr' in second ? second.stderr : '').toMatch(/in use by process/);

      // Graceful shutdown: a push under way when SIGTERM comes is finished and answered; every
      // command it reports accepted is in the database after the restart (next test).
      const redeemed = await fetch(`http://127.0.0.1:${port}/auth/redeem`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, deviceName: 'test' }),
      });
      const { token } = (await redeemed.json()) as { token: string };
      deviceToken = token;
      const mutations = Array.from({ length: 60 }, (_, i) => ({ clientID: 'c1', id: i + 1, name: 'capture', args: captureArgs(`m${i}`) }));
      const pushing = fetch(`http://127.0.0.1:${port}/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ clientGroupID: 'g1', mutations }),
      });
      // SIGTERM once the server has the request (its log says so): one that never arrived is the client's to retry.
      for (let i = 0; i < 2000 && !/"url":"\/sync\/push"/.test(output); i++) await new Promise((r) => setTimeout(r, 10));
      server.kill('SIGTERM');
      const pushed = await pushing;
      expect(pushed.status).toBe(200);
      accepted = ((await pushed.json()) as { results: Array<{ status: string }> }).results.filter((r) => r.status === 'accepted').length;
      expect(accepted).toBe(60);
    } finally {
      if (server.exitCode === null && !server.killed) server.kill('SIGTERM');
    }
    expect(await exited, output).toBe(0);
    expect(existsSync(join(dataDir, 'server.pid'))).toBe(false);
  });

  it('keeps its data across a restart', async () => {
    const database = await openDatabase({ dataDir });
    try {
      const ws = await database.db.selectFrom('workspaces').select(['id', 'name']).execute();
      expect(ws).toEqual([{ id: 'yak', name: 'Якутия' }]);
      const stored = await database.db.selectFrom('mutations').select(['status']).execute();
      expect(stored.filter((m) => m.status === 'accepted')).toHaveLength(accepted);
      expect(await database.db.selectFrom('messages').select('id').execute()).toHaveLength(accepted);
      const app = await buildApp({ database });
      const r = await app.inject({ method: 'GET', url: '/healthz' });
      expect(r.json()).toMatchObject({ ok: true, database: 'embedded' });
      // The device token survived the restart; pokes go in-process here.
      await app.ready();
      const socket = await app.injectWS('/sync/poke');
      const received: string[] = [];
      socket.on('message', (d: Buffer) => received.push((JSON.parse(d.toString()) as { type: string }).type));
      const until = async (type: string) => {
        for (let i = 0; i < 100 && !received.includes(type); i++) await new Promise((res) => setTimeout(res, 20));
        expect(received).toContain(type);
      };
      socket.send(JSON.stringify({ type: 'auth', token: deviceToken }));
      await until('ready');
      const pushed = await app.inject({
        method: 'POST',
        url: '/sync/push',
        headers: { authorization: `Bearer ${deviceToken}` },
        payload: { clientGroupID: 'g1', mutations: [{ clientID: 'c1', id: accepted + 1, name: 'capture', args: captureArgs('after-restart') }] },
      });
      expect(pushed.json()).toMatchObject({ results: [{ status: 'accepted' }], lastMutationIDs: { c1: accepted + 1 } });
      await until('poke');
      socket.terminate();
      await app.close();
    } finally {
      await database.close();
    }
  });
});
