/**
 * Rules every place that applies a command shares — the extension's database (lib/db) and the
 * team server with the client's rebase (lib/sync) — so the two never drift. Pure.
 */
import { coverFor, hasAccountIn, type Workspace } from './workspace';

const MAX_DETECTION_AGE_MS = 12 * 60 * 60_000;
const MAX_CLOCK_SKEW_MS = 2 * 60_000;

/**
 * The detection moment: when the curator pressed «Взять в работу» on the page, if the page's
 * clock is plausible; otherwise the accepting clock's own time.
 */
export function detectionTime(claimed: number | undefined, now: number): number {
  if (claimed === undefined) return now;
  if (claimed > now + MAX_CLOCK_SKEW_MS || claimed < now - MAX_DETECTION_AGE_MS) return now;
  return Math.min(claimed, now);
}

/**
 * A route command with each named executor replaced by their cover while absent, and whether
 * they have an account in the post's network as the directory records it. Anything else (or a
 * malformed command, which the workflow then refuses) is returned as it is.
 */
export function withCover<T>(ws: Workspace, command: T, site: 'vk' | 'ok'): T {
  const c = command as { type?: unknown; assignments?: unknown };
  if (c?.type !== 'route' || !Array.isArray(c.assignments)) return command;
  return {
    ...c,
    assignments: c.assignments.map((a: unknown) => {
      const x = a as { body?: unknown; executor?: unknown; hasAccount?: unknown };
      if (typeof x?.body !== 'string') return a;
      const executor = typeof x.executor === 'string' ? coverFor(ws, x.body, x.executor).executor : undefined;
      const account = x.hasAccount === undefined ? hasAccountIn(ws, x.body, executor, site) : undefined;
      return { ...x, ...(executor ? { executor } : {}), ...(account !== undefined ? { hasAccount: account } : {}) };
    }),
  } as T;
}

/**
 * Steps an incident's lead shares with its open members: one answer is prepared and approved
 * once. «Not processable» is decided per post (Yakutia п. 18 and equivalents), never for a group;
 * each post is published on its own (its reply has its own link).
 */
export const INCIDENT_SHARED: ReadonlySet<string> = new Set(['route', 'submitDraft', 'approve', 'requestRework']);
