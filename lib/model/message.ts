/**
 * The shapes every part of the product shares, as zod schemas: what the content script
 * captures from a page and what the curator records at capture. The stored message and its
 * workflow are in ./workflow.ts. Validated at every boundary, never trusted.
 */
import { z } from 'zod';
import { MAX_INSTANT, MIN_INSTANT } from '../worktime/range';
import { isCanonicalHost, isSiteHost } from '../sites/hosts';

/**
 * An instant: integer epoch milliseconds from 1970 to 2200. Anything else (1e300, NaN, a
 * negative or fractional number) is refused at every boundary: working-time arithmetic is
 * defined on this range only, and a value beyond it must never reach the background.
 */
export { MAX_INSTANT, MIN_INSTANT };
export const instantSchema = z.number().int('validation.instantInteger').min(MIN_INSTANT).max(MAX_INSTANT, 'validation.instantRange');

export const siteSchema = z.enum(['vk', 'ok']);
export type Site = z.infer<typeof siteSchema>;

export const importanceSchema = z.enum(['normal', 'high', 'critical']);
export type Importance = z.infer<typeof importanceSchema>;

/** A canonical permalink: https on vk.com or ok.ru only (vk.ru pages are stored as vk.com). */
export const permalinkSchema = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && isCanonicalHost(url.hostname);
    } catch {
      return false;
    }
  }, 'validation.permalink');

/** A link to a person or community: any https URL on the two sites (vk.ru allowed). */
const profileUrlSchema = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && isSiteHost(url.hostname);
    } catch {
      return false;
    }
  }, 'validation.profileUrl');

/** Any https link (attachments may live on the sites' media hosts); never javascript:, data: or http:. */
const httpsUrlSchema = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'validation.https');

export const itemKeySchema = z
  .string()
  .max(200)
  .regex(/^(vk|ok):[A-Za-z0-9_\-/:.]+$/, 'validation.itemKey');

/** A post or comment as the content script read it from the page (no DOM references). */
export const capturedItemSchema = z.object({
  site: siteSchema,
  kind: z.enum(['post', 'comment']),
  key: itemKeySchema,
  url: permalinkSchema,
  parentKey: itemKeySchema.optional(),
  author: z.object({ name: z.string().max(500), url: profileUrlSchema.optional() }),
  text: z.string().max(50_000),
  publishedAt: instantSchema.optional(),
  attachments: z
    .array(z.object({ type: z.enum(['photo', 'video', 'link', 'other']), url: httpsUrlSchema.optional() }))
    .max(100)
    .default([]),
});
export type CapturedItem = z.infer<typeof capturedItemSchema>;

const requiredText = (max: number) => z.string().trim().min(1, 'validation.required').max(max);

/** What the curator records about a captured post (free text until the directories arrive). */
export const routingSchema = z.object({
  topic: requiredText(200),
  location: z.string().trim().max(200).default(''),
  importance: importanceSchema,
  executor: requiredText(200),
});
export type Routing = z.infer<typeof routingSchema>;
export type RoutingInput = z.input<typeof routingSchema>;
