/**
 * Reports the adapter's health on this page to the background (the popup shows failures, the
 * options list every check), and notices when a captured post's own page no longer shows it.
 * The check runs when the page is idle and reads a sample of the items (every root is still
 * counted), so it stays a few milliseconds on a feed of thousands of items. A page whose check
 * passed a short while ago (the same site and path, HEALTH_REUSE_MS) is not read again: the
 * stored result is reported for this tab, so reloading a feed all day costs no check at all (a
 * navigation inside the site is always read).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { siteRequest as request } from '@/lib/messaging/site-client';
import { pageItemKey, type SiteAdapter } from '@/lib/sites';
import type { CaptureController, CaptureRuntime } from './capture';
import { idleWait } from './capture/slicer';

const SETTLE_MS = 1500;
const MISSING_AFTER_MS = 5000;
/** Item roots of each kind the health check reads (evenly spread over the page). */
export const HEALTH_SAMPLE = 24;
/** A passed check of the same page this recent is reported again instead of reading the page, ms. */
export const HEALTH_REUSE_MS = 10 * 60_000;

const storedHealthSchema = z.object({
  site: z.string(),
  path: z.string(),
  ok: z.boolean(),
  at: z.number(),
  checks: z
    .array(z.object({ name: z.string().check(z.maxLength(50)), ok: z.boolean(), detail: z.optional(z.string().check(z.maxLength(1000))) }))
    .check(z.maxLength(30)),
});
export type HealthChecks = z.infer<typeof storedHealthSchema>['checks'];

/**
 * The checks to report again for this page: the site's last stored report (storage.local
 * `health.last.<site>`, written by the background) when it is of this path, passed, was read
 * from a page (not itself a reused one) and is younger than HEALTH_REUSE_MS; else null.
 */
export function reusableHealth(stored: unknown, site: string, path: string, now: number): HealthChecks | null {
  const parsed = storedHealthSchema.safeParse(stored);
  if (!parsed.success) return null;
  const last = parsed.data;
  const age = now - last.at;
  return last.site === site && last.path === path && last.ok && age >= 0 && age < HEALTH_REUSE_MS ? last.checks : null;
}

async function storedHealth(site: string): Promise<unknown> {
  try {
    const key = `health.last.${site}`;
    return (await browser.storage.local.get(key))[key];
  } catch {
    return undefined;
  }
}

export function startHealth(
  ctx: ContentScriptContext,
  adapter: SiteAdapter,
  capture: CaptureController & Partial<Pick<CaptureRuntime, 'scanned'>>,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let missingTimer: ReturnType<typeof setTimeout> | undefined;
  let secondLook = false;

  const idle = idleWait(2000);
  /** No navigation inside the site since the page loaded, and no report yet: a reuse may do. */
  let first = true;
  const report = async () => {
    timer = undefined;
    await idle();
    if (!ctx.isValid) return;
    const path = location.pathname.slice(0, 500);
    // Only a page load reuses: a navigation inside the site (the page's markup may be new) is read.
    const reused = first ? reusableHealth(await storedHealth(adapter.site), adapter.site, path, Date.now()) : null;
    first = false;
    if (!ctx.isValid) return;
    const health = reused ? { ok: true, checks: reused } : adapter.health(document, { sample: HEALTH_SAMPLE });
    try {
      await request('page.health', { site: adapter.site, path, ok: health.ok, checks: health.checks, ...(reused ? { reused: true } : {}) });
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
  return () => {
    first = false;
    schedule();
  };
}
