/**
 * The requests content scripts send (capture on VK/OK pages). Kept apart from the privileged
 * ones so the content script bundles only these schemas.
 */
import { z } from 'zod';
import { capturedItemSchema, itemKeySchema, routingSchema } from '../model/message';
import { stepSchema } from '../workflow/model';

export const siteProtocol = {
  /** Record a captured post with the curator's routing; idempotent per post key. */
  'capture.save': {
    from: ['site', 'extension'],
    request: z.object({
      item: capturedItemSchema,
      routing: routingSchema,
      /** When the curator pressed the capture button, by the page's clock (the background checks it). */
      detectedAt: z.number().int().positive().optional(),
    }),
    /** dueAt: when the answer is due (the regulation's answer term); nextDueAt: the next step's. */
    response: z.object({ id: z.string(), created: z.boolean(), dueAt: z.number(), nextDueAt: z.number().optional() }),
  },
  /** Which of these post keys are already messages (one batched request per page scan). */
  'capture.lookup': {
    from: ['site', 'extension'],
    request: z.object({ keys: z.array(itemKeySchema).max(1000) }),
    response: z.object({
      found: z.array(z.object({ key: itemKeySchema, id: z.string(), status: z.string(), dueAt: z.number() })),
    }),
  },
  /** Earlier messages a capture likely repeats (the curator confirms with linkRepeat). */
  'capture.repeats': {
    from: ['site', 'extension'],
    request: z.object({ item: capturedItemSchema, topic: z.string().max(200).optional(), location: z.string().max(200).optional() }),
    response: z.object({
      candidates: z.array(
        z.object({ id: z.string(), reasons: z.array(z.enum(['author', 'topic-location', 'text'])), score: z.number(), text: z.string(), detectedAt: z.number(), step: stepSchema }),
      ),
    }),
  },
} as const;
