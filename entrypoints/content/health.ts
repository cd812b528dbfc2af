/**
 * Reports the adapter's health on this page to the background (the popup shows failures, the
 * options list every check), and notices when a captured post's own page no longer shows it.
 * The check runs when the page is idle and reads a sample of the items (every root is still
 * counted), so it stays a few milliseconds on a feed of thousands of items.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { siteRequest as request } from '@/lib/messaging/site-client';
import { pageItemKey, type SiteAdapter } from '@/lib/sites';
import type { CaptureController, CaptureRuntime } from './capture';
import { idleWait } from './capture/slicer';

const SETTLE_MS = 1500;
const MISSING_AFTER_MS = 5000;
/** Item roots of each kind the health check reads (evenly spread over the page). */
export const HEALTH_SAMPLE = 24;

export function startHealth(
  ctx: ContentScriptContext,
  adapter: SiteAdapter,
  capture: CaptureController & Partial<Pick<CaptureRuntime, 'scanned'>>,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let missingTimer: ReturnType<typeof setTimeout> | undefined;
  let secondLook = false;

  const idle = idleWait(2000);
  const report = async () => {
    timer = undefined;
    await idle();
    if (!ctx.isValid) return;
    const health = adapter.health(document, { sample: HEALTH_SAMPLE });
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
    await capture.scanned?.();
    if (!ctx.isValid || capture.items().some((i) => i.key === key)) return;
    // Capture reads only what came near the viewport: look at the whole page once (this is a
    // post's own page, and the post seems to be missing).
    if (adapter.findItems(document).some((i) => i.key === key)) return;
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
