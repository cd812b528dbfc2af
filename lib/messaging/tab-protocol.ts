/**
 * Requests the background sends to the content script of one tab (browser.tabs.sendMessage).
 * The content script validates each one with zod before acting; the background validates the
 * replies. Kept apart so the content script bundles only these schemas.
 */
import * as z from 'zod/mini';
import { itemKeySchema } from '../model/message';
import { reasonFields } from './channel';

export const TAB_CHANNEL = 'aot/tab';

export const insertMethodSchema = z.enum(['execCommand', 'paste', 'beforeinput']);
export type InsertMethod = z.infer<typeof insertMethodSchema>;

export const tabRequestSchema = z.discriminatedUnion('type', [
  /** Is the content script up (and which adapter)? */
  z.object({ channel: z.literal(TAB_CHANNEL), type: z.literal('ping') }),
  /** Put an approved answer into the reply box of an item, and watch for it being sent. */
  z.object({
    channel: z.literal(TAB_CHANNEL),
    type: z.literal('publish.insert'),
    messageId: z.string().check(z.minLength(1), z.maxLength(100)),
    key: itemKeySchema,
    parentKey: z.optional(itemKeySchema),
    text: z.string().check(z.minLength(1), z.maxLength(20_000)),
  }),
]);
export type TabRequest = z.infer<typeof tabRequestSchema>;

export const tabReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), method: z.optional(insertMethodSchema), site: z.optional(z.enum(['vk', 'ok'])) }),
  /** reason and params: why, said by the page that shows it (lib/i18n). */
  z.object({ ok: z.literal(false), ...reasonFields }),
]);
export type TabReply = z.infer<typeof tabReplySchema>;
