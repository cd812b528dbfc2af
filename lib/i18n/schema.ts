/**
 * A catalog as it is stored for, or sent to, the content script (which bundles none): validated
 * before it is installed. Pure.
 */
import * as z from 'zod/mini';
import { LOCALES } from './index';

type Plural = { one: string; few: string; many: string; other: string };
export type CatalogMessages = Record<string, string | Plural>;

const MAX_KEY = 100;
const MAX_TEXT = 5000;
const MAX_MESSAGES = 5000;
const short = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;

/**
 * Every key at most 100 characters, every message a text of at most 5,000 or a plural of four.
 * One loop instead of a record of unions: the content script checks the whole catalog at every
 * page load, before its code is warm (measured: the union record cost 3–8 ms of a page's load).
 */
export function isCatalogMessages(value: unknown): value is CatalogMessages {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  let n = 0;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (++n > MAX_MESSAGES || key.length > MAX_KEY) return false;
    const v = (value as Record<string, unknown>)[key];
    if (short(v)) continue;
    if (typeof v !== 'object' || v === null) return false;
    const p = v as Record<string, unknown>;
    if (!short(p.one) || !short(p.few) || !short(p.many) || !short(p.other)) return false;
  }
  return true;
}

export const messagesSchema = z.custom<CatalogMessages>(isCatalogMessages, { message: 'not a catalog of messages' });

/**
 * The catalog of the language in use (storage.local ACTIVE_CATALOG_KEY): which language, the
 * extension version that wrote it, a digest of its messages, and the messages.
 */
export const activeCatalogSchema = z.object({
  locale: z.enum(LOCALES),
  version: z.string().check(z.maxLength(50)),
  digest: z.string().check(z.maxLength(50)),
  messages: messagesSchema,
});
export type ActiveCatalog = z.infer<typeof activeCatalogSchema>;
