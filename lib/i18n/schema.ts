/**
 * A catalog as it is stored for, or sent to, the content script (which bundles none): validated
 * before it is installed. Pure.
 */
import * as z from 'zod/mini';
import { LOCALES } from './index';

const pluralSchema = z.object({ one: z.string(), few: z.string(), many: z.string(), other: z.string() });

export const messagesSchema = z.record(z.string().check(z.maxLength(100)), z.union([z.string().check(z.maxLength(5000)), pluralSchema]));

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
