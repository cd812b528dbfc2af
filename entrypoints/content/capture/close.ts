/**
 * The close watcher: says when an element whose buttons wait for the painter's next batch comes
 * within `margin` of the viewport (a scroll faster than the batches, a jump), so its buttons go
 * in at once instead. It observes only the elements it is given, until they come close or are
 * let go (their batch was written): a handful at any time.
 */
import type { IntersectionLike, ObserverFactory } from './near';

export interface CloseOptions {
  /** How close to the viewport counts, px. */
  margin: number;
  onClose(el: Element): void;
  observer?: ObserverFactory;
}

export interface CloseWatcher {
  /** Watch el until it comes close (then onClose, once) or is let go. */
  watch(el: Element): void;
  /** Stop watching el (its buttons went in). */
  done(el: Element): void;
  /** How many elements are watched. */
  size(): number;
  disconnect(): void;
}

export function watchClose(options: CloseOptions): CloseWatcher {
  const make: ObserverFactory = options.observer ?? ((cb, init) => new IntersectionObserver(cb, init));
  const watched = new Set<Element>();
  const io: IntersectionLike = make(
    (records) => {
      for (const record of records) {
        if (!record.isIntersecting || !watched.has(record.target)) continue;
        done(record.target);
        options.onClose(record.target);
      }
    },
    { rootMargin: `${options.margin}px 0px` },
  );
  const done = (el: Element) => {
    if (watched.delete(el)) io.unobserve(el);
  };
  return {
    watch(el) {
      if (watched.has(el)) return;
      watched.add(el);
      io.observe(el);
    },
    done,
    size: () => watched.size,
    disconnect() {
      watched.clear();
      io.disconnect();
    },
  };
}
