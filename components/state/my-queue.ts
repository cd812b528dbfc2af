/**
 * The popup's queue, "what is burning for me": first read raw from IndexedDB (no Dexie, no
 * schemas: the popup paints within a frame or two), then kept live by Dexie, which loads
 * after the first paint. Both paths run the same query (lib/db queueFor / peekQueue).
 */
import { useEffect, useState } from 'react';
import type { QueuePeek } from '@/lib/db/peek';
import type { Message } from '@/lib/model/workflow';
import type { Workspace } from '@/lib/workflow/workspace';
import { queueKeysOf } from '@/lib/workflow/queue-keys';
import { REGIONS } from '@/lib/worktime';
import { calendarFor } from './calendar';

export interface MyQueue {
  workspace: Workspace;
  messages: Message[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether a stored workspace has what the popup counts and shows with (its user, region,
 * schedule and bodies). The workspace was validated when it was saved; a record this release
 * cannot read this way (an older shape, a damaged one) is left to the validated Dexie path.
 */
export function countableWorkspace(value: unknown): value is Workspace {
  if (!isObject(value) || !isObject(value.schedule) || !Array.isArray(value.bodies)) return false;
  const { schedule } = value;
  return (
    typeof value.region === 'string' &&
    Object.hasOwn(REGIONS, value.region) &&
    queueKeysOf(value) !== null && // a readable user
    (schedule.overrides === undefined || isObject(schedule.overrides)) &&
    value.bodies.every((b) => isObject(b) && typeof b.id === 'string' && typeof b.name === 'string')
  );
}

/**
 * My queue from the raw read (lib/db/peek), or null when its workspace cannot be counted with
 * here: an unreadable record, or a schedule the calendar refuses (saved by an older release).
 */
export function fromPeek(peek: QueuePeek | null): MyQueue | null {
  if (!peek || !countableWorkspace(peek.workspace)) return null;
  try {
    calendarFor(peek.workspace); // built once and kept: the render uses it
  } catch {
    return null;
  }
  return { workspace: peek.workspace, messages: peek.messages };
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * The next state of the queue, keeping the previous objects where nothing changed: memoised
 * rows then skip their render, and an unchanged queue is the same state (no render at all).
 */
export function keepUnchanged(prev: MyQueue | undefined, next: MyQueue): MyQueue {
  if (!prev) return next;
  const old = new Map(prev.messages.map((m) => [m.id, m]));
  let changed = prev.messages.length !== next.messages.length;
  const messages = next.messages.map((m, i) => {
    const before = old.get(m.id);
    const kept = before && same(before, m) ? before : m;
    if (kept !== prev.messages[i]) changed = true;
    return kept;
  });
  const workspace = same(prev.workspace, next.workspace) ? prev.workspace : next.workspace;
  return !changed && workspace === prev.workspace ? prev : { workspace, messages };
}

/**
 * My queue, starting from `first` (the raw read, when it worked), then live: the Dexie path
 * loads in the background and keeps it current while the page is open.
 */
export function useMyQueue(first?: MyQueue | null): MyQueue | undefined {
  const [queue, setQueue] = useState<MyQueue | undefined>(first ?? undefined);
  useEffect(() => {
    let stop: (() => void) | undefined;
    let unmounted = false;
    const start = () =>
      void import('./live-queue').then(({ watchMyQueue }) => {
        if (!unmounted) stop = watchMyQueue((next) => setQueue((prev) => keepUnchanged(prev, next)));
      });
    // With a first read on screen, the live path waits until the page is idle (it loads Dexie).
    const idle = first && typeof requestIdleCallback === 'function' ? requestIdleCallback(start, { timeout: 1000 }) : (start(), undefined);
    return () => {
      unmounted = true;
      if (idle !== undefined) cancelIdleCallback(idle);
      stop?.();
    };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- `first` is the initial value only
  return queue;
}
