/**
 * The page observer: one MutationObserver over the page's body that keeps only what concerns
 * items, and hands it on in one batch after a short pause (VK changes counters, dates and players
 * all the time): added nodes that are or hold an item root, whether an item root went away, and
 * our own buttons' hosts that the site removed (it re-rendered a header). Our own insertions are
 * never work. The units to scan are the outermost item roots (units.ts), so a big subtree added
 * at once (a re-rendered feed) is scanned in slices like the page.
 */

export interface PageChanges {
  /** Added nodes that are or hold an item root (connected when handed on; none inside another). */
  added: Element[];
  /** An item root (or something holding one) left the page: forget what is gone. */
  removed: boolean;
  /** Our capture hosts the site took out of the page. */
  hostsRemoved: HTMLElement[];
}

export interface PageObserverOptions {
  /** Matches every item root (the adapter's rootSelector). */
  rootSelector: string;
  /** The attribute on our hosts (they and what they hold are never an item). */
  hostAttr: string;
  delayMs?: number;
  onChanges(changes: PageChanges): void;
}

export interface PageObserver {
  /** Hands on what is waiting now (tests; the timer does it otherwise). */
  flush(): void;
  disconnect(): void;
}

export function observePage(target: Node, options: PageObserverOptions): PageObserver {
  const delay = options.delayMs ?? 100;
  const { rootSelector, hostAttr } = options;
  let added = new Set<Element>();
  let removed = false;
  let hostsRemoved: HTMLElement[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const itemish = (node: Node): node is Element => {
    if (node.nodeType !== 1) return false;
    const el = node as Element;
    if (el.hasAttribute(hostAttr)) return false;
    try {
      return el.matches(rootSelector) || el.querySelector(rootSelector) !== null;
    } catch {
      return false;
    }
  };
  const schedule = () => {
    if (timer === undefined && !stopped) timer = setTimeout(flush, delay);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (itemish(node)) {
          added.add(node);
          schedule();
        }
      }
      for (const node of record.removedNodes) {
        if (node.nodeType !== 1) continue;
        const el = node as HTMLElement;
        if (el.getAttribute(hostAttr) === 'capture') {
          hostsRemoved.push(el);
          schedule();
        } else if (!removed && itemish(el)) {
          removed = true;
          schedule();
        }
      }
    }
  });
  observer.observe(target, { childList: true, subtree: true });

  function flush() {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (stopped) return;
    const roots = [...added].filter((r) => r.isConnected);
    // Each added subtree once: none inside another added one.
    const set = new Set(roots);
    const top = roots.filter((r) => {
      for (let p = r.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
      return true;
    });
    const changes: PageChanges = { added: top, removed, hostsRemoved };
    added = new Set();
    removed = false;
    hostsRemoved = [];
    if (changes.added.length || changes.removed || changes.hostsRemoved.length) options.onChanges(changes);
  }

  return {
    flush,
    disconnect() {
      stopped = true;
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
