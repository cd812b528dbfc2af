/**
 * The team server's command line: `npm run server -- <command> [options]` (run by tsx).
 * Environment: DATABASE_URL (a real PostgreSQL 15+; without it an embedded one in DATA_DIR),
 * PORT (8787), HOST (127.0.0.1), DATA_DIR (./server-data), LOG_LEVEL (info).
 */
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { openDatabase, migrate, type Database } from './db';
import { buildApp } from './app';
import { createPerson, createWorkspace, exportWorkspace, invite, listDevices, putBody } from './admin';
import { revoke } from './auth';

const HELP = `Team server (gov-replies): one workspace per region, shared by its curator and executors.

Usage: npm run server -- [command] [options]

Commands:
  start                       run the server (the default): migrates, then listens on HOST:PORT
  migrate                     apply the database migrations and exit
  create-workspace --id ID --name NAME --region yakutia|khabarovsk|saratov|ivanovo
  create-body --workspace ID --id BODY --name NAME
  create-person --workspace ID --id PERSON --name NAME --role curator|executor [--role …] [--body BODY …]
  invite --person PERSON [--days 7]        print a one-time invitation code for the person
  devices --workspace ID                   list the devices (tokens) of a workspace
  revoke --device DEVICE | --person PERSON  revoke a device's token, or all of a person's
  export --workspace ID [--out FILE]       the workspace as JSON: directory, people, messages, events, command log
  help                                     this text

Environment:
  DATABASE_URL   postgres://user:pass@host:5432/db — a real PostgreSQL 15+. Without it the server
                 runs on an embedded PostgreSQL (PGlite) whose data is kept in DATA_DIR.
  DATA_DIR       the embedded database's folder (default ./server-data)
  PORT           the HTTP port (default 8787); HOST the address (default 127.0.0.1)
  LOG_LEVEL      pino level for the JSON logs (default info)
  BODY_LIMIT     bytes a request may carry (default 2097152)
  RATE_PER_SEC, RATE_BURST  requests per device token (default 20/s, burst 100)
  TRUST_PROXY    1 behind a reverse proxy (TLS ends there): client addresses from X-Forwarded-For
`;

const log = (msg: string) => process.stderr.write(`${JSON.stringify({ level: 30, time: Date.now(), msg })}\n`);

async function withDatabase<T>(fn: (d: Database) => Promise<T>): Promise<T> {
  const d = await openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR || './server-data', log });
  try {
    await migrate(d.pool);
    return await fn(d);
  } finally {
    await d.close();
  }
}

export async function start(env: NodeJS.ProcessEnv = process.env) {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.DATA_DIR || './server-data', log });
  const applied = await migrate(database.pool);
  const app = await buildApp({
    database,
    logger: { level: env.LOG_LEVEL || 'info' },
    bodyLimit: Number(env.BODY_LIMIT) || undefined,
    rate: { perSecond: Number(env.RATE_PER_SEC) || 20, burst: Number(env.RATE_BURST) || 100 },
    trustProxy: env.TRUST_PROXY === '1',
  });
  if (applied.length) app.log.info({ applied }, 'migrations applied');
  const port = env.PORT !== undefined && env.PORT !== '' ? Number(env.PORT) : 8787;
  const address = await app.listen({ port, host: env.HOST || '127.0.0.1' });
  app.log.info({ address, database: database.mode }, 'team server listening');
  let stopping = false;
  const stop = async (signal: string) => {
    // A second signal while stopping changes nothing: the commands under way still finish.
    if (stopping) return void app.log.warn({ signal }, 'already shutting down');
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing requests under way');
    // close() stops accepting and waits for requests under way: a command being pushed
    // commits (and is answered) before the database closes.
    await app.close();
    await database.close();
    app.log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  return { app, database, address };
}

async function main(argv: string[]) {
  const [command = 'start', ...rest] = argv[0]?.startsWith('-') ? ['help', ...argv] : argv;
  if (command === 'help' || argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP);
    return;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      id: { type: 'string' },
      name: { type: 'string' },
      region: { type: 'string' },
      workspace: { type: 'string' },
      role: { type: 'string', multiple: true },
      body: { type: 'string', multiple: true },
      person: { type: 'string' },
      device: { type: 'string' },
      days: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const need = (name: keyof typeof values): string => {
    const v = values[name];
    if (typeof v !== 'string' || !v) throw new Error(`--${name} is required (see --help)`);
    return v;
  };
  const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  switch (command) {
    case 'start':
      await start();
      return;
    case 'migrate':
      return withDatabase(async (d) => print({ applied: await migrate(d.pool) }));
    case 'create-workspace':
      return withDatabase(async (d) => {
        const ws = await createWorkspace(d.db, { id: need('id'), name: need('name'), region: need('region') as 'yakutia' });
        print({ workspace: need('id'), region: ws.region, bodies: ws.bodies.map((b) => b.id) });
      });
    case 'create-body':
      return withDatabase(async (d) => {
        await putBody(d.db, need('workspace'), { id: need('id'), name: need('name') });
        print({ body: need('id') });
      });
    case 'create-person':
      return withDatabase(async (d) => {
        await createPerson(d.db, {
          workspaceId: need('workspace'),
          id: need('id'),
          name: need('name'),
          roles: (values.role ?? []) as ['curator'],
          bodies: values.body ?? [],
        });
        print({ person: need('id') });
      });
    case 'invite':
      return withDatabase(async (d) => print(await invite(d.db, need('person'), values.days ? Number(values.days) : 7)));
    case 'devices':
      return withDatabase(async (d) => print(await listDevices(d.db, need('workspace'))));
    case 'revoke':
      return withDatabase(async (d) => print({ revoked: await revoke(d.db, values.device ? { deviceId: values.device } : { personId: need('person') }) }));
    case 'export':
      return withDatabase(async (d) => {
        const data = JSON.stringify(await exportWorkspace(d.db, need('workspace')), null, 1);
        if (values.out) writeFileSync(values.out, data);
        else process.stdout.write(`${data}\n`);
      });
    default:
      throw new Error(`unknown command "${command}" (see --help)`);
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (isMain)
  main(process.argv.slice(2)).catch((e: Error) => {
    process.stderr.write(`${JSON.stringify({ level: 50, time: Date.now(), msg: e.message })}\n`);
    process.exit(1);
  });
