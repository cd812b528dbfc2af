/**
 * The shapes every part of the product shares, as zod schemas: what the content script
 * captures from a page and what the curator records at capture. The stored message and its
 * workflow are in ./workflow.ts. Validated at every boundary, never trusted.
 *
 * zod/mini (functional checks): the content script builds these at every page load, and mini
 * schemas are light to build and let the bundler leave out the rest of zod.
 */
import * as z from 'zod/mini';
import { MAX_INSTANT, MIN_INSTANT } from '../worktime/range';
import { isCanonicalHost, isSiteHost } from '../sites/hosts';

/**
 * An instant: integer epoch milliseconds from 1970 to 2200. Anything else (1e300, NaN, a
 * negative or fractional number) is refused at every boundary: working-time arithmetic is
 * defined on this range only, and a value beyond it must never reach the background.
 */
export { MAX_INSTANT, MIN_INSTANT };
export const instantSchema = z.number().check(z.int('validation.instantInteger'), z.minimum(MIN_INSTANT), z.maximum(MAX_INSTANT, 'validation.instantRange'));

export const siteSchema = z.enum(['vk', 'ok']);
export type Site = z.infer<typeof siteSchema>;

export const importanceSchema = z.enum(['normal', 'high', 'critical']);
export type Importance = z.infer<typeof importanceSchema>;

/** A canonical permalink: https on vk.com or ok.ru only (vk.ru pages are stored as vk.com). */
export const permalinkSchema = z.string().check(
  z.maxLength(2000),
  z.refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && isCanonicalHost(url.hostname);
    } catch {
      return false;
    }
  }, 'validation.permalink'),
);

/** A link to a person or community: any https URL on the two sites (vk.ru allowed). */
const profileUrlSchema = z.string().check(
  z.maxLength(2000),
  z.refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && isSiteHost(url.hostname);
    } catch {
      return false;
    }
  }, 'validation.profileUrl'),
);

/** Any https link (attachments may live on the sites' media hosts); never javascript:, data: or http:. */
const httpsUrlSchema = z.string().check(
  z.maxLength(2000),
  z.refine((value) => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'validation.https'),
);

export const itemKeySchema = z.string().check(z.maxLength(200), z.regex(/^(vk|ok):[A-Za-z0-9_\-/:.]+$/, 'validation.itemKey'));

/** A post or comment as the content script read it from the page (no DOM references). */
export const capturedItemSchema = z.object({
  site: siteSchema,
  kind: z.enum(['post', 'comment']),
  key: itemKeySchema,
  url: permalinkSchema,
  parentKey: z.optional(itemKeySchema),
  author: z.object({ name: z.string().check(z.maxLength(500)), url: z.optional(profileUrlSchema) }),
  text: z.string().check(z.maxLength(50_000)),
  publishedAt: z.optional(instantSchema),
  attachments: z._default(
    z.array(z.object({ type: z.enum(['photo', 'video', 'link', 'other']), url: z.optional(httpsUrlSchema) })).check(z.maxLength(100)),
    [],
  ),
});
export type CapturedItem = z.infer<typeof capturedItemSchema>;

const requiredText = (max: number) => z.string().check(z.trim(), z.minLength(1, 'validation.required'), z.maxLength(max));

/** What the curator records about a captured post (free text until the directories arrive). */
export const routingSchema = z.object({
  topic: requiredText(200),
  location: z._default(z.string().check(z.trim(), z.maxLength(200)), ''),
  importance: importanceSchema,
  executor: requiredText(200),
});
export type Routing = z.infer<typeof routingSchema>;
export type RoutingInput = z.input<typeof routingSchema>;
