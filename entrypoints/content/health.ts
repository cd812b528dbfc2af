/**
 * Reports the adapter's health on this page to the background (the popup shows failures, the
 * options list every check), and notices when a captured post's own page no longer shows it.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { siteRequest as request } from '@/lib/messaging/site-client';
import { pageItemKey, type SiteAdapter } from '@/lib/sites';
import type { CaptureController } from './capture';

const SETTLE_MS = 1500;
const MISSING_AFTER_MS = 5000;

export function startHealth(ctx: ContentScriptContext, adapter: SiteAdapter, capture: CaptureController): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let missingTimer: ReturnType<typeof setTimeout> | undefined;
  let secondLook = false;

  const report = async () => {
    timer = undefined;
    if (!ctx.isValid) return;
    const health = adapter.health(document);
    try {
      await request('page.health', { site: adapter.site, path: location.pathname.slice(0, 500), ok: health.ok, checks: health.checks });
    } catch {
      // the background may be restarting: the next page change reports again
    }
  };

  /** On a post's own page: if it is captured but the page no longer shows it, say so. */
  const checkMissing = async () => {
    missingTimer = undefined;
    const key = pageItemKey(location.href);
    if (!key || !ctx.isValid) return;
    if (capture.items().some((i) => i.key === key)) return;
    capture.rescan();
    if (capture.items().some((i) => i.key === key)) return;
    try {
      const { found } = await request('capture.lookup', { keys: [key] });
      if (!found.length) return;
      await request('page.observed', { seen: [], missing: [key] });
      // The background records a deletion on the second miss: look once more a little later.
      if (!secondLook && ctx.isValid) {
        secondLook = true;
        missingTimer = setTimeout(() => void checkMissing(), MISSING_AFTER_MS);
      }
    } catch {
      // reported on the next visit
    }
  };

  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void report(), SETTLE_MS);
    if (missingTimer !== undefined) clearTimeout(missingTimer);
    missingTimer = setTimeout(() => void checkMissing(), MISSING_AFTER_MS);
  };
  ctx.onInvalidated(() => {
    if (timer !== undefined) clearTimeout(timer);
    if (missingTimer !== undefined) clearTimeout(missingTimer);
  });
  schedule();
  return schedule;
}
