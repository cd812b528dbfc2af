/**
 * The raw read of my queue for the popup's first paint (lib/db/peek). The classic script
 * /popup-peek.js starts it from the page's head, before the modules load; the popup's module
 * takes that read, or starts one itself when the script did not run.
 */
import { peekQueue, type QueuePeek } from '@/lib/db/peek';
import { queueKeysOf } from '@/lib/workflow/queue-keys';

export interface FirstRead {
  /** The stored workspace record's value, as soon as it is read (before the messages are). */
  workspace: Promise<unknown>;
  queue: Promise<QueuePeek | null>;
}

const HOLDER = Symbol.for('aot.popup.firstRead');

export function startFirstRead(): FirstRead {
  const holder = globalThis as { [HOLDER]?: FirstRead };
  if (!holder[HOLDER]) {
    let gotWorkspace!: (value: unknown) => void;
    const workspace = new Promise<unknown>((resolve) => (gotWorkspace = resolve));
    const queue = peekQueue((ws) => {
      gotWorkspace(ws);
      return queueKeysOf(ws);
    })
      .catch(() => null)
      .finally(() => gotWorkspace(undefined));
    holder[HOLDER] = { workspace, queue };
  }
  return holder[HOLDER];
}
