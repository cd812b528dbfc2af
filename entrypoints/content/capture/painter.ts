/**
 * The button painter: puts the capture buttons into the page and keeps their labels in step with
 * the items' state. It writes and never reads layout, and it changes the page's layout rarely:
 * on a long feed any layout change costs the browser a fixed ~6 ms walk in that frame (measured
 * on a 28,600-element VK wall: one inserted span or one changed counter costs as much as thirty
 * buttons at once). So mounts and repaints are queued and done together in one animation frame,
 * at most once per `batchMs` (the near watcher's band is wide enough for the batch to land
 * before the items scroll into view); a mount marked urgent (its item is about to be seen) goes
 * in the next frame. A frame's batch is cut at a few ms; the rest goes in the next frame. While
 * the page is flung (fling.ts: faster than anyone reads) batches, urgent ones too, are held until
 * the scroll slows or stops (at most 3 s), so a fast scroll's frames carry none of them.
 *
 * A button's host takes no room from the page's flow, so putting one in never moves what follows
 * it (moving everything below a post costs a walk over all of it, twice the fixed cost):
 * - a post's host is a block of the button's size whose negative margin cancels its height, laid
 *   over the bottom right of the header it follows (or, when it is the item's first child, over
 *   the top right of what follows it), clear of the site's menu at the right edge;
 * - a comment's host is inline, in the line of the comment's date, with negative margins that
 *   cancel its height, so the line keeps its height.
 */
import type { PageItem } from '@/lib/sites';

export interface Mountable {
  item: PageItem;
  host?: HTMLElement;
  button?: HTMLButtonElement;
}

/** What a button says. */
export interface ButtonView {
  state: 'new' | 'captured';
  text: string;
  title: string;
  urgency?: string;
}

export interface PainterOptions {
  /** Where the host of an item goes. */
  anchor(item: PageItem): { parent: Element; before: Node | null };
  view(key: string): ButtonView;
  /** Whether the entry still stands for its item (not replaced, its node in the page). */
  alive(entry: Mountable): boolean;
  onClick(entry: Mountable, event: MouseEvent): void;
  /** The shadow root of a new host (closed, styled: shadow.ts). */
  attachShadow(host: HTMLElement): ShadowRoot;
  /** The attribute marking our hosts, and its value for capture buttons. */
  hostAttr: string;
  /** Entries that got a new host in this frame (their state is looked up). */
  onMounted?(entries: Mountable[]): void;
  /** Most ms of work per frame (at least one mount per frame). */
  budgetMs?: number;
  /**
   * Most hosts put in per frame after a hold: the page's style and pre-paint work for new hosts
   * comes after our script, in the same frame, so a batch held through a fling goes in over a
   * few frames. Other batches (the page's first one among them) go in whole, within the budget:
   * each frame that puts hosts in costs the page a layout walk of its own.
   */
  maxPerFrame?: number;
  /** Least time between two batches that are not urgent, ms. */
  batchMs?: number;
  /**
   * Asked before a batch is written: 0 to write now, or ms to wait before asking again (the page
   * is being flung: fling.ts). Urgent batches wait too; flush() does not ask.
   */
  hold?: () => number;
  frame?: (callback: () => void) => number;
  cancelFrame?: (id: number) => void;
  now?: () => number;
}

export interface Painter {
  /**
   * Puts the entry's button in place with the next batch, or in the next frame when urgent
   * (nothing when it is there already).
   */
  mount(entry: Mountable, urgent?: boolean): void;
  /** Repaints the entry's button with the next batch, or in the next frame when urgent. */
  repaint(entry: Mountable, urgent?: boolean): void;
  /** Removes the entry's button now. */
  unmount(entry: Mountable): void;
  /** Does the queued work now (one frame's budget; `all`: everything). */
  flush(all?: boolean): void;
  pending(): number;
  /** Removes every button of ours and cancels the queued work. */
  dispose(): void;
}

/** Button heights (px): the hosts are exactly this high (in-page.css sizes the buttons the same). */
export const POST_BUTTON_PX = 26;
export const COMMENT_BUTTON_PX = 20;
/** Room left at the right edge of a post's header for the site's own menu (⋯). */
export const POST_RIGHT_PX = 40;

/**
 * The host's inline style: its place without room taken from the flow. `first`: the host is its
 * parent's first element (laid over what follows), else over the element before it.
 */
export function hostStyle(kind: PageItem['kind'], first: boolean): string {
  if (kind === 'comment') {
    const half = COMMENT_BUTTON_PX / 2;
    return `display:inline-block;position:relative;vertical-align:middle;box-sizing:border-box;height:${COMMENT_BUTTON_PX}px;margin:-${half}px 0 -${half}px 8px;`;
  }
  const h = POST_BUTTON_PX;
  const margin = first ? `0 ${POST_RIGHT_PX}px -${h}px auto` : `-${h}px ${POST_RIGHT_PX}px 0 auto`;
  return `display:block;position:relative;box-sizing:border-box;width:max-content;max-width:100%;height:${h}px;margin:${margin};`;
}

export function createPainter(options: PainterOptions): Painter {
  const budget = options.budgetMs ?? 4;
  const maxPerFrame = options.maxPerFrame ?? 30;
  const batchMs = options.batchMs ?? 500;
  const frame = options.frame ?? ((cb: () => void) => requestAnimationFrame(cb));
  const cancelFrame = options.cancelFrame ?? ((id: number) => cancelAnimationFrame(id));
  const now = options.now ?? (() => performance.now());
  const mounts = new Set<Mountable>();
  const repaints = new Set<Mountable>();
  const hosts = new Set<HTMLElement>();
  let frameId = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** A batch held back by `hold`, asked again when this fires. */
  let holdTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  let urgent = false;
  /** When the last batch was written (or -Infinity: the first batch goes at once). */
  let lastBatch = -Infinity;
  /** A batch cut at the frame budget: its rest goes in the next frame. */
  let carryOver = false;
  /** The queued work was held back (a fling): it goes in at most maxPerFrame hosts a frame. */
  let afterHold = false;

  /** The next frame, at once or when the batch window is over. */
  const request = () => {
    if (frameId || holdTimer !== undefined || disposed || !(mounts.size || repaints.size)) return;
    const wait = urgent || carryOver ? 0 : lastBatch + batchMs - now();
    if (wait <= 0) {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      frameId = frame(() => run(false));
    } else if (timer === undefined) {
      timer = setTimeout(() => {
        timer = undefined;
        request();
      }, wait);
    }
  };

  const paint = (entry: Mountable) => {
    const { button } = entry;
    if (!button) return;
    const view = options.view(entry.item.key);
    button.dataset.state = view.state;
    if (view.urgency) button.dataset.urgency = view.urgency;
    else delete button.dataset.urgency;
    if (button.textContent !== view.text) button.textContent = view.text;
    if (button.title !== view.title) button.title = view.title;
  };

  /** Puts the entry's host in place; true when a new one went in. */
  const place = (entry: Mountable): boolean => {
    if (!options.alive(entry)) return false;
    const { item } = entry;
    if (entry.host?.isConnected && item.element.contains(entry.host)) return false;
    if (entry.host) {
      entry.host.remove();
      hosts.delete(entry.host);
    }
    const host = document.createElement('span');
    host.setAttribute(options.hostAttr, 'capture');
    host.dataset.aotKey = item.key;
    const root = options.attachShadow(host);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'aot-capture';
    button.dataset.kind = item.kind;
    button.addEventListener('click', (event) => options.onClick(entry, event));
    root.append(button);
    entry.host = host;
    entry.button = button;
    paint(entry);
    const { parent, before } = options.anchor(item);
    // Its place is decided from the tree alone (no layout read), before it goes in.
    const previous = before ? (before as ChildNode & { previousElementSibling: Element | null }).previousElementSibling : parent.lastElementChild;
    host.style.cssText = hostStyle(item.kind, !previous);
    parent.insertBefore(host, before);
    hosts.add(host);
    return true;
  };

  /** The next frame, whatever the batch window. */
  const hurry = () => {
    if (urgent) return;
    urgent = true;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  /** forced: flush() (no hold). */
  const run = (all: boolean, forced = false) => {
    frameId = 0;
    if (disposed) return;
    const wait = all || forced ? 0 : (options.hold?.() ?? 0);
    if (wait > 0) {
      afterHold = true;
      holdTimer = setTimeout(() => {
        holdTimer = undefined;
        if (!disposed && !frameId) frameId = frame(() => run(false));
      }, wait);
      return;
    }
    const start = now();
    if (!carryOver) lastBatch = start;
    urgent = false;
    const fresh: Mountable[] = [];
    const spent = () => !all && (now() - start >= budget || (afterHold && fresh.length >= maxPerFrame));
    for (const entry of mounts) {
      mounts.delete(entry);
      repaints.delete(entry);
      try {
        if (place(entry)) fresh.push(entry);
      } catch (error) {
        // The site's markup changed under the anchor: this item goes without, the batch goes on.
        console.warn('[aot] no place for a button:', error);
      }
      if (spent()) break;
    }
    if (!spent()) {
      for (const entry of repaints) {
        repaints.delete(entry);
        paint(entry);
        if (spent()) break;
      }
    }
    carryOver = mounts.size + repaints.size > 0;
    if (!carryOver) afterHold = false;
    request();
    if (fresh.length) options.onMounted?.(fresh);
  };

  return {
    mount(entry, soon = false) {
      if (disposed) return;
      mounts.add(entry);
      if (soon) hurry();
      request();
    },
    repaint(entry, soon = false) {
      if (disposed || !entry.button) return;
      repaints.add(entry);
      if (soon) hurry();
      request();
    },
    unmount(entry) {
      mounts.delete(entry);
      repaints.delete(entry);
      if (entry.host) {
        entry.host.remove();
        hosts.delete(entry.host);
      }
      entry.host = undefined;
      entry.button = undefined;
    },
    flush(all = false) {
      if (frameId) cancelFrame(frameId);
      if (timer !== undefined) clearTimeout(timer);
      if (holdTimer !== undefined) clearTimeout(holdTimer);
      timer = undefined;
      holdTimer = undefined;
      run(all, true);
    },
    pending: () => mounts.size + repaints.size,
    dispose() {
      disposed = true;
      if (frameId) cancelFrame(frameId);
      if (timer !== undefined) clearTimeout(timer);
      if (holdTimer !== undefined) clearTimeout(holdTimer);
      timer = undefined;
      holdTimer = undefined;
      frameId = 0;
      mounts.clear();
      repaints.clear();
      for (const host of hosts) host.remove();
      hosts.clear();
    },
  };
}
