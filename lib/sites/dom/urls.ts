/**
 * Links and ids found on the page, made safe to store: absolute https URLs on the canonical
 * host (vk.ru → vk.com), and opaque ids turned into the characters an item key may hold.
 */
import { canonicalHost } from '../hosts';

/** A plain site path ("/id123"): no need to parse it as a URL. */
const SITE_PATH = /^\/(?!\/)[\x21-\x7e]*$/;

/** An absolute https URL for an href found on the page, on the given canonical origin. */
export function absoluteUrl(href: string | null | undefined, base: string): string | undefined {
  if (!href) return undefined;
  if (SITE_PATH.test(href) && !href.includes('\\') && !href.includes('/.')) return base.replace(/\/+$/, '') + href;
  try {
    const url = new URL(href, base);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    url.protocol = 'https:';
    url.hostname = canonicalHost(url.hostname) ?? url.hostname;
    return url.toString();
  } catch {
    return undefined;
  }
}

/** Characters an item key keeps as they are (lib/model's key alphabet, less the escape '.'). */
const KEY_UNSAFE = /[^A-Za-z0-9_\-/]/gu;
const encoder = new TextEncoder();

/**
 * An opaque id (e.g. OK's base64-like comment ids, "Qk+x/9==") as part of an item key: each
 * other character becomes '.' and its UTF-8 bytes in hex ('+' → '.2B'). One id, one key part,
 * and no two ids share one ('.' itself is escaped). Digits and letters stay as they were.
 */
export function keyPart(id: string): string {
  return id.replace(KEY_UNSAFE, (c) => Array.from(encoder.encode(c), (b) => `.${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
}

/** Unix seconds or milliseconds from an attribute, as epoch ms; undefined when absent or odd. */
export function epochMs(raw: string | null | undefined): number | undefined {
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) return undefined;
  return n > 1e12 ? Math.round(n) : Math.round(n * 1000);
}

/** The longest item key the background stores (lib/model/message.ts, itemKeySchema). */
export const MAX_KEY_LENGTH = 200;
